/**
 * Reproducible mode: the same input and options give the same bytes whatever the run, the
 * machine's state or the surface (library, CLI under many environments, Node 20 and 24), for
 * programs whose init reads random bytes and clocks; and the outputs still pass their checks.
 */
import { createHash } from 'node:crypto';
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preinitialize } from '../src/engine/index.js';
import { DEFAULT_EPOCH } from '../src/engine/reproducible.js';
import { BIN } from './support/cli.js';
import { fixture, instantiate as instantiateComponent } from './support/components.js';
import { programs } from './support/programs.js';
import { instantiate, wat } from './support/wasm.js';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-repro-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Every real program of the bench corpus.
describe.each(programs('all').map((p) => [p.name, p] as const))('%s', (_name, p) => {
  test('two runs give the same bytes, which pass the program\'s own check; the facts say how', async () => {
    const a = await preinitialize(p.bytes, { ...p.options, reproducible: true });
    const b = await preinitialize(p.bytes, { ...p.options, reproducible: true });
    expect(same(a.output, b.output)).toBe(true);
    expect(((await instantiate(a.output)).exports[p.entry] as () => number)()).toBe(p.expect);
    expect(a.facts.reproducible).toEqual({ seed: '0', epoch: DEFAULT_EPOCH, sha256: sha256(a.output) });
    // without the flag nothing changes: init that reads random bytes (a HashMap's seed) differs as before
    const plain = await preinitialize(p.bytes, p.options);
    if (!p.deterministic) expect(same(plain.output, a.output)).toBe(false);
    expect(plain.facts.reproducible).toBeUndefined();
  });
});

test('another seed gives other bytes, the same every time', async () => {
  const [p] = programs(['rust-regex']);
  const a = await preinitialize(p.bytes, { ...p.options, reproducible: true, seed: 7 });
  const b = await preinitialize(p.bytes, { ...p.options, reproducible: true, seed: 7n });
  const zero = await preinitialize(p.bytes, { ...p.options, reproducible: true });
  expect(same(a.output, b.output)).toBe(true);
  expect(same(a.output, zero.output)).toBe(false);
  expect(a.facts.reproducible?.seed).toBe('7');
  await expect(preinitialize(p.bytes, { ...p.options, seed: 7 })).rejects.toThrow('a seed is only used in reproducible mode');
});

const CLOCKS = `(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $now (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wizer-initialize")
    (drop (call $now (i32.const 0) (i64.const 1) (i32.const 16)))   ;; realtime
    (drop (call $now (i32.const 1) (i64.const 1) (i32.const 24)))   ;; monotonic
    (drop (call $now (i32.const 2) (i64.const 1) (i32.const 32)))   ;; process CPU time
    ;; sleep 10 s: one relative clock subscription at 256, its event at 512
    (i64.store (i32.const 256) (i64.const 42))
    (i64.store (i32.const 280) (i64.const 10000000000))
    (i32.store (i32.const 40) (call $poll (i32.const 256) (i32.const 512) (i32.const 1) (i32.const 44)))
    (drop (call $now (i32.const 0) (i64.const 1) (i32.const 48)))))`;

describe('clocks and sleeps', () => {
  async function times(options: object) {
    const { output } = await preinitialize(await wat(CLOCKS), { allowWasi: true, reproducible: true, ...options });
    const v = new DataView(((await instantiate(output)).exports.memory as WebAssembly.Memory).buffer);
    return { reads: [16, 24, 32, 48].map((at) => v.getBigUint64(at, true)), poll: [v.getUint32(40, true), v.getUint32(44, true)], userdata: v.getBigUint64(512, true) };
  }

  test('start at the fixed epoch, 1 ms per read; a 10 s sleep returns at once with the clock moved on', async () => {
    const start = Date.now();
    const t = await times({});
    expect(Date.now() - start).toBeLessThan(5000);
    const epoch = BigInt(DEFAULT_EPOCH) * 1_000_000_000n;
    expect(t.reads).toEqual([epoch, epoch + 1_000_000n, epoch + 2_000_000n, epoch + 3_000_000n + 10_000_000_000n]);
    expect(t.poll).toEqual([0, 1]);
    expect(t.userdata).toBe(42n);
  });

  test('SOURCE_DATE_EPOCH (or the epoch option) sets where they start', async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      expect((await times({})).reads[0]).toBe(1_700_000_000_000_000_000n);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    expect((await times({ epoch: 1234 })).reads[0]).toBe(1_234_000_000_000n);
  });
});

