/**
 * Verification: the output must start in the state init left. It passes on real programs and on
 * every global type (NaN payloads and v128 included), and it catches an output whose memory or
 * globals differ from the captured state, naming the first difference.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LEAN_VERIFY_FROM, preinitialize, preinitializeToFile, verifyModule } from '../src/engine/index.js';
import { instrument } from '../src/engine/instrument.js';
import { parseModule } from '../src/engine/parse.js';
import { rewrite } from '../src/engine/rewrite.js';
import { runInit } from '../src/engine/run.js';
import { snapshot, type Snapshot } from '../src/engine/snapshot.js';
import { digestState, verifyFile } from '../src/engine/verify.js';
import { behaviour, instantiate, wat } from './support/wasm.js';
import { programs } from './support/programs.js';

const STATE = `(module
  (memory (export "memory") 1 4)
  (global $i (mut i32) (i32.const 0))
  (global $l (mut i64) (i64.const 0))
  (global $f (mut f32) (f32.const 0))
  (global $d (mut f64) (f64.const 0))
  (global $v (mut v128) (v128.const i64x2 0 0))
  (func (export "wizer-initialize")
    (global.set $i (i32.const 42))
    (global.set $l (i64.const -7))
    (global.set $f (f32.reinterpret_i32 (i32.const 0x7fa00001)))
    (global.set $d (f64.const -0.5))
    (global.set $v (v128.const i64x2 0x0102030405060708 -1))
    (drop (memory.grow (i32.const 1)))
    (i32.store (i32.const 100) (i32.const 0xdeadbeef))
    (i32.store (i32.const 70000) (i32.const 0x01020304)))
  (func (export "sum") (result i32)
    (i32.add (global.get $i) (i32.load (i32.const 100)))))`;

/** The stages by hand, to get at the snapshot a verification compares against. */
async function stages(bytes: Uint8Array): Promise<{ snap: Snapshot; output: Uint8Array }> {
  const mod = parseModule(bytes);
  const instrumented = instrument(mod);
  const { instance, imports } = await runInit(mod, instrumented, {});
  const snap = snapshot(instance, mod, instrumented, imports);
  return { snap, output: rewrite(mod, snap, { exports: 'wizer', initFunc: 'wizer-initialize' }) };
}

describe('verification', () => {
  test('is on by default and reported', async () => {
    const input = await wat(STATE);
    const { output, facts } = await preinitialize(input);
    expect(facts.verified).toBe(true);
    expect(facts.timings.verify).toBeGreaterThanOrEqual(0);
    const { expected, actual } = await behaviour(input, output, 'sum');
    expect(actual).toBe(expected);
  });

  test('can be turned off, and then the report does not claim it', async () => {
    const { facts } = await preinitialize(await wat(STATE), { verify: false });
    expect(facts.verified).toBe(false);
    expect(facts.timings.verify).toBeUndefined();
  });

  test('accepts the real output for every global type and two grown pages', async () => {
    const { snap, output } = await stages(await wat(STATE));
    expect(snap.globals.map((g) => g.bits)).toEqual([42n, BigInt.asUintN(64, -7n), 0x7fa00001n, 0xbfe0000000000000n, (BigInt.asUintN(64, -1n) << 64n) | 0x0102030405060708n]);
    await expect(verifyModule(output, snap)).resolves.toBeUndefined();
  });

  test('names the first differing memory offset', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const expected = { globals: snap.globals, memories: snap.memories.map((m) => ({ ...m, bytes: m.bytes.slice() })) };
    expected.memories[0].bytes[70001] ^= 0xff;
    expected.memories[0].bytes[70003] ^= 0xff;
    await expect(verifyModule(output, expected)).rejects.toThrow('verification failed: memory 0 differs from its state after init at offset 70001 (0x11171)');
  });

  test('catches an output whose data segment was altered', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const broken = output.slice();
    const at = Buffer.from(broken).indexOf(Buffer.from([0xef, 0xbe, 0xad, 0xde]));
    expect(at).toBeGreaterThan(0);
    broken[at + 1] = 0;
    await expect(verifyModule(broken, snap)).rejects.toThrow('memory 0 differs from its state after init at offset 101');
  });

  test('names a differing global, compared bit for bit (NaN payload)', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const globals = snap.globals.map((g) => (g.index === 2 ? { ...g, bits: 0x7fc00000n } : g));
    await expect(verifyModule(output, { globals, memories: snap.memories })).rejects.toThrow('verification failed: global 2 differs from its value after init');
  });

  test('catches a different page count', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const memories = snap.memories.map((m) => ({ ...m, pages: m.pages + 1n }));
    await expect(verifyModule(output, { globals: snap.globals, memories }, { label: 'core module 0' })).rejects.toThrow('verification failed (core module 0): memory 0 has 2 pages, 3 after init');
  });
});

