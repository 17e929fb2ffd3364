/**
 * Verification: the output must start in the state init left. It passes on real programs and on
 * every global type (NaN payloads and v128 included), and it catches an output whose memory or
 * globals differ from the captured state, naming the first difference.
 */
import { preinitialize, verifyModule } from '../src/engine/index.js';
import { instrument } from '../src/engine/instrument.js';
import { parseModule } from '../src/engine/parse.js';
import { rewrite } from '../src/engine/rewrite.js';
import { runInit } from '../src/engine/run.js';
import { snapshot, type Snapshot } from '../src/engine/snapshot.js';
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
  const { instance } = await runInit(mod, instrumented, {});
  const snap = snapshot(instance, mod, instrumented);
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
    const { output, facts } = await preinitialize(await wat(STATE), { verify: false });
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

describe.each(programs().map((p) => [p.name, p] as const))('%s', (_name, p) => {
  test('is verified and still computes the expected result', async () => {
    const { output, facts } = await preinitialize(p.bytes, p.options);
    expect(facts.verified).toBe(true);
    const instance = await instantiate(output);
    expect((instance.exports[p.entry] as () => number)()).toBe(p.expect);
  });
});