// fd_readdir of the preopen into 1024.., path_filestat_get of "b.txt" into 256.
const LISTING = `(module
  (import "wasi_snapshot_preview1" "fd_readdir" (func $readdir (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_filestat_get" (func $stat (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "b.txt")
  (func (export "wizer-initialize")
    (drop (call $readdir (i32.const 3) (i32.const 1024) (i32.const 1024) (i64.const 0) (i32.const 64)))
    (drop (call $stat (i32.const 3) (i32.const 1) (i32.const 16) (i32.const 5) (i32.const 256)))))`;

test('preopens: the same files in other directories, made in another order at other times, give the same bytes', async () => {
  const make = (name: string, order: string[]) => {
    const d = path.join(dir, name);
    fs.mkdirSync(d);
    for (const f of order) fs.writeFileSync(path.join(d, f), f);
    fs.utimesSync(path.join(d, 'b.txt'), new Date(name === 'one' ? 1e12 : 1.5e12), new Date(name === 'one' ? 1e12 : 1.5e12));
    return d;
  };
  const input = await wat(LISTING);
  const run = (host: string, reproducible: boolean) => preinitialize(input, { allowWasi: true, reproducible, preopens: [{ guest: '/data', host }] });
  const [one, two] = [make('one', ['a.txt', 'b.txt', 'c.txt']), make('two', ['c.txt', 'b.txt', 'a.txt'])];
  expect(same((await run(one, true)).output, (await run(two, true)).output)).toBe(true);
  expect(same((await run(one, false)).output, (await run(two, false)).output)).toBe(false);
  await expect(preinitialize(input, { allowWasi: true, reproducible: true, preopens: [{ guest: one, host: one }] }))
    .rejects.toThrow('shows the guest a host path');
});

test('a JS component (StarlingMonkey reads clocks and random): same bytes twice, and it still runs', async () => {
  const bytes = await fixture('js.wasm');
  const options = { initFunc: 'init', allowWasi: true, reproducible: true, stdout: () => {} };
  const a = await preinitialize(bytes, options);
  const b = await preinitialize(bytes, options);
  expect(same(a.output, b.output)).toBe(true);
  expect(Object.keys(a.facts.wasiCalls).some((c) => c.startsWith('wasi:clocks/'))).toBe(true);
  expect(await (await instantiateComponent(a.output)).run()).toBe('initialized with 1000 squares; last=998001; words=6');
  const plain = await preinitialize(bytes, { ...options, reproducible: false });
  expect(same(plain.output, a.output)).toBe(false);
});

test('a C component lists and stats a preopened directory: the same answers from two different copies of it', async () => {
  const bytes = await fixture('heap.wasm');
  // the same files, written in another order and at another time, so mtimes, inodes and the
  // file system's listing order differ between the two copies
  const copy = async (names: string[]) => {
    const d = fs.mkdtempSync(path.join(dir, 'data-'));
    for (const n of names) {
      fs.writeFileSync(path.join(d, n), n === 'word.txt' ? 'bird\n' : n);
      await new Promise((r) => setTimeout(r, 5));
    }
    return d;
  };
  const hosts = [await copy(['word.txt', 'b.txt', 'a.txt', 'c.txt']), await copy(['c.txt', 'a.txt', 'word.txt', 'b.txt'])];
  const run = (host: string, reproducible: boolean) =>
    preinitialize(bytes, { initFunc: 'init-dir', allowWasi: true, reproducible, preopens: [{ guest: '/data', host }], stdout: () => {} });
  const [a, b] = [await run(hosts[0], true), await run(hosts[1], true)];
  expect(same(a.output, b.output)).toBe(true);
  const text = String(await (await instantiateComponent(a.output)).run());
  expect(text).toMatch(new RegExp(`^a\\.txt,b\\.txt,c\\.txt,word\\.txt,mtime=${DEFAULT_EPOCH}\\.000000000 ino=\\d+ nlink=1: 1 nodes`));
  // without the flag the host's facts come through, as with the reference
  const [c, d] = [await run(hosts[0], false), await run(hosts[1], false)];
  expect(same(c.output, d.output)).toBe(false);
});

