/**
 * optimize: Binaryen after the snapshot removes code only init used, keeps exports and the
 * memory image, and the result is verified again (through export names, since Binaryen
 * renumbers globals).
 */
import { preinitialize, verifyModule } from '../src/engine/index.js';
import { instrument } from '../src/engine/instrument.js';
import { optimize } from '../src/engine/optimize.js';
import { parseModule } from '../src/engine/parse.js';
import { rewrite } from '../src/engine/rewrite.js';
import { runInit } from '../src/engine/run.js';
import { snapshot } from '../src/engine/snapshot.js';
import { programs } from './support/programs.js';
import { instantiate, wat } from './support/wasm.js';

/** Init fills a table of squares through a helper nothing else calls. */
const TABLE = `(module
  (memory (export "memory") 1)
  (global $count (export "count") (mut i32) (i32.const 0))
  (global $hidden (mut i32) (i32.const 0))
  (func $square_all (param $n i32)
    (local $i i32)
    (loop $l
      (i32.store (i32.shl (local.get $i) (i32.const 2)) (i32.mul (local.get $i) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (global.set $count (local.get $n))
    (global.set $hidden (i32.const 0x5eed)))
  (func (export "wizer-initialize") (call $square_all (i32.const 1000)))
  (func (export "lookup") (param i32) (result i32) (i32.load (i32.shl (local.get 0) (i32.const 2))))
  (func (export "hidden") (result i32) (global.get $hidden)))`;

const funcCount = (bytes: Uint8Array) => parseModule(bytes).funcTypes.length;

describe('optimize', () => {
  test('removes init-only code, keeps behaviour and exports, and reports sizes', async () => {
    const input = await wat(TABLE);
    const plain = await preinitialize(input);
    const { output, facts } = await preinitialize(input, { optimize: 'O' });
    expect(facts.optimized).toEqual({ level: 'O', before: plain.output.length, after: output.length });
    expect(output.length).toBeLessThan(plain.output.length);
    expect(funcCount(output)).toBeLessThan(funcCount(plain.output));
    expect(facts.verified).toBe(true);
    expect(facts.timings.optimize).toBeGreaterThan(0);
    const exportsOf = (b: Uint8Array) => WebAssembly.Module.exports(new WebAssembly.Module(new Uint8Array(b)));
    expect(exportsOf(output)).toEqual(exportsOf(plain.output));
    const inst = await instantiate(output);
    expect((inst.exports.lookup as (i: number) => number)(999)).toBe(998001);
    expect((inst.exports.hidden as () => number)()).toBe(0x5eed);
    expect((inst.exports.count as WebAssembly.Global).value).toBe(1000);
  });

  test('is off by default: without it the output is the plain snapshot', async () => {
    const input = await wat(TABLE);
    const { facts } = await preinitialize(input);
    expect(facts.optimized).toBeUndefined();
    expect(facts.timings.optimize).toBeUndefined();
  });

  test('verification after optimizing matches state through export names', async () => {
    const input = await wat(TABLE);
    const mod = parseModule(input);
    const instrumented = instrument(mod);
    const { instance, imports } = await runInit(mod, instrumented, {});
    const snap = snapshot(instance, mod, instrumented, imports);
    const plain = rewrite(mod, snap, { exports: 'wizer', initFunc: 'wizer-initialize' });
    const optimized = await optimize(plain, 'O3');
    const renumberedFrom = parseModule(plain);
    await expect(verifyModule(optimized, snap, { renumberedFrom })).resolves.toBeUndefined();
    const count = snap.globals.find((g) => g.index === 0)!;
    const globals = snap.globals.map((g) => (g === count ? { ...g, bits: 999n } : g));
    await expect(verifyModule(optimized, { globals, memories: snap.memories }, { renumberedFrom })).rejects.toThrow('global 0 differs from its value after init');
    const memories = snap.memories.map((m) => ({ ...m, bytes: m.bytes.slice() }));
    memories[0].bytes[4 * 500] ^= 1;
    await expect(verifyModule(optimized, { globals: snap.globals, memories }, { renumberedFrom })).rejects.toThrow('memory 0 differs from its state after init at offset 2000');
  });

  test('an unknown level is refused', async () => {
    await expect(preinitialize(await wat(TABLE), { optimize: 'O9' as never })).rejects.toThrow('unknown optimization level `O9`');
  });

  test('a plain MVP module does not come out needing newer proposals', async () => {
    // Given GC, Binaryen rewrote this one with typed references; parse validates in this V8.
    const [p] = programs(['rust-regex']);
    const { output } = await preinitialize(p.bytes, { ...p.options, optimize: 'Oz' });
    expect(() => parseModule(output)).not.toThrow();
    expect(((await instantiate(output)).exports[p.entry] as () => number)()).toBe(p.expect);
  });
});

describe.each(programs(['cpp-ctors', 'c-readfile']).map((p) => [p.name, p] as const))('%s', (_name, p) => {
  test('optimized output is smaller and computes the same result', async () => {
    const { output, facts } = await preinitialize(p.bytes, { ...p.options, optimize: 'O3' });
    expect(facts.optimized!.after).toBeLessThan(facts.optimized!.before);
    expect(facts.verified).toBe(true);
    expect(((await instantiate(output)).exports[p.entry] as () => number)()).toBe(p.expect);
  });
});
