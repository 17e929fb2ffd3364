/**
 * Differential generator: random valid modules (seeded, see support/modgen.mjs) whose init writes
 * random patterns to memory and random values to globals of every numeric type. Our output must
 * be byte-identical to the reference Wizer's. The longer run is scripts/diffgen.mjs.
 *
 * Over the 10,000-segment cap the reference picks among equal gaps with Rust's unstable sort;
 * once snapshot.ts uses rust-sort.ts those cases must be identical too, until then they must
 * have the same segment count and instantiate to the same memory.
 */
import fs from 'node:fs';
import { preinitialize } from '../src/engine/index.js';
import { parseModule } from '../src/engine/parse.js';
import { instantiate, reference, validates, wat } from './support/wasm.js';
import { caseOptions, generateModule, type GeneratedCase } from './support/modgen.mjs';

const RUST_SORT = fs.readFileSync('src/engine/snapshot.ts', 'utf8').includes('rust-sort');
const CAP = 10_000;

const NORMAL = Array.from({ length: 40 }, (_, i) => i + 1);
const OVER_CAP = Array.from({ length: 6 }, (_, i) => 1001 + i);

async function run(c: GeneratedCase) {
  const input = await wat(c.wat, c.names);
  const { refArgs, options } = caseOptions(c);
  const mine = await preinitialize(input, options);
  const ref = reference(input, refArgs);
  if (!ref.ok) throw new Error(`reference failed on ${c.description}: ${ref.error}`);
  return { input, mine: mine.output, ref: ref.bytes, options };
}

/** The memory, whatever a rename made its export name. */
function state(instance: WebAssembly.Instance) {
  return Buffer.from(Object.values(instance.exports).find((e): e is WebAssembly.Memory => e instanceof WebAssembly.Memory)!.buffer);
}

describe('random modules: byte-identical to the reference', () => {
  test.each(NORMAL.map((seed) => generateModule(seed)).map((c) => [c.description, c] as const))('%s', async (_, c) => {
    const { input, mine, ref } = await run(c);
    expect(validates(mine)).toBe(true);
    expect(Buffer.from(mine).equals(Buffer.from(ref))).toBe(true);
    // The entry `get0` may have been renamed (or overwritten by a rename): follow it.
    const renamed = c.renames.find((x) => x.src === 'get0');
    const entry = renamed ? renamed.dst : c.renames.some((x) => x.dst === 'get0') ? undefined : 'get0';
    if (entry) {
      const before = await instantiate(input);
      const call = (i: WebAssembly.Instance, name: string) => (i.exports[name] as () => number)();
      if (typeof before.exports._initialize === 'function' && c.initFunc !== '_initialize') call(before, '_initialize');
      call(before, c.initFunc);
      expect(call(await instantiate(mine), entry)).toBe(call(before, 'get0'));
    }
  });
});

describe(`random modules over the ${CAP}-segment cap (${RUST_SORT ? 'identical bytes' : 'same segment count and memory image'})`, () => {
  test.each(OVER_CAP.map((seed) => generateModule(seed, { overCap: true })).map((c) => [c.description, c] as const))('%s', async (_, c) => {
    const { input, mine, ref } = await run(c);
    const original = parseModule(input).data.length;
    expect(parseModule(mine).data.length).toBe(original + CAP);
    expect(parseModule(mine).data.length).toBe(parseModule(ref).data.length);
    expect(state(await instantiate(mine)).equals(state(await instantiate(ref)))).toBe(true);
    if (RUST_SORT) expect(Buffer.from(mine).equals(Buffer.from(ref))).toBe(true);
  });
});

describe('the generator itself', () => {
  test('is deterministic per seed and varies across seeds', () => {
    expect(generateModule(7).wat).toBe(generateModule(7).wat);
    expect(new Set(NORMAL.map((s) => generateModule(s).wat)).size).toBe(NORMAL.length);
  });
  test('covers every global type, NaN payloads, growth, passive data, start and page boundaries', () => {
    const all = NORMAL.map((s) => generateModule(s));
    const text = all.map((c) => c.wat).join('\n');
    // NaN payloads (quiet and signalling) among the float bits written.
    expect(text).toMatch(/f32\.reinterpret_i32 \(i32\.const 0x(7fa5a5a5|7fc00001|ffc12345|ff800001|7f800001)\)/);
    expect(text).toMatch(/f64\.reinterpret_i64 \(i64\.const 0x(7ff8000000000001|7ff4000000000abc|fff0000000000001|fff8dead0000beef)\)/);
    for (const needle of ['(mut i32)', '(mut i64)', '(mut f32)', '(mut f64)', '(mut v128)', 'f32.reinterpret_i32', 'f64.reinterpret_i64',
      'memory.grow', 'memory.init', '(start $start)', '"_initialize"', 'memory.fill']) {
      expect(text).toContain(needle);
    }
    expect(all.some((c) => c.description.includes('boundary'))).toBe(true);
    expect(all.some((c) => c.keepInitFunc) && all.some((c) => c.initFunc !== 'wizer-initialize')).toBe(true);
    expect(all.some((c) => c.renames.some((x) => x.src === 'missing')) && all.some((c) => c.renames.some((x) => x.src === 'get0'))).toBe(true);
  });
});
