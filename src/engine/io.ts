/** File helpers shared by the CLI and the action: reading inputs and writing outputs atomically. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fail, osReason } from './errors.js';

/** fs's callback functions, promised: fs.promises loads readline and streams (2 ms of a small file's run). */
export const files = {
  chmod: promisify(fs.chmod),
  lstat: promisify(fs.lstat),
  mkdtemp: promisify(fs.mkdtemp),
  readFile: promisify(fs.readFile),
  realpath: promisify(fs.realpath),
  rename: promisify(fs.rename),
  rm: promisify(fs.rm),
  stat: promisify(fs.stat),
  writeFile: promisify(fs.writeFile),
};

/** Reads a file, turning the OS error into one line naming the file. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await files.readFile(file);
  } catch (err) {
    cannotRead(file, err);
  }
}

function cannotRead(file: string, err: unknown): never {
  fail('IO', `cannot read ${file}: ${osReason(err)}`, err);
}

/** A file read in parts: its size, and reads that fill `length` bytes at `position` or fail naming the file. */
export interface InputFile {
  size: number;
  read(into: Uint8Array, offset: number, length: number, position: number): Promise<void>;
  close(): Promise<void>;
}

export async function openInput(file: string): Promise<InputFile> {
  const cannot = (err: unknown): never => cannotRead(file, err);
  const handle = await fs.promises.open(file, 'r').catch(cannot);
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(into, offset, length, position) {
        for (let done = 0; done < length; ) {
          const { bytesRead } = await handle.read(into, offset + done, length - done, position + done).catch(cannot);
          if (bytesRead === 0) fail('IO', `cannot read ${file}: it ended early (it changed while being read)`);
          done += bytesRead;
        }
      },
      close: () => handle.close(),
    };
  } catch (err) {
    await handle.close();
    return cannot(err);
  }
}

/** Runs a step on `dest` itself, turning an OS error into one line naming `dest`. */
async function writing<T>(dest: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    fail('IO', `cannot write ${dest}: ${osReason(err)}`, err);
  }
}

function stats(file: string, follow: boolean): Promise<fs.Stats | undefined> {
  return (follow ? files.stat(file) : files.lstat(file)).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
}

/** Temporary files and directories being written: removed on a signal (`removeTemporaryOutputsOnSignal`). */
const pending = new Set<string>();

/**
 * Until the returned function is called, SIGINT, SIGTERM or SIGHUP first removes every temporary
 * output in progress (a worker may be writing one), then ends the process as the signal would.
 */
export function removeTemporaryOutputsOnSignal(): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const p of pending) fs.rmSync(p, { recursive: true, force: true });
    pending.clear();
    process.kill(process.pid, signal); // the handler is gone (once): the default action ends us
  };
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Has `produce` write a temporary file in the same directory and renames it into place, so a
 * reader never sees a partial file and a failure leaves nothing behind. Like a plain write: a
 * symlink is written through (its target replaced, the link kept), a replaced file keeps its
 * mode, and what is not a regular file (/dev/null, a FIFO) is written into, never replaced.
 */
export async function replaceAtomically(dest: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const link = await writing(dest, () => stats(dest, false));
  const target = link?.isSymbolicLink() ? await writing(dest, () => stats(dest, true)) : link;
  if (target?.isDirectory()) fail('IO', `cannot write ${dest}: it is a directory`);
  if (link && !target?.isFile()) return writeInto(dest, produce);
  const file = link?.isSymbolicLink() ? await writing(dest, () => files.realpath(dest)) : dest;
  // Like the reference: the directory must exist (a typo must not create a tree of directories).
  const dir = await writing(dest, () => stats(path.dirname(file), true));
  if (!dir?.isDirectory()) fail('IO', `cannot write ${dest}: ${dir ? 'its parent is not a directory' : `the directory ${path.dirname(dest)} does not exist`}`);
  // Kept short of the 255-byte name limit, however long the destination's name.
  const tmp = path.join(path.dirname(file), `.${path.basename(file).slice(0, 64)}.${process.pid}.${Date.now()}.preinit.tmp`);
  pending.add(tmp);
  try {
    await produce(tmp);
    if (target) await writing(dest, () => files.chmod(tmp, target.mode & 0o7777));
    await writing(dest, () => files.rename(tmp, file));
  } catch (err) {
    await files.rm(tmp, { force: true });
    throw err;
  } finally {
    pending.delete(tmp);
  }
}

/** A destination that is not a regular file (nor a link to one) is produced aside, then copied in. */
async function writeInto(dest: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const dir = await files.mkdtemp(path.join(os.tmpdir(), 'preinit-output-'));
  pending.add(dir);
  try {
    const tmp = path.join(dir, 'output.preinit.tmp');
    await produce(tmp);
    const { pipeline } = await import('node:stream/promises'); // seldom needed, slow to load
    await writing(dest, () => pipeline(fs.createReadStream(tmp), fs.createWriteStream(dest)));
  } finally {
    await files.rm(dir, { recursive: true, force: true });
    pending.delete(dir);
  }
}

export function writeFileAtomic(dest: string, bytes: Uint8Array): Promise<void> {
  return replaceAtomically(dest, (tmp) => files.writeFile(tmp, bytes));
}
