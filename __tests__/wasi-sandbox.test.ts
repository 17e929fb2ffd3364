/**
 * WASI sandbox attacks: a guest whose init tries to escape its read-only preopen, write, create,
 * truncate, or read the environment. Each attempt's errno (and any value it got) is stored in
 * memory during init; the snapshot is then instantiated and those results read back, so every
 * assertion is on what the guest actually saw.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preinitialize, type PreinitOptions } from '../src/engine/index.js';
import { instantiate, wat } from './support/wasm.js';
import { HOSTILE_CALLS, hostileGuest, WASI_IMPORTS } from './support/wasi-guests.js';

const ERRNO = { SUCCESS: 0, BADF: 8, NOENT: 44, NOTDIR: 54, NOTCAPABLE: 76 } as const;
const RIGHT = { fd_read: 1n << 1n, fd_seek: 1n << 2n, fd_write: 1n << 6n, fd_tell: 1n << 5n, fd_filestat_set_size: 1n << 22n };
const READ_RIGHTS = RIGHT.fd_read | RIGHT.fd_seek | RIGHT.fd_tell;
const OFLAGS = { creat: 1, directory: 2, excl: 4, trunc: 8 };
const LOOKUP_FOLLOW = 1;
const FDFLAG_APPEND = 1;

const SECRET = 'TOP-SECRET-OUTSIDE-THE-PREOPEN';
const ALLOWED = 'allowed file contents: 0123456789';

/** Memory layout of the guest. */
const STRINGS = 0x100; // path strings
const RESULTS = 0x4000; // per probe: errno (i32), value (i32)
const FD_SLOT = 0x3000;
const IOVEC = 0x3010;
const NREAD = 0x3020;
const READ_BUF = 0x8000; // per probe: 256 bytes
const PREOPEN = 3;


interface OpenSpec {
  path: string;
  dirFd?: number | 'last';
  lookup?: number;
  oflags?: number;
  rights?: bigint;
  fdflags?: number;
  /** After a successful open, read up to 256 bytes into this probe's buffer. */
  read?: boolean;
  /** After a successful open, try fd_write / fd_pwrite / set_size on the new fd (value = that errno). */
  write?: 'fd_write' | 'fd_pwrite' | 'set_size';
}

type Probe =
  | { name: string; open: OpenSpec }
  | { name: string; call: 'filestat' | 'mkdir' | 'unlink' | 'symlink' | 'rename'; path: string; path2?: string };

