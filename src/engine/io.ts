/** File helpers shared by the CLI and the action: reading inputs and writing outputs atomically. */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from './errors.js';

/** Reads a file, turning the OS error into one line naming the file. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await fs.promises.readFile(file);
  } catch (err) {
    fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, err);
  }
}

/**
 * Has `produce` write a temporary file in the same directory and renames it into place, so a
 * reader never sees a partial file and a failure leaves nothing behind.
 */
export async function replaceAtomically(dest: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  await fs.promises.mkdir(path.dirname(dest), { recursive: true });
  const tmp = path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.${Date.now()}.preinit.tmp`);
  try {
    await produce(tmp);
    await fs.promises.rename(tmp, dest);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

export function writeFileAtomic(dest: string, bytes: Uint8Array): Promise<void> {
  return replaceAtomically(dest, (tmp) => fs.promises.writeFile(tmp, bytes));
}
