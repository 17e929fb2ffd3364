/**
 * Output files as the CLI writes them: the worker writes (and, from 1 MiB of data on, verifies from disk)
 * a temporary file next to the destination, renamed into place on success only. Each case checks
 * the exit code, one-line errors, the bytes, and that no temporary file is left anywhere.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from './support/components.js';
import { BIN, runCli } from './support/cli.js';
import { reference, wat } from './support/wasm.js';

const preinit = runCli;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-out-'));
});
afterEach(() => {
  expect(leftovers(dir)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Temporary outputs under `root`, at any depth. */
function leftovers(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.preinit.tmp'));
}

/** Every stderr line is `error: ...`, with no stack trace. */
function expectErrorLines(stderr: string, count: number): string[] {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(count);
  for (const line of lines) expect(line).toMatch(/^error: \S.*: \S/);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines;
}

const GOOD = `(module (memory 1) (global $g (mut i32) (i32.const 0))
  (func (export "wizer-initialize") (global.set $g (i32.const 7)) (i32.store (i32.const 16) (i32.const 42))))`;
const FILL = '(memory.fill (i32.const 0) (i32.const 0x61) (i32.const 41943040))';
/** A 40 MiB memory full of 'a': the output is far over the lean-verification threshold. */
const BIG = `(module (memory 640) (func (export "wizer-initialize") ${FILL}))`;
const BIG_EXPORTED = `(module (memory (export "memory") 640)
  (func (export "wizer-initialize") ${FILL} (i32.store (i32.const 100) (i32.const 0x12345678))))`;
const BIG_TRAP = `(module (memory 640) (func (export "wizer-initialize") ${FILL} unreachable))`;
const BIG_LOOP = `(module (memory 640) (func (export "wizer-initialize") ${FILL} (loop $l (br $l))))`;

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await wat(text));
  return file;
}

function referenceBytes(file: string): Buffer {
  const ref = reference(fs.readFileSync(file));
  if (!ref.ok) throw new Error(ref.error);
  return Buffer.from(ref.bytes);
}

describe('-o onto the input itself', () => {
  test('is replaced on success', async () => {
    const input = await write('self.wasm', GOOD);
    const expected = referenceBytes(input);
    const res = await preinit([input, '-o', input]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(input).equals(expected)).toBe(true);
  });

  test('is left intact when init traps with a large memory', async () => {
    const input = await write('self.wasm', BIG_TRAP);
    const before = fs.readFileSync(input);
    const res = await preinit([input, '-o', input]);
    expect(res.code).toBe(1);
    expect(expectErrorLines(res.stderr, 1)[0]).toBe(`error: ${input}: the \`wizer-initialize\` function trapped: wasm trap: wasm \`unreachable\` instruction executed`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['self.wasm']);
  });
});

