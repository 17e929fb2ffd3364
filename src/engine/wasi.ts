/**
 * A WASI preview1 host for init, written here rather than on `node:wasi` (which says it is no
 * sandbox). Files are read-only and reachable only below preopened directories: absolute paths,
 * `..` past a preopen and symlinks that resolve outside it are refused with ENOTCAPABLE. The
 * environment is empty unless the caller passes it in. Every call is counted for the report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FixedClock, RandomStream, reproducibleSettings, sortNames, stableIno, stableMetadata, type FileMetadata } from './reproducible.js';
import { stdioTerminal } from './stdio.js';
import type { PreinitOptions, WasiRead } from './types.js';

export const WASI_MODULE = 'wasi_snapshot_preview1';

const E = {
  SUCCESS: 0, BADF: 8, INVAL: 28, IO: 29, ISDIR: 31, NOENT: 44, NOSYS: 52, NOTDIR: 54,
  SPIPE: 70, NOTCAPABLE: 76,
} as const;
const FILETYPE = { unknown: 0, char: 2, dir: 3, file: 4, symlink: 7 } as const;
// The rights wasmtime reports (and so the reference): libc caches them in memory during init.
const RIGHT = { fdRead: 1n << 1n, fdWrite: 1n << 6n } as const;
const DIR_BASE_RIGHTS = 0x07b7fe00n;
const DIR_INHERITING_RIGHTS = DIR_BASE_RIGHTS | 0x1ffn | (1n << 21n) | (1n << 22n) | (1n << 23n) | (1n << 27n);
const O_CREAT = 1, O_DIRECTORY = 2, O_EXCL = 4, O_TRUNC = 8;
const FDFLAG_APPEND = 1;
/** Rights that would let the guest change a file: fd_write, fd_allocate, fd_filestat_set_size. */
const WRITE_RIGHTS = (1n << 6n) | (1n << 8n) | (1n << 22n);

class WasiErrno extends Error {
  constructor(readonly errno: number) {
    super(`errno ${errno}`);
  }
}

/** A guest error wasmtime turns into a trap (bad pointer), not an errno. */
class WasiTrap extends Error {}

/** Little-endian view of guest memory that traps on out-of-bounds or misaligned access. */
class GuestView {
  private readonly v: DataView;
  constructor(buffer: ArrayBuffer) {
    this.v = new DataView(buffer);
  }
  private check(signed: number, size: number): number {
    const ptr = signed >>> 0; // wasm passes i32 pointers; JS sees them signed
    if (ptr % size !== 0) throw new WasiTrap(`pointer ${ptr} not aligned to ${size}`);
    if (ptr + size > this.v.byteLength) throw new WasiTrap(`pointer ${ptr} out of bounds`);
    return ptr;
  }
  getUint8(ptr: number): number {
    return this.v.getUint8(this.check(ptr, 1));
  }
  getUint16(ptr: number): number {
    return this.v.getUint16(this.check(ptr, 2), true);
  }
  getUint32(ptr: number): number {
    return this.v.getUint32(this.check(ptr, 4), true);
  }
  getBigUint64(ptr: number): bigint {
    return this.v.getBigUint64(this.check(ptr, 8), true);
  }
  setUint8(ptr: number, value: number): void {
    this.v.setUint8(this.check(ptr, 1), value);
  }
  setUint16(ptr: number, value: number): void {
    this.v.setUint16(this.check(ptr, 2), value, true);
  }
  setUint32(ptr: number, value: number): void {
    this.v.setUint32(this.check(ptr, 4), value, true);
  }
  setBigUint64(ptr: number, value: bigint): void {
    this.v.setBigUint64(this.check(ptr, 8), value, true);
  }
}

/** Raised when the guest calls proc_exit: unwinds out of the wasm call. */
export class ProcExit extends Error {
  constructor(readonly code: number) {
    super(`the guest called proc_exit(${code})`);
  }
}

interface Descriptor {
  kind: 'stdio' | 'dir' | 'file';
  /** Host path (dir, file) and the preopen root it must stay under. */
  host?: string;
  root?: string;
  /** Guest name of a preopen. */
  preopen?: string;
  hostFd?: number;
  position: bigint;
}

export interface WasiHost {
  imports: Record<string, (...args: never[]) => unknown>;
  /** Give the host the instance's memory (WASI reads and writes through the `memory` export). */
  bind(memory: WebAssembly.Memory): void;
  calls: Record<string, number>;
  /** With traceWasi: what each random or clock read returned. */
  reads: WasiRead[];
  close(): void;
}