/** Builds a guest whose init runs each probe in order; returns the module and where its strings are. */
async function guest(probes: Probe[]): Promise<Uint8Array> {
  const strings: string[] = [];
  const data: string[] = [];
  let next = STRINGS;
  const str = (s: string) => {
    const bytes = Buffer.from(s);
    const at = next;
    next += bytes.length + 1;
    strings.push(s);
    data.push(`(data (i32.const ${at}) "${[...bytes].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('')}")`);
    return { ptr: at, len: bytes.length };
  };
  const body: string[] = [];
  probes.forEach((p, i) => {
    const errnoAt = RESULTS + 8 * i;
    const valueAt = errnoAt + 4;
    const buf = READ_BUF + 256 * i;
    if ('open' in p) {
      const o = p.open;
      const s = str(o.path);
      const dirFd = o.dirFd === 'last' ? `(i32.load (i32.const ${FD_SLOT}))` : `(i32.const ${o.dirFd ?? PREOPEN})`;
      body.push(`(i32.store (i32.const ${FD_SLOT + 4}) ${dirFd})`);
      body.push(`(i32.store (i32.const ${errnoAt}) (call $path_open (i32.load (i32.const ${FD_SLOT + 4})) (i32.const ${o.lookup ?? LOOKUP_FOLLOW})
        (i32.const ${s.ptr}) (i32.const ${s.len}) (i32.const ${o.oflags ?? 0}) (i64.const ${o.rights ?? READ_RIGHTS}) (i64.const ${o.rights ?? READ_RIGHTS})
        (i32.const ${o.fdflags ?? 0}) (i32.const ${FD_SLOT})))`);
      const then: string[] = [];
      if (o.read) {
        then.push(`(i32.store (i32.const ${IOVEC}) (i32.const ${buf})) (i32.store (i32.const ${IOVEC + 4}) (i32.const 256))`);
        then.push(`(drop (call $fd_read (i32.load (i32.const ${FD_SLOT})) (i32.const ${IOVEC}) (i32.const 1) (i32.const ${NREAD})))`);
        then.push(`(i32.store (i32.const ${valueAt}) (i32.load (i32.const ${NREAD})))`);
      }
      if (o.write) {
        const w = str('written by the guest');
        then.push(`(i32.store (i32.const ${IOVEC}) (i32.const ${w.ptr})) (i32.store (i32.const ${IOVEC + 4}) (i32.const ${w.len}))`);
        const call = o.write === 'fd_write'
          ? `(call $fd_write (i32.load (i32.const ${FD_SLOT})) (i32.const ${IOVEC}) (i32.const 1) (i32.const ${NREAD}))`
          : o.write === 'fd_pwrite'
            ? `(call $fd_pwrite (i32.load (i32.const ${FD_SLOT})) (i32.const ${IOVEC}) (i32.const 1) (i64.const 0) (i32.const ${NREAD}))`
            : `(call $fd_set_size (i32.load (i32.const ${FD_SLOT})) (i64.const 0))`;
        then.push(`(i32.store (i32.const ${valueAt}) ${call})`);
      }
      if (then.length) body.push(`(if (i32.eqz (i32.load (i32.const ${errnoAt}))) (then ${then.join(' ')}))`);
    } else {
      const s = str(p.path);
      const s2 = p.path2 === undefined ? s : str(p.path2);
      const args = (a: { ptr: number; len: number }) => `(i32.const ${a.ptr}) (i32.const ${a.len})`;
      const call = {
        filestat: `(call $path_filestat_get (i32.const ${PREOPEN}) (i32.const ${LOOKUP_FOLLOW}) ${args(s)} (i32.const ${buf}))`,
        mkdir: `(call $path_create_directory (i32.const ${PREOPEN}) ${args(s)})`,
        unlink: `(call $path_unlink_file (i32.const ${PREOPEN}) ${args(s)})`,
        symlink: `(call $path_symlink ${args(s2)} (i32.const ${PREOPEN}) ${args(s)})`,
        rename: `(call $path_rename (i32.const ${PREOPEN}) ${args(s)} (i32.const ${PREOPEN}) ${args(s2)})`,
      }[p.call];
      body.push(`(i32.store (i32.const ${errnoAt}) ${call})`);
    }
  });
  return wat(`(module ${WASI_IMPORTS}
    (memory (export "memory") 2)
    ${data.join('\n    ')}
    (func (export "wizer-initialize")
      ;; every result slot starts as -1 so that a probe that never ran cannot look like success
      (memory.fill (i32.const ${RESULTS}) (i32.const 0xff) (i32.const ${8 * probes.length}))
      ${body.join('\n      ')}))`);
}

interface Outcome {
  errno: number;
  value: number;
  read: string;
}

/** Pre-initializes the guest and reads each probe's outcome out of the snapshot. */
async function attack(probes: Probe[], options: PreinitOptions): Promise<Record<string, Outcome>> {
  const input = await guest(probes);
  const { output } = await preinitialize(input, { allowWasi: true, inheritStdio: false, ...options });
  const memory = (await instantiate(output)).exports.memory as WebAssembly.Memory;
  const view = new DataView(memory.buffer);
  const out: Record<string, Outcome> = {};
  probes.forEach((p, i) => {
    const errno = view.getInt32(RESULTS + 8 * i, true);
    const value = view.getInt32(RESULTS + 8 * i + 4, true);
    const bytes = new Uint8Array(memory.buffer, READ_BUF + 256 * i, 256);
    const end = bytes.indexOf(0);
    out[p.name] = { errno, value, read: Buffer.from(bytes.subarray(0, end < 0 ? 256 : end)).toString() };
  });
  return out;
}

// Created at load time: the probe lists below name paths in it.
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-sandbox-')));
const root = path.join(tmp, 'root');
const outside = path.join(tmp, 'outside.txt');