describe('lean verification (outputs written to a file)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-lean-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('accepts the real output, checked against block digests', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const file = path.join(dir, 'out.wasm');
    fs.writeFileSync(file, output);
    await expect(verifyFile(file, digestState(snap))).resolves.toBeUndefined();
  });

  test('names the 64 KiB block holding an altered byte', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const broken = Buffer.from(output);
    // The word stored at 70000 sits in the second block (65536 and up); the data section comes
    // after the v128 global whose constant holds the same bytes.
    const at = broken.lastIndexOf(Buffer.from([0x04, 0x03, 0x02, 0x01]));
    expect(at).toBeGreaterThan(0);
    broken[at] ^= 0xff;
    const file = path.join(dir, 'out.wasm');
    fs.writeFileSync(file, broken);
    await expect(verifyFile(file, digestState(snap))).rejects.toThrow('verification failed: memory 0 differs from its state after init in the 64 KiB block at offset 65536 (0x10000)');
  });

  test('reads only the sections before the data section: a data count, and sections after the data, are carried over', async () => {
    // Toolchains may emit a data count section unused; one goes in before the code section.
    const { snap, output: plain } = await stages(await wat(STATE));
    const parsed = parseModule(plain);
    const code = parsed.sections.find((x) => x.id === 10)!.range.start;
    expect(parsed.data.length).toBeLessThan(128);
    const output = Buffer.concat([plain.subarray(0, code), Buffer.from([12, 1, parsed.data.length]), plain.subarray(code)]);
    expect(parseModule(output).dataCount).toBe(parsed.data.length);
    const trailer = Buffer.concat([Buffer.from([0, 8, 7]), Buffer.from('trailer')]);
    const file = path.join(dir, 'out.wasm');
    fs.writeFileSync(file, Buffer.concat([output, trailer]));
    await expect(verifyFile(file, digestState(snap))).resolves.toBeUndefined();
    // Cut inside the data section: V8 refuses the copy when it compiles it.
    fs.writeFileSync(file, output.subarray(0, output.length - 3));
    await expect(verifyFile(file, digestState(snap))).rejects.toThrow(/^verification failed: the output cannot be instantiated: .*(section|data|end)/i);
    await expect(verifyFile(path.join(dir, 'missing.wasm'), digestState(snap))).rejects.toThrow(`cannot read ${path.join(dir, 'missing.wasm')}: no such file`);
  });

  test('reads the output into the scratch memory it is given when that is large enough, taking it from the box', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const file = path.join(dir, 'out.wasm');
    fs.writeFileSync(file, output);
    const spare = new Uint8Array(output.length + 4096).fill(0xaa);
    const box = { bytes: spare };
    await expect(verifyFile(file, digestState(snap), box)).resolves.toBeUndefined();
    expect(box.bytes).toBeUndefined();
    expect(Array.from(spare.subarray(0, 4))).toEqual([0x00, 0x61, 0x73, 0x6d]); // the instrumented copy
    // What was read into it is what is checked: a changed byte is still found.
    const broken = Buffer.from(output);
    broken[broken.lastIndexOf(Buffer.from([0x04, 0x03, 0x02, 0x01]))] ^= 0xff;
    fs.writeFileSync(file, broken);
    await expect(verifyFile(file, digestState(snap), { bytes: spare })).rejects.toThrow('in the 64 KiB block at offset 65536');
    // Too small: a buffer of its own, the scratch left as it was.
    const small = new Uint8Array(16).fill(0xaa);
    fs.writeFileSync(file, output);
    await expect(verifyFile(file, digestState(snap), { bytes: small })).resolves.toBeUndefined();
    expect(small.every((b) => b === 0xaa)).toBe(true);
  });

  test("instantiates the output into the module's only memory when given it: zeroed first, the declared size still checked", async () => {
    const { snap, output } = await stages(await wat(STATE));
    const file = path.join(dir, 'out.wasm');
    fs.writeFileSync(file, output);
    const memory = new WebAssembly.Memory({ initial: 2, maximum: 4 });
    const bytes = new Uint8Array(memory.buffer);
    bytes.fill(0xaa); // what was there is gone before the output's segments go in
    const box: { bytes?: Uint8Array<ArrayBuffer>; memory?: WebAssembly.Memory } = { bytes, memory };
    await expect(verifyFile(file, digestState(snap), box)).resolves.toBeUndefined();
    expect(box).toEqual({ bytes: undefined, memory: undefined });
    expect(Buffer.from(memory.buffer).equals(Buffer.from(snap.memories[0].bytes))).toBe(true); // the output's state, in it
    // An altered byte is found; a memory larger than the output declares does not hide its size.
    const broken = Buffer.from(output);
    broken[broken.lastIndexOf(Buffer.from([0x04, 0x03, 0x02, 0x01]))] ^= 0xff;
    fs.writeFileSync(file, broken);
    await expect(verifyFile(file, digestState(snap), { bytes, memory })).rejects.toThrow('in the 64 KiB block at offset 65536');
    fs.writeFileSync(file, output);
    const larger = new WebAssembly.Memory({ initial: 3, maximum: 4 });
    const memories = digestState(snap).memories.map((m) => ({ ...m, pages: 3n }));
    await expect(verifyFile(file, { globals: snap.globals, memories }, { bytes: new Uint8Array(larger.buffer), memory: larger })).rejects.toThrow('memory 0 has 2 pages, 3 after init');
  });

  test('still compares globals bit for bit and page counts', async () => {
    const { snap, output } = await stages(await wat(STATE));
    const file = path.join(dir, 'out.wasm');
    fs.writeFileSync(file, output);
    const globals = snap.globals.map((g) => (g.index === 4 ? { ...g, bits: g.bits ^ 1n } : g));
    await expect(verifyFile(file, { ...digestState(snap), globals })).rejects.toThrow('global 4 differs from its value after init');
    const memories = digestState(snap).memories.map((m) => ({ ...m, pages: 5n }));
    await expect(verifyFile(file, { globals: snap.globals, memories })).rejects.toThrow('memory 0 has 2 pages, 5 after init');
  });

  test('preinitializeToFile writes what preinitialize returns, verified (small and lean-sized outputs)', async () => {
    // 1 MiB more non-zero memory than LEAN_VERIFY_FROM, so the file is verified lean.
    const pages = Math.ceil((LEAN_VERIFY_FROM + 2 ** 20) / 65536);
    const large = await wat(`(module (memory 1) (global $g (mut i32) (i32.const 0))
      (func (export "wizer-initialize")
        (drop (memory.grow (i32.const ${pages - 1})))
        (memory.fill (i32.const 0) (i32.const 0x5a) (i32.const ${pages * 65536}))
        (global.set $g (i32.const 9))))`);
    for (const input of [await wat(STATE), large]) {
      const file = path.join(dir, 'out.wasm');
      const { bytes, facts } = await preinitializeToFile(input, file);
      const { output } = await preinitialize(input);
      expect(fs.readFileSync(file).equals(Buffer.from(output))).toBe(true);
      expect(bytes).toBe(output.length);
      expect(facts.verified).toBe(true);
      expect(facts.timings.verify).toBeGreaterThan(0);
    }
    expect(fs.statSync(path.join(dir, 'out.wasm')).size).toBeGreaterThanOrEqual(LEAN_VERIFY_FROM);
  });

  test('preinitializeToFile leaves no file behind when init fails', async () => {
    const file = path.join(dir, 'out.wasm');
    await expect(preinitializeToFile(await wat('(module (func (export "wizer-initialize") unreachable))'), file)).rejects.toThrow('trapped');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('the isolated variant renames into place on success and leaves nothing on a timeout', async () => {
    const isolate = await import(pathToFileURL(path.resolve('lib/engine/isolate.js')).href);
    const file = path.join(dir, 'out.wasm');
    const input = await wat(STATE);
    const { bytes } = await isolate.preinitializeIsolatedToFile(input, file);
    expect(fs.statSync(file).size).toBe(bytes);
    expect(fs.readdirSync(dir)).toEqual(['out.wasm']);
    const endless = await wat('(module (func (export "wizer-initialize") (loop $l (br $l))))');
    await expect(isolate.preinitializeIsolatedToFile(endless, path.join(dir, 'never.wasm'), {}, { timeoutMs: 500 })).rejects.toThrow('did not finish');
    expect(fs.readdirSync(dir)).toEqual(['out.wasm']);
  });
});