describe('destinations', () => {
  test('a missing directory is an error naming it, as with the reference: nothing is created', async () => {
    const input = await write('good.wasm', GOOD);
    const out = path.join(dir, 'a', 'b', 'out.wasm');
    const res = await preinit([input, '-o', out]);
    expect(res.code).toBe(1);
    expect(expectErrorLines(res.stderr, 1)[0]).toBe(`error: ${input}: cannot write ${out}: the directory ${path.join(dir, 'a', 'b')} does not exist`);
    expect(fs.readdirSync(dir)).toEqual(['good.wasm']);
  });

  test('a path under a file is refused in one line naming the output', async () => {
    const input = await write('good.wasm', GOOD);
    const out = path.join(input, 'out.wasm');
    const res = await preinit([input, '-o', out]);
    expect(res.code).toBe(1);
    expect(expectErrorLines(res.stderr, 1)[0]).toBe(`error: ${input}: cannot write ${out}: a parent of it is not a directory`);
  });

  test('an existing directory is refused and left alone', async () => {
    const input = await write('good.wasm', GOOD);
    const out = path.join(dir, 'out.wasm');
    fs.mkdirSync(out);
    const res = await preinit([input, '-o', out]);
    expect(res.code).toBe(1);
    // Names the destination, not the temporary file.
    expect(expectErrorLines(res.stderr, 1)[0]).toBe(`error: ${input}: cannot write ${out}: it is a directory`);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('a symlink is written through, like the reference does: the link stays', async () => {
    const input = await write('good.wasm', GOOD);
    fs.mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'target.wasm');
    fs.writeFileSync(target, 'old');
    const link = path.join(dir, 'link.wasm');
    fs.symlinkSync(target, link);
    const res = await preinit([input, '-o', link]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target).equals(referenceBytes(input))).toBe(true);
    expect(leftovers(path.join(dir, 'real'))).toEqual([]);
  });

  test('a dangling symlink gets its target created', async () => {
    const input = await write('good.wasm', GOOD);
    const link = path.join(dir, 'link.wasm');
    fs.symlinkSync('target.wasm', link);
    const res = await preinit([input, '-o', link]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'target.wasm')).equals(referenceBytes(input))).toBe(true);
  });

  // As root, `-o /dev/null` used to replace /dev/null by a regular file; a FIFO shows the same.
  test('a FIFO is written into, not replaced', async () => {
    const input = await write('big.wasm', BIG);
    const fifo = path.join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    const read: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => read.push(c));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const res = await preinit([input, '-o', fifo]);
    const stillFifo = fs.lstatSync(fifo).isFIFO();
    if (!stillFifo) reader.kill(); // it waits on the replaced FIFO forever
    await closed;
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(stillFifo).toBe(true);
    expect(Buffer.concat(read).equals(referenceBytes(input))).toBe(true);
  });

  test('a file name near the 255-byte limit', async () => {
    const input = await write('good.wasm', GOOD);
    const out = path.join(dir, `${'x'.repeat(245)}.wasm`);
    const res = await preinit([input, '-o', out]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(out).equals(referenceBytes(input))).toBe(true);
  });

  test('a replaced file keeps its mode', async () => {
    const input = await write('good.wasm', GOOD);
    const out = path.join(dir, 'out.wasm');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o751);
    const res = await preinit([input, '-o', out]);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(fs.statSync(out).mode & 0o777).toBe(0o751);
    expect(fs.readFileSync(out).equals(referenceBytes(input))).toBe(true);
  });

  test('a --report that cannot be written is one line, not a stack trace', async () => {
    const input = await write('good.wasm', GOOD);
    const report = path.join(input, 'report.json');
    const res = await preinit([input, '-o', path.join(dir, 'out.wasm'), '--report', report]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`error: cannot write ${report}: a parent of it is not a directory\n`);
    expect(fs.existsSync(path.join(dir, 'out.wasm'))).toBe(true);
  });
});

