/**
 * Drop-in argument parsing: every form the reference's parser (clap) takes, run through both
 * CLIs on one real module. Each command line must be accepted by both (with the same output
 * bytes) or refused by both; and every flag the reference's `--help` lists must appear in an
 * accepted command line here, so a flag the reference gains is not silently missed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN } from './support/cli.js';
import { REFERENCE_WIZER, wat } from './support/wasm.js';

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-args-'));
  fs.writeFileSync(path.join(dir, 'in.wasm'), await wat(`(module (memory 1) (global $g (mut i32) (i32.const 0))
    (func (export "wizer-initialize") (global.set $g (i32.const 7)) (i32.store (i32.const 16) (i32.const 42)))
    (func (export "run") (result i32) (global.get $g)))`));
  fs.writeFileSync(path.join(dir, 'pre.wasm'), await wat('(module (func (export "f")))'));
  fs.writeFileSync(path.join(dir, 'simd.wasm'), await wat(`(module
    (func (export "wizer-initialize") (drop (v128.const i32x4 0 0 0 0))))`));
  fs.mkdirSync(path.join(dir, 'data'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs one tool with `argv` in `dir`; OUT names the output file, which each tool gets its own of. */
function run(tool: 'ours' | 'reference', argv: string[]) {
  const out = `out-${tool}.wasm`;
  fs.rmSync(path.join(dir, out), { force: true });
  const args = argv.map((a) => a.replace('OUT', out));
  const [cmd, pre] = tool === 'ours' ? [process.execPath, [BIN]] : [REFERENCE_WIZER, []];
  const r = spawnSync(cmd, [...pre, ...args], { cwd: dir, encoding: 'utf8' });
  const file = path.join(dir, out);
  return { ok: r.status === 0, stderr: r.stderr, bytes: r.status === 0 && fs.existsSync(file) ? fs.readFileSync(file) : null };
}

const FEATURES = ['multi-memory', 'multi-value', 'bulk-memory', 'simd', 'relaxed-simd', 'reference-types'];

/** Accepted by the reference: each a complete command line. */
const ACCEPTED: string[][] = [
  ['in.wasm', '-o', 'OUT'], ['in.wasm', '-o=OUT'], ['in.wasm', '-oOUT'], ['-o', 'OUT', 'in.wasm'],
  ['-f', 'wizer-initialize', 'in.wasm', '-o', 'OUT'], ['-f=wizer-initialize', 'in.wasm', '-o', 'OUT'],
  ['-fwizer-initialize', 'in.wasm', '-o', 'OUT'], ['--init-func', 'wizer-initialize', 'in.wasm', '-o', 'OUT'],
  ['--init-func=wizer-initialize', 'in.wasm', '-o', 'OUT'],
  ['-r', 'go=run', 'in.wasm', '-o', 'OUT'], ['-r=go=run', 'in.wasm', '-o', 'OUT'], ['-rgo=run', 'in.wasm', '-o', 'OUT'],
  ['--rename-func', 'go=run', '-r', 'x=wizer-initialize', 'in.wasm', '-o', 'OUT'], ['--rename-func=go=run', 'in.wasm', '-o', 'OUT'],
  ['--keep-init-func', 'in.wasm', '-o', 'OUT'], ['--keep-init-func=true', 'in.wasm', '-o', 'OUT'],
  ['--keep-init-func=false', 'in.wasm', '-o', 'OUT'],
  ['--allow-wasi', 'in.wasm', '-o', 'OUT'],
  ['--relaxed-simd-deterministic', 'in.wasm', '-o', 'OUT'], ['--relaxed-simd-deterministic=false', 'in.wasm', '-o', 'OUT'],
  ['--inherit-stdio', 'false', 'in.wasm', '-o', 'OUT'], ['--inherit-stdio=false', 'in.wasm', '-o', 'OUT'],
  ['in.wasm', '--inherit-stdio', '-o', 'OUT'], ['--inherit-env', 'true', 'in.wasm', '-o', 'OUT'],
  ['--inherit-env=true', 'in.wasm', '-o', 'OUT'], ['in.wasm', '--inherit-env', '-o', 'OUT'],
  ['--allow-wasi', '--dir', 'data', 'in.wasm', '-o', 'OUT'], ['--allow-wasi', '--dir=data', 'in.wasm', '-o', 'OUT'],
  ['--mapdir', 'g::data', 'in.wasm', '-o', 'OUT'], ['--mapdir=g::data', 'in.wasm', '-o', 'OUT'],
  ['--preload', 'p=pre.wasm', 'in.wasm', '-o', 'OUT'], ['--preload=p=pre.wasm', 'in.wasm', '-o', 'OUT'],
  ...FEATURES.flatMap((f) => [
    ['in.wasm', `--wasm-${f}`, '-o', 'OUT'], [`--wasm-${f}`, 'true', 'in.wasm', '-o', 'OUT'], [`--wasm-${f}=true`, 'in.wasm', '-o', 'OUT'],
  ]),
  ...FEATURES.filter((f) => f !== 'simd').map((f) => [`--wasm-${f}=false`, 'in.wasm', '-o', 'OUT']),
  ['--wasm-simd', 'false', '--wasm-relaxed-simd', 'false', 'in.wasm', '-o', 'OUT'],
  // componentize-js's own command line
  ['--allow-wasi', '--init-func', 'wizer-initialize', '--dir=data', '--wasm-bulk-memory=true', '--inherit-env=true', '-o=OUT', 'in.wasm'],
];

