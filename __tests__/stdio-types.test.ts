/**
 * What init is told about stdin/stdout/stderr reaches the snapshot (wasi-libc caches it), so it
 * must be what the reference says: wasmtime reports a tty as a character device and a pipe, a
 * file or /dev/null as unknown, with the base rights as inheriting rights and a zeroed filestat
 * (padding untouched). Each case runs our CLI and the reference under the same real streams
 * and compares the bytes.
 */
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWasiImports } from '../src/engine/component/wasi.js';
import { BIN } from './support/cli.js';
import { instantiate, REFERENCE_WIZER, wat } from './support/wasm.js';

// Per fd n: fdstat at 256 + 32n, filestat at 512 + 64n; both prefilled with 0x55 so that
// whatever the host leaves unwritten shows in the snapshot.
const PROBE = `(module
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fdstat (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_filestat_get" (func $filestat (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wizer-initialize") (local $fd i32)
    (memory.fill (i32.const 256) (i32.const 0x55) (i32.const 512))
    (loop $next
      (i32.store (i32.add (i32.const 64) (i32.shl (local.get $fd) (i32.const 2)))
        (i32.or (call $fdstat (local.get $fd) (i32.add (i32.const 256) (i32.shl (local.get $fd) (i32.const 5))))
          (i32.shl (call $filestat (local.get $fd) (i32.add (i32.const 512) (i32.shl (local.get $fd) (i32.const 6)))) (i32.const 8))))
      (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $fd) (i32.const 3))))))`;

const HAS_SCRIPT = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-stdio-'));
  fs.writeFileSync(path.join(dir, 'probe.wasm'), await wat(PROBE));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OURS = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`;

/**
 * Runs both tools through `sh`, each as CMD in `shape` (a shell line with its redirections);
 * `pty` runs that line inside `script`, under a pseudo-terminal.
 */
function both(name: string, shape: string, pty = false, extra = ''): { ours: Buffer; ref: Buffer } {
  const out = (tool: string) => path.join(dir, `${name}-${tool}.wasm`);
  for (const [tool, cmd] of [['ours', OURS], ['ref', JSON.stringify(REFERENCE_WIZER)]] as const) {
    const line = shape.replace('CMD', `${cmd} --allow-wasi ${extra} -o ${out(tool)} ${path.join(dir, 'probe.wasm')}`);
    execSync(pty ? `script -qec ${JSON.stringify(line)} /dev/null </dev/null >/dev/null` : line, { stdio: 'pipe', shell: '/bin/sh' });
  }
  return { ours: fs.readFileSync(out('ours')), ref: fs.readFileSync(out('ref')) };
}

/** The file types init saw on fds 0, 1, 2 (fdstat, filestat), and that both calls succeeded. */
async function seen(output: Uint8Array) {
  const mem = new Uint8Array(((await instantiate(output)).exports.memory as WebAssembly.Memory).buffer);
  const view = new DataView(mem.buffer);
  const errnos = [64, 68, 72].reduce((n, at) => n | view.getUint32(at, true), 0);
  return { errnos, types: [0, 1, 2].map((fd) => [mem[256 + 32 * fd], mem[512 + 64 * fd + 16]]) };
}

const UNKNOWN = [0, 0];
const CHAR = [2, 2];

test.each([
  ['pipes', 'cat /dev/null | CMD 2>&1 | cat > /dev/null'],
  ['files', 'CMD < DIR/probe.wasm > DIR/out.txt 2>&1'],
  ['/dev/null', 'CMD < /dev/null > /dev/null 2>&1'],
])('under %s: unknown file types, the bytes of the reference', async (name, shape) => {
  const { ours, ref } = both(name.replaceAll('/', ''), shape.replaceAll('DIR', dir));
  expect(ours.equals(ref)).toBe(true);
  const s = await seen(ours);
  expect(s.errnos).toBe(0);
  expect(s.types).toEqual([UNKNOWN, UNKNOWN, UNKNOWN]);
});

(HAS_SCRIPT ? describe : describe.skip)('under a pseudo-terminal (script)', () => {
  test('all three a terminal: character devices, the bytes of the reference', async () => {
    const { ours, ref } = both('pty', 'CMD', true);
    expect(ours.equals(ref)).toBe(true);
    expect((await seen(ours)).types).toEqual([CHAR, CHAR, CHAR]);
  });

  test('stdout piped, the others a terminal: each stream as it is', async () => {
    const { ours, ref } = both('mixed', 'CMD | cat', true);
    expect(ours.equals(ref)).toBe(true);
    expect((await seen(ours)).types).toEqual([CHAR, UNKNOWN, CHAR]);
  });

  test('with --inherit-stdio=false nothing is a terminal', async () => {
    const { ours, ref } = both('noinherit', 'CMD', true, '--inherit-stdio=false');
    expect(ours.equals(ref)).toBe(true);
    expect((await seen(ours)).types).toEqual([UNKNOWN, UNKNOWN, UNKNOWN]);
  });

  test('several files at once (worker threads ask the same fds): each the bytes of the reference', async () => {
    const { ref } = both('pty-one', 'CMD | cat', true);
    const inputs = ['a', 'b'].map((n) => path.join(dir, `several-${n}.wasm`));
    for (const input of inputs) fs.copyFileSync(path.join(dir, 'probe.wasm'), input);
    const out = path.join(dir, 'several-out');
    fs.mkdirSync(out, { recursive: true });
    const line = `${OURS} --allow-wasi -j 2 --out-dir ${out} ${inputs.join(' ')} | cat`;
    execSync(`script -qec ${JSON.stringify(line)} /dev/null </dev/null >/dev/null`, { stdio: 'pipe', shell: '/bin/sh' });
    for (const input of inputs) {
      const ours = fs.readFileSync(path.join(out, path.basename(input)));
      expect(ours.equals(ref)).toBe(true);
      expect((await seen(ours)).types).toEqual([CHAR, UNKNOWN, CHAR]);
    }
  });
});

test('components: wasi:cli/terminal-* give a terminal only for a tty (the preview1 adapter maps none to unknown)', async () => {
  const { imports } = await createWasiImports({ allowWasi: true, stdioTerminals: [true, false, true] });
  const get = (stream: string) => (imports[`wasi:cli/terminal-${stream}`] as Record<string, () => unknown>)[`getTerminal${stream[0].toUpperCase()}${stream.slice(1)}`]();
  expect([get('stdin') !== undefined, get('stdout') !== undefined, get('stderr') !== undefined]).toEqual([true, false, true]);
  const { imports: quiet } = await createWasiImports({ allowWasi: true, inheritStdio: false, stdioTerminals: [true, true, true] });
  expect((quiet['wasi:cli/terminal-stdout'] as Record<string, () => unknown>).getTerminalStdout()).toBeUndefined();
});