export function createWasi(options: PreinitOptions): WasiHost {
  const calls: Record<string, number> = {};
  const reads: WasiRead[] = [];
  const traced = (name: string, bytes: () => Uint8Array) => {
    if (options.traceWasi) reads.push({ call: name, n: calls[name], hex: Buffer.from(bytes()).toString('hex') });
  };
  let memory: WebAssembly.Memory | undefined;
  const buffer = () => {
    if (!memory) throw new WasiErrno(E.INVAL);
    return memory.buffer;
  };
  // Guest memory through typed accessors that trap, as wasmtime does, on a pointer outside
  // memory or misaligned for its type (a host error would otherwise become a plausible errno).
  const view = () => new GuestView(buffer());
  const bytesAt = (signed: number, len: number) => {
    const buf = buffer();
    const ptr = signed >>> 0;
    if (ptr + (len >>> 0) > buf.byteLength) throw new WasiTrap(`pointer ${ptr}+${len} out of bounds`);
    return new Uint8Array(buf, ptr, len >>> 0);
  };
  const inheritStdio = options.inheritStdio ?? true;
  const terminal = stdioTerminal(options);
  const stdioType = (n: number) => (terminal(n) ? FILETYPE.char : FILETYPE.unknown);
  const repro = reproducibleSettings(options);
  const random = repro && new RandomStream(repro.seed);
  const clock = repro && new FixedClock(repro.epoch);
  const out = options.stdout ?? ((c: Uint8Array) => process.stdout.write(c));
  const err = options.stderr ?? ((c: Uint8Array) => process.stderr.write(c));

  const encoder = new TextEncoder();
  const args = (options.args ?? []).map((a) => encoder.encode(`${a}\0`));
  const envSource: Record<string, string | undefined> = options.inheritEnv ? { ...process.env } : {};
  Object.assign(envSource, options.env ?? {});
  const env = Object.entries(envSource)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => encoder.encode(`${k}=${v}\0`));

  const fds: Array<Descriptor | undefined> = [
    { kind: 'stdio', position: 0n },
    { kind: 'stdio', position: 0n },
    { kind: 'stdio', position: 0n },
  ];
  const roots: string[] = [];
  for (const p of options.preopens ?? []) {
    const root = fs.realpathSync(p.host);
    roots.push(root);
    fds.push({ kind: 'dir', host: root, root, preopen: p.guest, position: 0n });
  }
  /** What the guest sees of `host`'s metadata: the host's own, or in reproducible mode the same everywhere. */
  const metadata = (st: fs.BigIntStats, host: string, root: string): FileMetadata =>
    repro ? stableMetadata(repro, roots.indexOf(root), path.relative(root, host), st) : st;
  const fd = (n: number) => {
    const d = fds[n];
    if (!d) throw new WasiErrno(E.BADF);
    return d;
  };

  /** Resolves a guest path under directory descriptor `dirFd`, refusing any escape. */
  const resolve = (dirFd: number, ptr: number, len: number, follow = true): string => {
    const dir = fd(dirFd);
    if (dir.kind !== 'dir') throw new WasiErrno(E.NOTDIR);
    const guest = new TextDecoder().decode(bytesAt(ptr, len));
    if (guest.startsWith('/') || guest.includes('\0')) throw new WasiErrno(E.NOTCAPABLE);
    const relBase = path.relative(dir.root!, dir.host!);
    const stack = relBase ? relBase.split(path.sep) : [];
    for (const seg of guest.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (!stack.length) throw new WasiErrno(E.NOTCAPABLE);
        stack.pop();
      } else stack.push(seg);
    }
    const host = path.join(dir.root!, ...stack);
    let real: string;
    try {
      real = follow ? fs.realpathSync(host) : path.join(fs.realpathSync(path.dirname(host)), path.basename(host));
    } catch {
      throw new WasiErrno(E.NOENT);
    }
    if (real !== dir.root && !real.startsWith(dir.root! + path.sep)) throw new WasiErrno(E.NOTCAPABLE);
    return real;
  };

  const writeFilestat = (ptr: number, st: fs.BigIntStats, host: string, root: string) => {
    const v = view();
    const m = metadata(st, host, root);
    v.setBigUint64(ptr, m.dev);
    v.setBigUint64(ptr + 8, m.ino);
    v.setUint8(ptr + 16, fileType(st));
    v.setBigUint64(ptr + 24, m.nlink);
    v.setBigUint64(ptr + 32, m.size);
    v.setBigUint64(ptr + 40, m.atimeNs);
    v.setBigUint64(ptr + 48, m.mtimeNs);
    v.setBigUint64(ptr + 56, m.ctimeNs);
  };

  const writeList = (items: Uint8Array[], ptrs: number, buf: number) => {
    const v = view();
    for (const item of items) {
      v.setUint32(ptrs, buf);
      bytesAt(buf, item.length).set(item);
      ptrs += 4;
      buf += item.length;
    }
  };
  const writeSizes = (items: Uint8Array[], countPtr: number, sizePtr: number) => {
    view().setUint32(countPtr, items.length);
    view().setUint32(sizePtr, items.reduce((n, i) => n + i.length, 0));
  };
  const iovecs = (ptr: number, n: number) => {
    const v = view();
    return Array.from({ length: n }, (_, i) => bytesAt(v.getUint32(ptr + i * 8), v.getUint32(ptr + i * 8 + 4)));
  };
  /** Like wasmtime, a vectored read or write moves only the first non-empty buffer. */
  const firstBuffer = (iovs: Uint8Array[]) => iovs.find((iov) => iov.length > 0) ?? new Uint8Array(0);
  const readInto = (d: Descriptor, iovs: Uint8Array[], at: bigint | null): number => {
    const iov = firstBuffer(iovs);
    if (d.kind === 'dir') throw new WasiErrno(E.ISDIR);
    if (d.kind === 'stdio') return inheritStdio ? readStdin(iov) : 0;
    const n = fs.readSync(d.hostFd!, iov, 0, iov.length, at ?? d.position);
    if (at === null) d.position += BigInt(n);
    return n;
  };

  const impl: Record<string, (...a: never[]) => number> = {
    args_get: (argv: number, buf: number) => (writeList(args, argv, buf), E.SUCCESS),
    args_sizes_get: (c: number, s: number) => (writeSizes(args, c, s), E.SUCCESS),
    environ_get: (envp: number, buf: number) => (writeList(env, envp, buf), E.SUCCESS),
    environ_sizes_get: (c: number, s: number) => (writeSizes(env, c, s), E.SUCCESS),
    clock_res_get: (_id: number, ptr: number) => (view().setBigUint64(ptr, 1000n), E.SUCCESS),
    clock_time_get: (id: number, _precision: bigint, ptr: number) => {
      const now = clock ? clock.read() : id === 0 ? BigInt(Date.now()) * 1_000_000n : process.hrtime.bigint();
      view().setBigUint64(ptr, now);
      traced('clock_time_get', () => bytesAt(ptr, 8));
      return E.SUCCESS;
    },
    random_get: (ptr: number, signedLen: number) => {
      const len = signedLen >>> 0;
      if (random) random.fill(bytesAt(ptr, len));
      else {
        bytesAt(ptr, len);
        for (let off = 0; off < len; off += 65536) crypto.getRandomValues(bytesAt((ptr >>> 0) + off, Math.min(65536, len - off)));
      }
      traced('random_get', () => bytesAt(ptr, len));
      return E.SUCCESS;
    },
    fd_write: (n: number, iovs: number, count: number, nwritten: number) => {
      const d = fd(n);
      if (d.kind !== 'stdio' || n === 0) throw new WasiErrno(d.kind === 'stdio' ? E.BADF : E.NOTCAPABLE);
      const iov = firstBuffer(iovecs(iovs, count));
      if (inheritStdio && iov.length) (n === 1 ? out : err)(iov.slice());
      view().setUint32(nwritten, iov.length);
      return E.SUCCESS;
    },
    fd_read: (n: number, iovs: number, count: number, nread: number) => {
      view().setUint32(nread, readInto(fd(n), iovecs(iovs, count), null));
      return E.SUCCESS;
    },
    fd_pread: (n: number, iovs: number, count: number, offset: bigint, nread: number) => {
      const d = fd(n);
      if (d.kind !== 'file') throw new WasiErrno(d.kind === 'dir' ? E.ISDIR : E.SPIPE);
      view().setUint32(nread, readInto(d, iovecs(iovs, count), offset));
      return E.SUCCESS;
    },
    fd_seek: (n: number, offset: bigint, whence: number, ptr: number) => {
      const d = fd(n);
      if (d.kind !== 'file') throw new WasiErrno(d.kind === 'dir' ? E.ISDIR : E.SPIPE);
      const base = whence === 0 ? 0n : whence === 1 ? d.position : fs.fstatSync(d.hostFd!, { bigint: true }).size;
      if (whence > 2 || base + offset < 0n) throw new WasiErrno(E.INVAL);
      d.position = base + offset;
      view().setBigUint64(ptr, d.position);
      return E.SUCCESS;
    },
    fd_tell: (n: number, ptr: number) => {
      const d = fd(n);
      if (d.kind !== 'file') throw new WasiErrno(E.SPIPE);
      view().setBigUint64(ptr, d.position);
      return E.SUCCESS;
    },
    fd_close: (n: number) => {
      const d = fd(n);
      if (d.hostFd !== undefined) fs.closeSync(d.hostFd);
      fds[n] = undefined;
      return E.SUCCESS;
    },
    fd_fdstat_get: (n: number, ptr: number) => {
      const d = fd(n);
      const v = view();
      v.setUint8(ptr, d.kind === 'stdio' ? stdioType(n) : d.kind === 'dir' ? FILETYPE.dir : FILETYPE.file);
      v.setUint16(ptr + 2, 0);
      const base = d.kind === 'dir' ? DIR_BASE_RIGHTS : d.kind === 'stdio' && n > 0 ? RIGHT.fdWrite : RIGHT.fdRead;
      v.setBigUint64(ptr + 8, base);
      // wasmtime gives stdio its base rights as inheriting rights too.
      v.setBigUint64(ptr + 16, d.kind === 'dir' ? DIR_INHERITING_RIGHTS : d.kind === 'stdio' ? base : 0n);
      return E.SUCCESS;
    },
    fd_fdstat_set_flags: () => E.SUCCESS,
    fd_filestat_get: (n: number, ptr: number) => {
      const d = fd(n);
      if (d.kind === 'stdio') {
        // wasmtime reports every other field of a stdio stream as 0 (and leaves the padding).
        const v = view();
        for (const at of [0, 8, 24, 32, 40, 48, 56]) v.setBigUint64(ptr + at, 0n);
        v.setUint8(ptr + 16, stdioType(n));
        return E.SUCCESS;
      }
      writeFilestat(ptr, d.hostFd !== undefined ? fs.fstatSync(d.hostFd, { bigint: true }) : fs.statSync(d.host!, { bigint: true }), d.host!, d.root!);
      return E.SUCCESS;
    },
    fd_prestat_get: (n: number, ptr: number) => {
      const d = fd(n);
      if (d.preopen === undefined) throw new WasiErrno(E.BADF);
      view().setUint8(ptr, 0);
      view().setUint32(ptr + 4, encoder.encode(d.preopen).length);
      return E.SUCCESS;
    },
    fd_prestat_dir_name: (n: number, ptr: number, len: number) => {
      const d = fd(n);
      if (d.preopen === undefined) throw new WasiErrno(E.BADF);
      bytesAt(ptr, len).set(encoder.encode(d.preopen).subarray(0, len));
      return E.SUCCESS;
    },
    fd_readdir: (n: number, buf: number, len: number, cookie: bigint, usedPtr: number) => {
      const d = fd(n);
      if (d.kind !== 'dir') throw new WasiErrno(E.NOTDIR);
      const names = fs.readdirSync(d.host!);
      const entries = ['.', '..', ...(repro ? sortNames(names) : names)];
      const target = bytesAt(buf, len);
      let used = 0;
      for (let i = Number(cookie); i < entries.length && used < len; i++) {
        const name = encoder.encode(entries[i]);
        const st = fs.lstatSync(path.join(d.host!, entries[i]), { bigint: true });
        const record = new Uint8Array(24 + name.length);
        const rv = new DataView(record.buffer);
        rv.setBigUint64(0, BigInt(i + 1), true);
        rv.setBigUint64(8, repro ? stableIno(path.relative(d.root!, path.join(d.host!, entries[i]))) : st.ino, true);
        rv.setUint32(16, name.length, true);
        rv.setUint8(20, fileType(st));
        record.set(name, 24);
        const take = Math.min(record.length, len - used);
        target.set(record.subarray(0, take), used);
        used += take;
      }
      view().setUint32(usedPtr, used);
      return E.SUCCESS;
    },
    path_open: (dirFd: number, _lookup: number, ptr: number, len: number, oflags: number,
      rights: bigint, _inheriting: bigint, fdflags: number, out: number) => {
      if (oflags & (O_CREAT | O_EXCL | O_TRUNC) || fdflags & FDFLAG_APPEND || rights & WRITE_RIGHTS) {
        throw new WasiErrno(E.NOTCAPABLE);
      }
      // The host open follows symlinks whatever the guest asked, so check where they lead.
      const host = resolve(dirFd, ptr, len, true);
      const st = fs.statSync(host);
      const parent = fd(dirFd);
      let d: Descriptor;
      if (st.isDirectory()) d = { kind: 'dir', host, root: parent.root, position: 0n };
      else if (oflags & O_DIRECTORY) throw new WasiErrno(E.NOTDIR);
      else d = { kind: 'file', host, root: parent.root, hostFd: fs.openSync(host, 'r'), position: 0n };
      fds.push(d);
      view().setUint32(out, fds.length - 1);
      return E.SUCCESS;
    },
    path_filestat_get: (dirFd: number, lookup: number, ptr: number, len: number, out: number) => {
      const host = resolve(dirFd, ptr, len, (lookup & 1) === 1);
      writeFilestat(out, fs.lstatSync(host, { bigint: true }), host, fd(dirFd).root!);
      return E.SUCCESS;
    },
    path_readlink: () => E.NOTCAPABLE,
    poll_oneoff: (inPtr: number, outPtr: number, n: number, countPtr: number) => (clock ? pollAtOnce(clock, view(), inPtr, outPtr, n, countPtr) : E.NOSYS),
    proc_exit: (code: number) => {
      throw new ProcExit(code);
    },
    proc_raise: () => E.NOSYS,
    sched_yield: () => E.SUCCESS,
  };
  // Everything that would change the host or reach the network is refused outright.
  for (const name of ['fd_pwrite', 'fd_allocate', 'fd_filestat_set_size', 'fd_filestat_set_times',
    'fd_renumber', 'path_create_directory', 'path_remove_directory', 'path_rename', 'path_symlink',
    'path_unlink_file', 'path_link', 'path_filestat_set_times']) {
    impl[name] = () => E.NOTCAPABLE;
  }
  for (const name of ['fd_advise', 'fd_datasync', 'fd_sync', 'fd_fdstat_set_rights']) impl[name] = () => E.SUCCESS;
  for (const name of ['sock_accept', 'sock_recv', 'sock_send', 'sock_shutdown']) impl[name] = () => E.NOSYS;

  const imports: WasiHost['imports'] = {};
  for (const [name, f] of Object.entries(impl)) {
    imports[name] = (...a: never[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      try {
        return f(...a);
      } catch (e) {
        if (e instanceof WasiErrno) return e.errno;
        if (e instanceof ProcExit) throw e;
        if (e instanceof WasiTrap) throw new WebAssembly.RuntimeError(`${name}: ${e.message}`);
        const code = (e as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? E.NOENT : code === 'EISDIR' ? E.ISDIR : code === 'ENOTDIR' ? E.NOTDIR : E.IO;
      }
    };
  }
  return {
    imports,
    calls,
    reads,
    bind: (m) => {
      memory = m;
    },
    close: () => {
      for (const d of fds) if (d?.hostFd !== undefined) fs.closeSync(d.hostFd);
    },
  };
}

/**
 * poll_oneoff in reproducible mode: nothing waits. Ready fd subscriptions are reported at once;
 * otherwise time jumps to the earliest clock deadline and the clocks due then fire.
 */
function pollAtOnce(clock: FixedClock, v: GuestView, inPtr: number, outPtr: number, n: number, countPtr: number): number {
  if (n === 0) throw new WasiErrno(E.INVAL);
  const subs = Array.from({ length: n }, (_, i) => {
    const at = (inPtr >>> 0) + i * 48;
    const tag = v.getUint8(at + 8);
    const deadline = tag === 0 ? v.getBigUint64(at + 24) + ((v.getUint16(at + 40) & 1) === 1 ? 0n : clock.peek()) : 0n;
    return { userdata: v.getBigUint64(at), tag, deadline };
  });
  const fdSubs = subs.filter((s) => s.tag !== 0);
  let fired = fdSubs;
  if (fdSubs.length === 0) {
    const earliest = subs.reduce((m, s) => (s.deadline < m ? s.deadline : m), subs[0].deadline);
    clock.advanceTo(earliest);
    fired = subs.filter((s) => s.deadline <= earliest);
  }
  fired.forEach((s, i) => {
    const at = (outPtr >>> 0) + i * 32;
    v.setBigUint64(at, s.userdata);
    v.setUint16(at + 8, E.SUCCESS);
    v.setUint8(at + 10, s.tag);
    v.setBigUint64(at + 16, 0n);
    v.setUint16(at + 24, 0);
  });
  v.setUint32(countPtr, fired.length);
  return E.SUCCESS;
}

function fileType(st: fs.BigIntStats): number {
  if (st.isDirectory()) return FILETYPE.dir;
  if (st.isFile()) return FILETYPE.file;
  if (st.isSymbolicLink()) return FILETYPE.symlink;
  if (st.isCharacterDevice()) return FILETYPE.char;
  return FILETYPE.unknown;
}

function readStdin(buf: Uint8Array): number {
  try {
    return fs.readSync(0, buf, 0, buf.length, null);
  } catch {
    return 0;
  }
}
