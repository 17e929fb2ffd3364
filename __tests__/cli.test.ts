/** The `preinit` CLI as users run it: the compiled bin (npm test builds lib/ first), real files. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, runCli } from './support/cli.js';
import { reference, wat } from './support/wasm.js';

const preinit = runCli;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const GOOD = `(module (memory 1) (global $g (mut i32) (i32.const 0))
  (func (export "wizer-initialize") (global.set $g (i32.const 7)) (i32.store (i32.const 16) (i32.const 42))))`;

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await wat(text));
  return file;
}

test('writes the same bytes as the reference', async () => {
  const input = await write('good.wasm', GOOD);
  const res = await preinit([input, '-o', path.join(dir, 'out.wasm')]);
  expect(res).toMatchObject({ code: 0, stderr: '' });
  const ref = reference(fs.readFileSync(input));
  if (!ref.ok) throw new Error(ref.error);
  expect(fs.readFileSync(path.join(dir, 'out.wasm')).equals(Buffer.from(ref.bytes))).toBe(true);
});

test('reads stdin and writes stdout when no files are named', async () => {
  const input = fs.readFileSync(await write('good.wasm', GOOD));
  const res = await preinit([], { stdin: input });
  expect(res.code).toBe(0);
  const ref = reference(input);
  if (!ref.ok) throw new Error(ref.error);
  expect(res.stdout.equals(Buffer.from(ref.bytes))).toBe(true);
});

test('accepts WAT text as input', async () => {
  const file = path.join(dir, 'good.wat');
  fs.writeFileSync(file, GOOD);
  const res = await preinit([file, '-o', path.join(dir, 'out.wasm')]);
  expect(res.code).toBe(0);
  expect(WebAssembly.validate(fs.readFileSync(path.join(dir, 'out.wasm')))).toBe(true);
});

test('a failure is one line naming the file, writes nothing and leaves the input alone', async () => {
  const input = await write('trap.wasm', '(module (func (export "wizer-initialize") unreachable))');
  const before = fs.readFileSync(input);
  const res = await preinit([input, '-o', path.join(dir, 'out.wasm')]);
  expect(res.code).toBe(1);
  expect(res.stderr).toBe(`error: ${input}: the \`wizer-initialize\` function trapped: wasm trap: wasm \`unreachable\` instruction executed\n`);
  expect(fs.existsSync(path.join(dir, 'out.wasm'))).toBe(false);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
  expect(fs.readdirSync(dir)).toEqual(['trap.wasm']);
});

test('several inputs: each is written to --out-dir, a bad one does not stop the others', async () => {
  const inputs = [
    await write('a.wasm', GOOD),
    await write('bad.wasm', '(module (import "env" "m" (memory 1)) (func (export "wizer-initialize")))'),
    await write('c.wasm', GOOD.replace('(i32.const 7)', '(i32.const 8)')),
  ];
  const out = path.join(dir, 'out');
  const missing = await preinit([...inputs, '--out-dir', out]);
  expect(missing).toMatchObject({ code: 2, stderr: `error: --out-dir ${out}: no such directory\n` });
  fs.mkdirSync(out);
  const res = await preinit([...inputs, '--out-dir', out, '-j', '2']);
  expect(res.code).toBe(1);
  expect(res.stderr).toBe(`error: ${inputs[1]}: imported memories are not supported\n`);
  expect(fs.readdirSync(out).sort()).toEqual(['a.wasm', 'c.wasm']);
});

test('an init that never ends is stopped by --init-timeout', async () => {
  const input = await write('loop.wasm', '(module (func (export "wizer-initialize") (loop $l (br $l))))');
  const res = await preinit([input, '-o', path.join(dir, 'out.wasm'), '--init-timeout', '1']);
  expect(res.code).toBe(1);
  expect(res.stderr).toContain('did not finish within 1 s');
  expect(fs.readdirSync(dir)).toEqual(['loop.wasm']);
});

test('a reader of stdout that leaves early: one error line naming the cause, exit 1', async () => {
  const input = await write('good.wasm', GOOD);
  const child = spawn(process.execPath, [BIN, input], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy(); // before the snapshot is written: the write meets EPIPE
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code).toBe(1);
  expect(stderr).toBe(`error: ${input}: cannot write the output to stdout: the reader closed the pipe\n`);
});

test('-j 1 over several files: the files after one stopped at the timeout are still pre-initialized', async () => {
  const loop = await write('loop.wasm', '(module (func (export "wizer-initialize") (loop $l (br $l))))');
  const good = await Promise.all([7, 8, 9].map((n) => write(`g${n}.wasm`, GOOD.replace('(i32.const 7)', `(i32.const ${n})`))));
  const out = path.join(dir, 'out');
  fs.mkdirSync(out);
  const res = await preinit([loop, ...good, '--out-dir', out, '-j', '1', '--init-timeout', '1']);
  expect(res.code).toBe(1);
  expect(res.stderr).toBe(`error: ${loop}: pre-initialization did not finish within 1 s (init timeout); stopped\n`);
  expect(fs.readdirSync(out).sort()).toEqual(['g7.wasm', 'g8.wasm', 'g9.wasm']);
  for (const f of good) {
    const ref = reference(fs.readFileSync(f));
    if (!ref.ok) throw new Error(ref.error);
    expect(fs.readFileSync(path.join(out, path.basename(f))).equals(Buffer.from(ref.bytes))).toBe(true);
  }
});

test('growing past --max-memory is refused, even when the guest copes with the failed grow', async () => {
  const input = await write('grow.wasm', `(module (memory 1 200)
    (func (export "wizer-initialize") (loop $l (br_if $l (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))))`);
  const res = await preinit([input, '-o', path.join(dir, 'out.wasm'), '--max-memory', '8MiB']);
  expect(res.code).toBe(1);
  expect(res.stderr).toContain('init tried to grow a memory past max-memory (8 MiB)');
  // Within the module's own maximum (200 pages) the failed grow is the program's own business.
  const ok = await preinit([input, '-o', path.join(dir, 'out.wasm'), '--max-memory', '16MiB']);
  expect(ok.code).toBe(0);
});

test('bad usage exits 2 with a hint', async () => {
  expect(await preinit(['--bogus'])).toMatchObject({ code: 2, stderr: 'error: unknown option `--bogus` (see --help)\n' });
  expect(await preinit(['a.wasm', 'b.wasm'])).toMatchObject({ code: 2, stderr: 'error: 2 inputs need --out-dir DIR (-o names one output file)\n' });
  expect(await preinit(['x.wasm', '--max-memory', 'lots'])).toMatchObject({ code: 2 });
  const help = await preinit(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout.toString()).toContain('--rename-func');
});

test('--preload links another module by name, as the reference does', async () => {
  const lib = await write('lib.wasm', '(module (func (export "seed") (result i32) (i32.const 1234)))');
  const input = await write('main.wasm', `(module (import "intrinsics" "seed" (func $seed (result i32)))
    (global $g (mut i32) (i32.const 0))
    (func (export "wizer-initialize") (global.set $g (call $seed))))`);
  const res = await preinit([input, '-o', path.join(dir, 'out.wasm'), '--preload', `intrinsics=${lib}`]);
  expect(res).toMatchObject({ code: 0, stderr: '' });
  const ref = reference(fs.readFileSync(input), ['--preload', `intrinsics=${lib}`]);
  if (!ref.ok) throw new Error(ref.error);
  expect(fs.readFileSync(path.join(dir, 'out.wasm')).equals(Buffer.from(ref.bytes))).toBe(true);
  // Without the preload, calling the import traps.
  expect((await preinit([input, '-o', path.join(dir, 'out2.wasm')])).stderr).toContain('unknown import: `intrinsics::seed` has not been defined');
});

describe('messages name the cause, in plain words, once', () => {
  const WASI = `(module (import "wasi_snapshot_preview1" "fd_prestat_get" (func $p (param i32 i32) (result i32)))
    (memory 1) (func (export "wizer-initialize") (drop (call $p (i32.const 3) (i32.const 0)))))`;

  test('a WASI call without --allow-wasi: the reference\'s wording, then a hint', async () => {
    const input = await write('wasi.wasm', WASI);
    const res = await preinit([input, '-o', path.join(dir, 'out.wasm')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`error: ${input}: the \`wizer-initialize\` function trapped: unknown import: \`wasi_snapshot_preview1::fd_prestat_get\` has not been defined\n`
      + 'hint: init calls WASI, which is off by default: pass --allow-wasi to allow it (read-only, sandboxed)\n');
  });

  test('a missing --mapdir or --dir target blames the option, not the wasm file', async () => {
    const input = await write('good.wasm', GOOD);
    const missing = path.join(dir, 'nope');
    const res = await preinit([input, '--allow-wasi', '--mapdir', `/data::${missing}`, '-o', path.join(dir, 'out.wasm')]);
    expect(res).toMatchObject({ code: 2, stderr: `error: --mapdir /data::${missing}: ${missing} is not a directory\n` });
    const dirRes = await preinit([input, '--allow-wasi', '--dir', input, '-o', path.join(dir, 'out.wasm')]);
    expect(dirRes).toMatchObject({ code: 2, stderr: `error: --dir ${input}: ${input} is not a directory\n` });
    expect(fs.readdirSync(dir)).toEqual(['good.wasm']);
  });

  test('unreadable inputs say why in words, not errno codes', async () => {
    const missing = path.join(dir, 'missing.wasm');
    const res = await preinit([missing, '-o', path.join(dir, 'out.wasm')]);
    expect(res).toMatchObject({ code: 1, stderr: `error: ${missing}: cannot read ${missing}: no such file or directory\n` });
    const isDir = await preinit([dir, '-o', path.join(dir, 'out.wasm')]);
    expect(isDir).toMatchObject({ code: 1, stderr: `error: ${dir}: cannot read ${dir}: is a directory\n` });
  });

  test('the same input twice is one usage error, with no doubled prefix', async () => {
    const input = await write('good.wasm', GOOD);
    fs.mkdirSync(path.join(dir, 'out'));
    const res = await preinit([input, input, '--out-dir', path.join(dir, 'out')]);
    expect(res).toMatchObject({ code: 2, stderr: `error: ${input} is given twice\n` });
  });

  test('-o into a directory that does not exist fails like the reference and creates nothing', async () => {
    const input = await write('good.wasm', GOOD);
    const out = path.join(dir, 'no', 'such', 'out.wasm');
    const res = await preinit([input, '-o', out]);
    expect(res).toMatchObject({ code: 1, stderr: `error: ${input}: cannot write ${out}: the directory ${path.dirname(out)} does not exist\n` });
    expect(fs.readdirSync(dir)).toEqual(['good.wasm']);
  });
});

describe('the V8 code cache beside the CLI bundle', () => {
  const bundle = path.resolve('lib/cli/bundle/preinit.js');
  const { ino, size, ctimeNs } = fs.statSync(bundle, { bigint: true });
  const cache = `${bundle}.${ino}-${size}-${ctimeNs}.${process.arch}-v8-${process.versions.v8}.cache`;

  test('is written on a miss, then taken as is; a WAT input (a package import from cached code) works both times', async () => {
    const text = path.join(dir, 'a.wat');
    fs.writeFileSync(text, GOOD);
    fs.rmSync(cache, { force: true });
    expect(await preinit([text, '-o', path.join(dir, 'a.wasm')])).toMatchObject({ code: 0, stderr: '' });
    const written = fs.statSync(cache);
    expect(written.size).toBeGreaterThan(10_000);
    expect(await preinit([text, '-o', path.join(dir, 'b.wasm')])).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(path.join(dir, 'b.wasm')).equals(fs.readFileSync(path.join(dir, 'a.wasm')))).toBe(true);
    // Accepted, so not written again.
    expect(fs.statSync(cache).mtimeMs).toBe(written.mtimeMs);
  });

  test('a damaged cache is refused by V8 and replaced; the run is unaffected', async () => {
    const input = await write('good.wasm', GOOD);
    fs.writeFileSync(cache, Buffer.alloc(50_000, 7));
    expect(await preinit([input, '-o', path.join(dir, 'out.wasm')])).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(cache).equals(Buffer.alloc(50_000, 7))).toBe(false);
    expect(WebAssembly.validate(fs.readFileSync(path.join(dir, 'out.wasm')))).toBe(true);
  });
});