describe('failures after a large memory is written', () => {
  test('an init timeout stops the worker and leaves no file', async () => {
    const input = await write('loop.wasm', BIG_LOOP);
    const out = path.join(dir, 'out.wasm');
    const res = await preinit([input, '-o', out, '--init-timeout', '1']);
    expect(res.code).toBe(1);
    expect(expectErrorLines(res.stderr, 1)[0]).toBe(`error: ${input}: pre-initialization did not finish within 1 s (init timeout); stopped`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

test('a signal while the worker writes: the temporary file goes with the process', async () => {
  // 250 MiB, so that the temporary file exists long enough to be seen.
  const input = await write('huge.wasm', `(module (memory 4000)
    (func (export "wizer-initialize") (memory.fill (i32.const 0) (i32.const 0x61) (i32.const 262144000))))`);
  const child = spawn(process.execPath, [BIN, input, '-o', path.join(dir, 'out.wasm')], { stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  let seen = false;
  for (let i = 0; i < 2000 && child.exitCode === null && !seen; i++) {
    seen = leftovers(dir).length > 0;
    if (!seen) await new Promise((r) => setTimeout(r, 5));
  }
  expect(seen).toBe(true);
  child.kill('SIGTERM');
  expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
  expect(fs.readdirSync(dir)).toEqual(['huge.wasm']);
});

describe('outputs of 32 MiB and more (verified from the written file, as from 1 MiB)', () => {
  test('--out-dir -j 2: three large outputs, a WAT input and a failing one', async () => {
    const inputs = [
      await write('in/b1.wasm', BIG), await write('in/trap.wasm', BIG_TRAP), await write('in/b2.wasm', BIG),
      path.join(dir, 'in/good.wat'), await write('in/b3.wasm', BIG),
    ];
    fs.writeFileSync(inputs[3], GOOD);
    const outDir = path.join(dir, 'out', 'nested');
    fs.mkdirSync(outDir, { recursive: true });
    const res = await preinit([...inputs, '--out-dir', outDir, '-j', '2']);
    expect(res.code).toBe(1);
    expect(expectErrorLines(res.stderr, 1)[0]).toBe(`error: ${inputs[1]}: the \`wizer-initialize\` function trapped: wasm trap: wasm \`unreachable\` instruction executed`);
    expect(fs.readdirSync(outDir).sort()).toEqual(['b1.wasm', 'b2.wasm', 'b3.wasm', 'good.wat']);
    const expected = referenceBytes(inputs[0]);
    expect(expected.length).toBeGreaterThanOrEqual(32 * 2 ** 20);
    for (const name of ['b1.wasm', 'b2.wasm', 'b3.wasm']) expect(fs.readFileSync(path.join(outDir, name)).equals(expected)).toBe(true);
    // WAT text: the same bytes as the output written to stdout.
    const viaStdout = await preinit([inputs[3]]);
    expect(viaStdout.code).toBe(0);
    expect(fs.readFileSync(path.join(outDir, 'good.wat')).equals(viaStdout.stdout)).toBe(true);
  });

  test('--optimize: the same bytes as written to stdout', async () => {
    const input = await write('big.wasm', BIG_EXPORTED);
    const out = path.join(dir, 'out.wasm');
    const [toFile, toStdout] = await Promise.all([preinit([input, '-o', out, '--optimize']), preinit([input, '--optimize'])]);
    expect(toFile).toMatchObject({ code: 0, stderr: '' });
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout.length).toBeGreaterThanOrEqual(32 * 2 ** 20);
    expect(fs.readFileSync(out).equals(toStdout.stdout)).toBe(true);
  });
});

describe('components and --measure', () => {
  const HEAP = ['--allow-wasi', '-f', 'test:heap/setup.init-with@0.1.0("cli", 3)'];

  test('a component: the same bytes as written to stdout; a refused one leaves nothing', async () => {
    const out = path.join(dir, 'heap.wasm');
    const [toFile, toStdout] = await Promise.all([
      preinit([path.join(FIXTURES, 'heap.wasm'), '-o', out, ...HEAP]), preinit([path.join(FIXTURES, 'heap.wasm'), ...HEAP]),
    ]);
    expect(toFile).toMatchObject({ code: 0, stderr: '' });
    expect(toStdout.code).toBe(0);
    expect(fs.readFileSync(out).equals(toStdout.stdout)).toBe(true);

    const twice = path.join(FIXTURES, 'twice.wasm');
    const refused = await preinit([twice, '-o', path.join(dir, 'twice.wasm')]);
    expect(refused.code).toBe(1);
    expectErrorLines(refused.stderr, 1);
    expect(fs.readdirSync(dir)).toEqual(['heap.wasm']);
  });

  test('--measure reads the output back from the file', async () => {
    const input = await write('good.wasm', GOOD);
    const out = path.join(dir, 'out.wasm');
    const report = path.join(dir, 'report.json');
    const res = await preinit([input, '-o', out, '--measure=3', '--report', report]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/^\S+good\.wasm: startup .* \(.*median of 3\)\n$/);
    const [file] = JSON.parse(fs.readFileSync(report, 'utf8')).files;
    expect(file).toMatchObject({ status: 'ok', output: out, after: { raw: fs.statSync(out).size } });
    expect(file.startup.iterations).toBe(3);
    expect(file.startupError).toBeUndefined();
  });
});
