/**
 * WASI behaviour that reaches the snapshot must match the reference's, or the outputs differ.
 * Found by `scripts/fuzz.mjs --reference` (a mutated musl __stdio_read): the reference's
 * preview1 host reads and writes only the FIRST non-empty iovec per fd_read / fd_write call
 * (a short count, which is legal); ours fills or writes them all. musl's stdio passes two
 * iovecs (caller's buffer + FILE buffer) and keeps them on the shadow stack, so a program that
 * freads a file or printfs during init snapshots different bytes than the reference.
 *
 * Also found that way (mutated wasi-libc getenv / __stdio_write): the reference TRAPS when a
 * WASI call is given a pointer outside memory or a misaligned one; ours returns an errno (or
 * writes unaligned) and init goes on, so we snapshot a state the reference refuses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preinitialize } from '../src/engine/index.js';
import { instantiate, reference, wat } from './support/wasm.js';
import { HOSTILE_CALLS, hostileGuest } from './support/wasi-guests.js';

const CONTENT = 'abcdefghijklmnopqrstuvwxyz0123456789';
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-parity-'));
  fs.writeFileSync(path.join(dir, 'f.txt'), CONTENT);
  fs.writeFileSync(path.join(dir, 'allowed.txt'), 'allowed'); // opened by the hostile guests
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const READ = `(module
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "f.txt")
  (func (export "wizer-initialize")
    (i32.store (i32.const 100) (call $path_open (i32.const 3) (i32.const 1) (i32.const 16) (i32.const 5)
      (i32.const 0) (i64.const 2) (i64.const 2) (i32.const 0) (i32.const 104)))
    ;; two iovecs, as musl's __stdio_read passes them: {buf 1024, len 4}, {buf 2048, len 100}
    (i32.store (i32.const 200) (i32.const 1024)) (i32.store (i32.const 204) (i32.const 4))
    (i32.store (i32.const 208) (i32.const 2048)) (i32.store (i32.const 212) (i32.const 100))
    (i32.store (i32.const 108) (call $fd_read (i32.load (i32.const 104)) (i32.const 200) (i32.const 2) (i32.const 112)))))`;

const WRITE = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "hello ")
  (data (i32.const 2048) "world\\n")
  (func (export "wizer-initialize")
    ;; two iovecs, as musl's __stdio_write passes them (FILE buffer + new data)
    (i32.store (i32.const 200) (i32.const 1024)) (i32.store (i32.const 204) (i32.const 6))
    (i32.store (i32.const 208) (i32.const 2048)) (i32.store (i32.const 212) (i32.const 6))
    (i32.store (i32.const 108) (call $fd_write (i32.const 1) (i32.const 200) (i32.const 2) (i32.const 112)))))`;

async function counts(output: Uint8Array) {
  const view = new DataView(((await instantiate(output)).exports.memory as WebAssembly.Memory).buffer);
  return { errno: view.getUint32(108, true), count: view.getUint32(112, true) };
}

describe('vectored reads and writes during init', () => {
  test('the reference reads and writes only the first non-empty iovec (documents it)', async () => {
    const read = reference(await wat(READ), ['--allow-wasi', '--mapdir', `/d::${dir}`]);
    const write = reference(await wat(WRITE), ['--allow-wasi', '--inherit-stdio=false']);
    if (!read.ok || !write.ok) throw new Error('reference failed');
    expect(await counts(read.bytes)).toEqual({ errno: 0, count: 4 });
    expect(await counts(write.bytes)).toEqual({ errno: 0, count: 6 });
  });

  // Like the reference, only the first non-empty iovec is read or written.
  test('fd_read with two iovecs snapshots what the reference snapshots', async () => {
    const input = await wat(READ);
    const ref = reference(input, ['--allow-wasi', '--mapdir', `/d::${dir}`]);
    const { output } = await preinitialize(input, { allowWasi: true, preopens: [{ guest: '/d', host: dir }] });
    if (!ref.ok) throw new Error(ref.error);
    expect(await counts(output)).toEqual({ errno: 0, count: 4 });
    expect(Buffer.from(output).equals(Buffer.from(ref.bytes))).toBe(true);
  });

  test('fd_write with two iovecs snapshots what the reference snapshots', async () => {
    const input = await wat(WRITE);
    const ref = reference(input, ['--allow-wasi', '--inherit-stdio=false']);
    const { output } = await preinitialize(input, { allowWasi: true, inheritStdio: false });
    if (!ref.ok) throw new Error(ref.error);
    expect(await counts(output)).toEqual({ errno: 0, count: 6 });
    expect(Buffer.from(output).equals(Buffer.from(ref.bytes))).toBe(true);
  });
});

describe('bad pointers passed to WASI', () => {
  const preopen = () => ['--mapdir', `/s::${dir}`];

  test.each(Object.keys(HOSTILE_CALLS))('the reference traps on: %s (documents it)', async (name) => {
    const ref = reference(await hostileGuest(HOSTILE_CALLS[name]), ['--allow-wasi', '--inherit-stdio=false', ...preopen()]);
    expect(ref).toEqual({ ok: false, error: 'the `wizer-initialize` function trapped' });
  });

  test.each(Object.keys(HOSTILE_CALLS))('ours traps too on: %s', async (name) => {
    const err = await preinitialize(await hostileGuest(HOSTILE_CALLS[name]), {
      allowWasi: true, inheritStdio: false, preopens: [{ guest: '/s', host: dir }],
    }).then(() => undefined, (e: unknown) => e);
    expect((err as Error | undefined)?.message).toMatch(/^the `wizer-initialize` function trapped/);
  });

  const MISALIGNED = `(module
    (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
    (memory (export "memory") 1)
    (func (export "wizer-initialize") (i32.store (i32.const 0) (call $environ_sizes_get (i32.const 1001) (i32.const 1010)))))`;

  test('the reference traps on a misaligned result pointer (documents it)', async () => {
    const ref = reference(await wat(MISALIGNED), ['--allow-wasi']);
    expect(ref).toEqual({ ok: false, error: 'the `wizer-initialize` function trapped' });
  });

  test('ours traps too on a misaligned result pointer', async () => {
    const err = await preinitialize(await wat(MISALIGNED), { allowWasi: true }).then(() => undefined, (e: unknown) => e);
    expect((err as Error | undefined)?.message).toMatch(/^the `wizer-initialize` function trapped/);
  });
});