describe.each(programs().map((p) => [p.name, p] as const))('%s', (_name, p) => {
  test('is verified and still computes the expected result', async () => {
    const { output, facts } = await preinitialize(p.bytes, p.options);
    expect(facts.verified).toBe(true);
    const instance = await instantiate(output);
    expect((instance.exports[p.entry] as () => number)()).toBe(p.expect);
  });
});

describe('tables: the output carries none of their state, so they must be as init left them', () => {
  const TABLE = (init: string) => `(module
    (import "host" "touch" (func $touch))
    (import "pre" "seven" (func $seven (result i32)))
    (table (export "t") 3 funcref)
    (func $one (result i32) (i32.const 1))
    (elem (i32.const 0) $one $seven $touch)
    ${init}
    (func (export "run") (result i32) (call_indirect (result i32) (i32.const 1))))`;
  const preloads = [{ name: 'pre', bytes: new TextEncoder().encode('(module (func (export "seven") (result i32) (i32.const 7)))') }];
  const withHost = (touch: (t: WebAssembly.Table) => void) => ({
    preloads,
    hostFunctions: { host: { touch(this: { exports: WebAssembly.Exports }) { touch(this.exports.t as WebAssembly.Table); } } },
  });

  test('a table holding defined, imported-from-JS and preloaded functions, left alone, verifies', async () => {
    const { output, facts } = await preinitialize(await wat(TABLE('(func (export "wizer-initialize") (call $touch))')), withHost(() => {}));
    expect(facts.verified).toBe(true);
    expect(await WebAssembly.validate(output as BufferSource)).toBe(true);
  });

  test('an entry init changed through a host function is caught and named', async () => {
    const input = await wat(TABLE('(func (export "wizer-initialize") (call $touch))'));
    await expect(preinitialize(input, withHost((t) => t.set(1, null)))).rejects.toThrow(
      'verification failed: table 0 entry 1 differs from its state after init (tables are not snapshotted)');
    await expect(preinitialize(input, withHost((t) => t.set(2, t.get(0))))).rejects.toThrow(
      'verification failed: table 0 entry 2 differs from its state after init (tables are not snapshotted)');
  });

  test('a table init grew is caught', async () => {
    await expect(preinitialize(await wat(TABLE('(func (export "wizer-initialize") (call $touch))')), withHost((t) => t.grow(1)))).rejects.toThrow(
      'verification failed: table 0 has 3 entries, 4 after init (tables are not snapshotted)');
  });
});