describe('the CLI, under different environments', () => {
  const [p] = programs(['rust-regex']);
  const NODE24 = execFileSync(process.execPath, [path.resolve('scripts/tools.js'), 'node24'], { encoding: 'utf8' }).trim();
  const input = () => path.join(dir, 'rust-regex.wasm');
  let expected: string;
  beforeAll(async () => {
    fs.copyFileSync(p.wasm, input());
    expected = sha256((await preinitialize(p.bytes, { ...p.options, reproducible: true })).output);
  });

  const cli = (out: string, opts: { node?: string; cwd?: string; env?: Record<string, string>; extra?: string[] } = {}) => {
    const r = spawnSync(opts.node ?? process.execPath, [BIN, '--allow-wasi', '--reproducible', ...(opts.extra ?? []), '-o', out, input()], {
      cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return sha256(fs.readFileSync(out));
  };

  test('other cwd, TMPDIR, TZ and LANG, and Node 24: the library\'s bytes', () => {
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    expect(cli(path.join(dir, 'a.wasm'))).toBe(expected);
    expect(cli(path.join(dir, 'b.wasm'), { cwd: os.homedir(), env: { TMPDIR: tmp, TZ: 'Pacific/Kiritimati', LANG: 'ja_JP.UTF-8', LC_ALL: 'tr_TR.UTF-8' } })).toBe(expected);
    if (fs.existsSync(NODE24)) expect(cli(path.join(dir, 'c.wasm'), { node: NODE24, cwd: tmp })).toBe(expected);
  });

  test('-j 1 and -j 4 over several inputs', () => {
    const inputs = ['x', 'y', 'z', 'w'].map((n) => {
      const f = path.join(dir, `${n}.wasm`);
      fs.copyFileSync(p.wasm, f);
      return f;
    });
    for (const j of ['1', '4']) {
      const out = path.join(dir, `j${j}`);
      fs.mkdirSync(out);
      execFileSync(process.execPath, [BIN, '--allow-wasi', '--reproducible', '-j', j, '--out-dir', out, ...inputs]);
      for (const f of inputs) expect(sha256(fs.readFileSync(path.join(out, path.basename(f))))).toBe(expected);
    }
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? test : test.skip)('a pipe and a pseudo-terminal', () => {
    const out = (n: string) => path.join(dir, `${n}.wasm`);
    const line = (n: string) => `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --allow-wasi --reproducible -o ${out(n)} ${input()}`;
    execSync(`${line('pipe')} 2>&1 | cat`, { shell: '/bin/sh' });
    execSync(`script -qec ${JSON.stringify(line('pty'))} /dev/null < /dev/null > /dev/null`, { shell: '/bin/sh' });
    expect(sha256(fs.readFileSync(out('pipe')))).toBe(expected);
    expect(sha256(fs.readFileSync(out('pty')))).toBe(expected);
  });

  test('--check-reproducible: names random_get and says reproducible mode would help; passes with it', () => {
    const without = spawnSync(process.execPath, [BIN, '--allow-wasi', '--check-reproducible', '-o', path.join(dir, 'check.wasm'), input()], { encoding: 'utf8' });
    expect(without.status).toBe(1);
    expect(without.stderr).toMatch(/not reproducible: two runs gave different bytes; first difference at memory 0 offset 0x[0-9a-f]+; WASI reads that returned different values: random_get call 1 \(the bytes at that offset come from random_get call 1\); with reproducible mode the two runs are identical: turn it on/);
    expect(fs.existsSync(path.join(dir, 'check.wasm'))).toBe(false);
    expect(cli(path.join(dir, 'checked.wasm'), { extra: ['--check-reproducible'] })).toBe(expected);
  });
});