/** Everything under `dir`, with file contents: to prove nothing on disk changed. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, entry);
    const st = fs.lstatSync(full);
    out[entry] = st.isSymbolicLink() ? `-> ${fs.readlinkSync(full)}` : st.isDirectory() ? '<dir>' : fs.readFileSync(full, 'utf8');
  }
  return out;
}

beforeAll(() => {
  fs.mkdirSync(path.join(root, 'sub', 'deeper'), { recursive: true });
  fs.writeFileSync(outside, SECRET);
  fs.writeFileSync(path.join(tmp, 'victim.txt'), 'victim');
  fs.writeFileSync(path.join(root, 'allowed.txt'), ALLOWED);
  fs.writeFileSync(path.join(root, 'sub', 'inner.txt'), 'inner');
  fs.writeFileSync(path.join(root, 'writable.txt'), 'do not truncate me');
  fs.symlinkSync('../outside.txt', path.join(root, 'link-out'));
  fs.symlinkSync(outside, path.join(root, 'link-abs'));
  fs.symlinkSync('..', path.join(root, 'dirlink-out'));
  fs.symlinkSync('allowed.txt', path.join(root, 'link-in'));
  fs.symlinkSync('../../outside.txt', path.join(root, 'sub', 'link-up2'));
  fs.symlinkSync('loop', path.join(root, 'loop'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const preopen = (guestPath = '/sandbox') => ({ preopens: [{ guest: guestPath, host: root }] });

describe('paths escaping the preopen are refused with ENOTCAPABLE', () => {
  let results: Record<string, Outcome>;
  const probes: Probe[] = [
    { name: 'dotdot', open: { path: '../outside.txt', read: true } },
    { name: 'dotdot-deep', open: { path: 'sub/../../outside.txt', read: true } },
    { name: 'dotdot-many', open: { path: '../../../../../../../../etc/passwd', read: true } },
    { name: 'absolute', open: { path: '/etc/passwd', read: true } },
    { name: 'absolute-host-path', open: { path: outside, read: true } },
    { name: 'symlink-relative-out', open: { path: 'link-out', read: true } },
    { name: 'symlink-absolute-out', open: { path: 'link-abs', read: true } },
    { name: 'symlinked-dir-out', open: { path: 'dirlink-out/outside.txt', read: true } },
    { name: 'symlink-two-up', open: { path: 'sub/link-up2', read: true } },
    { name: 'nul-in-path', open: { path: 'allowed.txt\0../outside.txt', read: true } },
    { name: 'filestat-outside', call: 'filestat', path: '../outside.txt' },
    { name: 'filestat-symlink-out', call: 'filestat', path: 'link-out' },
  ];
  beforeAll(async () => {
    results = await attack(probes, preopen());
  });
  test.each(probes.map((p) => p.name))('%s', (name) => {
    expect(results[name].errno).toBe(ERRNO.NOTCAPABLE);
    expect(results[name].read).not.toContain('SECRET');
    expect(results[name].read).not.toContain('root:');
  });
});

describe('a symlink out of the preopen opened without following symlinks', () => {
  // The host's open follows the link even when the guest did not ask to: where it leads is checked.
  test('SANDBOX ESCAPE: path_open without SYMLINK_FOLLOW on a link pointing outside must not read the target', async () => {
    const r = await attack([
      { name: 'nofollow-relative', open: { path: 'link-out', lookup: 0, read: true } },
      { name: 'nofollow-absolute', open: { path: 'link-abs', lookup: 0, read: true } },
    ], preopen());
    for (const o of Object.values(r)) {
      expect(o.read).not.toContain('SECRET');
      expect(o.errno).not.toBe(ERRNO.SUCCESS);
    }
  });
});

describe('a symlinked directory out of the preopen opened without following symlinks', () => {
  // `dirlink-out -> ..` must not give a directory descriptor outside the preopen.
  test('SANDBOX ESCAPE: fd_readdir on it must not list the directory outside', async () => {
    const input = await wat(`(module
      (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
      (memory (export "memory") 1)
      (data (i32.const 16) "dirlink-out")
      (func (export "wizer-initialize")
        (i32.store (i32.const 0) (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 11)
          (i32.const 2) (i64.const 0x4000) (i64.const 0x4000) (i32.const 0) (i32.const 4)))
        (if (i32.eqz (i32.load (i32.const 0)))
          (then (drop (call $fd_readdir (i32.load (i32.const 4)) (i32.const 1024) (i32.const 4096) (i64.const 0) (i32.const 8)))))))`);
    const { output } = await preinitialize(input, { allowWasi: true, inheritStdio: false, ...preopen() });
    const memory = (await instantiate(output)).exports.memory as WebAssembly.Memory;
    const listing = Buffer.from(new Uint8Array(memory.buffer, 1024, 4096)).toString('latin1');
    expect(listing).not.toContain('outside.txt');
    expect(listing).not.toContain('victim.txt');
  });
});

describe('paths that stay inside the preopen work', () => {
  test('reading an allowed file puts its bytes in the snapshot', async () => {
    const r = await attack([
      { name: 'plain', open: { path: 'allowed.txt', read: true } },
      { name: 'dot-segments', open: { path: './sub/../allowed.txt', read: true } },
      { name: 'symlink-inside', open: { path: 'link-in', read: true } },
      { name: 'nested', open: { path: 'sub/inner.txt', read: true } },
      { name: 'missing', open: { path: 'nope.txt', read: true } },
      { name: 'loop', open: { path: 'loop', read: true } },
    ], preopen());
    expect(r.plain).toEqual({ errno: 0, value: ALLOWED.length, read: ALLOWED });
    expect(r['dot-segments']).toEqual({ errno: 0, value: ALLOWED.length, read: ALLOWED });
    expect(r['symlink-inside']).toEqual({ errno: 0, value: ALLOWED.length, read: ALLOWED });
    expect(r.nested).toEqual({ errno: 0, value: 5, read: 'inner' });
    expect(r.missing.errno).toBe(ERRNO.NOENT);
    expect([ERRNO.NOENT, 32 /* ELOOP */, ERRNO.NOTCAPABLE]).toContain(r.loop.errno);
  });

  test('the output contains the file bytes as data, and the input did not', async () => {
    const input = await guest([{ name: 'plain', open: { path: 'allowed.txt', read: true } }]);
    const { output } = await preinitialize(input, { allowWasi: true, inheritStdio: false, ...preopen() });
    expect(Buffer.from(input).includes(ALLOWED)).toBe(false);
    expect(Buffer.from(output).includes(ALLOWED)).toBe(true);
    expect(Buffer.from(output).includes(SECRET)).toBe(false);
  });

  test('from a subdirectory fd, `..` back to the root is fine but past it is refused', async () => {
    const r = await attack([
      { name: 'open-sub', open: { path: 'sub', oflags: OFLAGS.directory } },
      { name: 'up-to-root', open: { path: '../allowed.txt', dirFd: 'last', read: true } },
    ], preopen());
    expect(r['open-sub'].errno).toBe(0);
    expect(r['up-to-root']).toEqual({ errno: 0, value: ALLOWED.length, read: ALLOWED });
    const r2 = await attack([
      { name: 'open-sub', open: { path: 'sub/deeper', oflags: OFLAGS.directory } },
      { name: 'past-root', open: { path: '../../../outside.txt', dirFd: 'last', read: true } },
    ], preopen());
    expect(r2['open-sub'].errno).toBe(0);
    expect(r2['past-root'].errno).toBe(ERRNO.NOTCAPABLE);
    expect(r2['past-root'].read).toBe('');
  });

  test('fds that are not preopened directories cannot be used as a base', async () => {
    const r = await attack([
      { name: 'stdin-as-dir', open: { path: 'allowed.txt', dirFd: 0, read: true } },
      { name: 'unknown-fd', open: { path: 'allowed.txt', dirFd: 42, read: true } },
    ], preopen());
    expect(r['stdin-as-dir'].errno).toBe(ERRNO.NOTDIR);
    expect(r['unknown-fd'].errno).toBe(ERRNO.BADF);
  });
});