/** Refused by the reference, and by us. */
const REFUSED: string[][] = [
  ['--inherit-env', 'in.wasm', '-o', 'OUT'], // the input is taken as --inherit-env's value
  ['--keep-init-func', 'true', 'in.wasm', '-o', 'OUT'], // `true` is a second input
  ['-o', 'OUT', '-o', 'OUT', 'in.wasm'], ['-f', 'a', '-f', 'wizer-initialize', 'in.wasm', '-o', 'OUT'],
  ['--allow-wasi', '--allow-wasi', 'in.wasm', '-o', 'OUT'],
  ['--wasm-simd=false', 'in.wasm', '-o', 'OUT'], ['--wasm-simd=no', 'in.wasm', '-o', 'OUT'], ['--wasm-gc', 'in.wasm', '-o', 'OUT'],
  ['--wasm-simd=false', '--wasm-relaxed-simd=false', 'simd.wasm', '-o', 'OUT'],
  ['--frobnicate', 'in.wasm', '-o', 'OUT'], ['-f', 'missing', 'in.wasm', '-o', 'OUT'],
];

describe.each(ACCEPTED.map((argv) => [argv.join(' '), argv]))('accepted by both: %s', (_name, argv) => {
  test('same bytes', () => {
    const ref = run('reference', argv as string[]);
    expect(ref.stderr).toBe('');
    const ours = run('ours', argv as string[]);
    expect(ours.stderr).toBe('');
    expect(ours.ok).toBe(true);
    expect(ours.bytes!.equals(ref.bytes!)).toBe(true);
  });
});

describe.each(REFUSED.map((argv) => [argv.join(' '), argv]))('refused by both: %s', (_name, argv) => {
  test('one error line, no output', () => {
    expect(run('reference', argv as string[]).ok).toBe(false);
    const ours = run('ours', argv as string[]);
    expect(ours.ok).toBe(false);
    expect(ours.stderr).toMatch(/^error: [^\n]+\n$/);
    expect(ours.bytes).toBeNull();
  });
});

test('a disabled feature the module uses is refused with the reference\'s cause', () => {
  const argv = ['--wasm-simd=false', '--wasm-relaxed-simd=false', 'simd.wasm', '-o', 'OUT'];
  expect(run('reference', argv).stderr).toContain('SIMD support is not enabled');
  expect(run('ours', argv).stderr).toContain('SIMD support is not enabled');
});

test('-S cli, as wasmtime wizer spells --allow-wasi', () => {
  for (const argv of [['-Scli'], ['-S', 'cli'], ['-S', 'cli=y']]) {
    expect(run('ours', [...argv, 'in.wasm', '-o', 'OUT']).ok).toBe(true);
  }
  expect(run('ours', ['-S', 'http', 'in.wasm', '-o', 'OUT']).stderr).toMatch(/^error: unsupported -S option `http`/);
});

test('every flag of the reference\'s --help appears in an accepted command line', () => {
  const help = spawnSync(REFERENCE_WIZER, ['--help'], { encoding: 'utf8' }).stdout;
  const flags = [...help.matchAll(/^ {2}(-\w)(?:, (--[\w-]+))?|^ {6}(--[\w-]+)/gm)].flatMap((m) => [m[1], m[2], m[3]]).filter((f): f is string => !!f);
  expect(flags.length).toBeGreaterThan(15);
  const used = new Set(ACCEPTED.flat().map((a) => (a.startsWith('--') ? a.split('=')[0] : a.slice(0, 2))));
  const missing = flags.filter((f) => !used.has(f) && f !== '-h' && f !== '--help');
  expect(missing).toEqual([]);
});

test('--help and --version', () => {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  expect(help.status).toBe(0);
  for (const f of ['--relaxed-simd-deterministic', '--wasm-<FEATURE>', '-S cli']) expect(help.stdout).toContain(f);
  const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
  expect(version.stdout).toMatch(/^preinit \d+\.\d+\.\d+\n$/);
});