describe('writes are refused and nothing on disk changes', () => {
  let before: Record<string, string>;
  let results: Record<string, Outcome>;
  const probes: Probe[] = [
    { name: 'open-write-right', open: { path: 'writable.txt', rights: READ_RIGHTS | RIGHT.fd_write } },
    { name: 'open-set-size-right', open: { path: 'writable.txt', rights: READ_RIGHTS | RIGHT.fd_filestat_set_size } },
    { name: 'open-create', open: { path: 'created.txt', oflags: OFLAGS.creat } },
    { name: 'open-create-excl', open: { path: 'created2.txt', oflags: OFLAGS.creat | OFLAGS.excl } },
    { name: 'open-truncate', open: { path: 'writable.txt', oflags: OFLAGS.trunc } },
    { name: 'open-append', open: { path: 'writable.txt', fdflags: FDFLAG_APPEND } },
    { name: 'create-outside', open: { path: '../created-outside.txt', oflags: OFLAGS.creat } },
    { name: 'mkdir', call: 'mkdir', path: 'newdir' },
    { name: 'unlink', call: 'unlink', path: 'writable.txt' },
    { name: 'unlink-outside', call: 'unlink', path: '../victim.txt' },
    { name: 'symlink', call: 'symlink', path: 'newlink', path2: '../outside.txt' },
    { name: 'rename', call: 'rename', path: 'writable.txt', path2: 'renamed.txt' },
  ];
  beforeAll(async () => {
    before = { ...tree(root), outside: fs.readFileSync(outside, 'utf8') };
    results = await attack(probes, preopen());
  });
  test.each(probes.map((p) => p.name))('%s', (name) => {
    expect(results[name].errno).toBe(ERRNO.NOTCAPABLE);
  });
  test('the preopen and its parent are unchanged', () => {
    expect({ ...tree(root), outside: fs.readFileSync(outside, 'utf8') }).toEqual(before);
    expect(fs.existsSync(path.join(tmp, 'created-outside.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(tmp, 'victim.txt'), 'utf8')).toBe('victim');
  });

  test('a file opened read-only cannot be written through its fd', async () => {
    const snapshotBefore = tree(root);
    const r = await attack([
      { name: 'fd_write', open: { path: 'writable.txt', write: 'fd_write' } },
      { name: 'fd_pwrite', open: { path: 'writable.txt', write: 'fd_pwrite' } },
      { name: 'set_size', open: { path: 'writable.txt', write: 'set_size' } },
      { name: 'fd_write-dir', open: { path: 'sub', oflags: OFLAGS.directory, write: 'fd_write' } },
    ], preopen());
    for (const name of ['fd_write', 'fd_pwrite', 'set_size', 'fd_write-dir']) {
      expect(r[name].errno).toBe(0); // the read-only open itself is allowed
      expect(r[name].value).not.toBe(0); // the write is not
    }
    expect(r.fd_write.value).toBe(ERRNO.NOTCAPABLE);
    expect(tree(root)).toEqual(snapshotBefore);
    expect(fs.readFileSync(path.join(root, 'writable.txt'), 'utf8')).toBe('do not truncate me');
  });
});

describe('without a preopen there is no file system at all', () => {
  test('fd 3 does not exist', async () => {
    const r = await attack([
      { name: 'relative', open: { path: 'allowed.txt', read: true } },
      { name: 'absolute', open: { path: '/etc/passwd', read: true } },
    ], {});
    expect(r.relative.errno).toBe(ERRNO.BADF);
    expect(r.absolute.errno).toBe(ERRNO.BADF);
    expect(r.absolute.read).toBe('');
  });
});

describe('the environment', () => {
  const ENV_SIZES = 0x3100;
  const ENV_PTRS = 0x3200;
  const ENV_BUF = 0x10000;
  async function envGuest(): Promise<Uint8Array> {
    return wat(`(module ${WASI_IMPORTS}
      (memory (export "memory") 4)
      (func (export "wizer-initialize")
        (i32.store (i32.const ${ENV_SIZES + 8}) (call $environ_sizes_get (i32.const ${ENV_SIZES}) (i32.const ${ENV_SIZES + 4})))
        ;; only fetch the strings when they fit in the buffer (128 KiB) and the pointer table (224 entries)
        (if (i32.and (i32.le_u (i32.load (i32.const ${ENV_SIZES + 4})) (i32.const 131072))
                     (i32.le_u (i32.load (i32.const ${ENV_SIZES})) (i32.const 224)))
          (then (i32.store (i32.const ${ENV_SIZES + 12}) (call $environ_get (i32.const ${ENV_PTRS}) (i32.const ${ENV_BUF})))))))`);
  }
  async function environment(options: PreinitOptions) {
    const { output } = await preinitialize(await envGuest(), { allowWasi: true, inheritStdio: false, ...options });
    const memory = (await instantiate(output)).exports.memory as WebAssembly.Memory;
    const view = new DataView(memory.buffer);
    const count = view.getUint32(ENV_SIZES, true);
    const size = view.getUint32(ENV_SIZES + 4, true);
    const strings = Buffer.from(new Uint8Array(memory.buffer, ENV_BUF, size)).toString().split('\0').filter(Boolean);
    return { errno: view.getUint32(ENV_SIZES + 8, true), count, size, strings, output };
  }

  beforeAll(() => {
    process.env.PREINIT_SANDBOX_MARKER = 'host-secret-value';
  });
  afterAll(() => {
    delete process.env.PREINIT_SANDBOX_MARKER;
  });

  test('is empty when not allowed, although the host has variables', async () => {
    const env = await environment({});
    expect(env.errno).toBe(0);
    expect(env.count).toBe(0);
    expect(env.size).toBe(0);
    expect(env.strings).toEqual([]);
    expect(Buffer.from(env.output).includes('host-secret-value')).toBe(false);
  });

  test('holds only the variables given with env', async () => {
    const env = await environment({ env: { GREETING: 'hi' } });
    expect(env.count).toBe(1);
    expect(env.size).toBe('GREETING=hi\0'.length);
    expect(env.strings).toEqual(['GREETING=hi']);
    expect(Buffer.from(env.output).includes('host-secret-value')).toBe(false);
  });

  test('holds the host environment only with inheritEnv', async () => {
    // allowSecrets: the snapshot holds host values on purpose here (secrets.ts would refuse it).
    const env = await environment({ inheritEnv: true, allowSecrets: true } as PreinitOptions);
    const hostCount = Object.values(process.env).filter((v) => v !== undefined).length;
    expect(env.count).toBe(hostCount);
    if (hostCount <= 224) expect(env.strings).toContain('PREINIT_SANDBOX_MARKER=host-secret-value');
  });

  test('without allowWasi, asking for it traps and there is no output', async () => {
    const err = await preinitialize(await envGuest(), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('PreinitError');
    expect((err as Error).message).toMatch(/^the `wizer-initialize` function trapped: .*environ_sizes_get/);
  });
});

describe('hostile pointers and exits', () => {
  // Each: the guest gets a non-zero errno, or init ends as a clean trap (the reference traps on
  // all of these: see wasi-parity.test.ts); never anything but a PreinitError.
  test.each(Object.entries(HOSTILE_CALLS))('%s: an errno or a clean trap, never an engine crash', async (_, call) => {
    const input = await hostileGuest(call);
    let output: Uint8Array | undefined;
    try {
      output = (await preinitialize(input, { allowWasi: true, inheritStdio: false, ...preopen() })).output;
    } catch (err) {
      expect((err as Error).name).toBe('PreinitError');
      expect((err as Error).message).toMatch(/^the `wizer-initialize` function trapped: /);
      expect((err as Error).message).not.toMatch(/\n/);
      return;
    }
    const view = new DataView(((await instantiate(output)).exports.memory as WebAssembly.Memory).buffer);
    expect(view.getUint32(1024, true)).not.toBe(0);
    expect(view.getUint32(1028, true)).toBe(0x600d); // init ran to its end
  });

  test('proc_exit during init is a clean error naming the code', async () => {
    const input = await wat(`(module
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1)
      (func (export "wizer-initialize") (call $exit (i32.const 3))))`);
    const err = await preinitialize(input, { allowWasi: true, inheritStdio: false }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('PreinitError');
    expect((err as Error).message).toMatch(/proc_exit\(3\)/);
    expect((err as Error).message).not.toMatch(/\n/);
  });
});
