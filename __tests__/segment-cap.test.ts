/**
 * Differential tests of the 10,000 data segment cap: which of several equal gaps get merged
 * follows Rust's unstable sort in the reference, so many equal smallest gaps must still give
 * byte-identical output. Each module's init writes one non-zero byte per segment, the gaps
 * (all >= 5, so nothing merges before the cap) read from a table staged in memory and zeroed
 * again before the snapshot.
 */
import { preinitialize, watToBinary } from '../src/engine/index.js';
import { rng } from './support/modgen.mjs';
import { reference, wat } from './support/wasm.js';

/** A module whose init writes `gaps.length + 1` one-byte runs with these gaps between them. */
function gapModule(gaps: number[]): string {
  const table = new Uint8Array(gaps.length * 2);
  gaps.forEach((g, i) => {
    if (g < 5 || g > 0xffff) throw new Error(`gap ${g} out of range`);
    table[2 * i] = g & 0xff;
    table[2 * i + 1] = g >>> 8;
  });
  const span = gaps.reduce((a, g) => a + g + 1, 1);
  const tableAt = Math.ceil(span / 8) * 8 + 8;
  const pages = Math.ceil((tableAt + table.length) / 65536);
  const hex = Array.from(table, (b) => '\\' + b.toString(16).padStart(2, '0')).join('');
  return `(module
    (memory (export "mem") ${pages})
    (data $gaps "${hex}")
    (func (export "wizer-initialize") (local $i i32) (local $off i32)
      (memory.init $gaps (i32.const ${tableAt}) (i32.const 0) (i32.const ${table.length}))
      (loop $l
        (i32.store8 (local.get $off) (i32.add (i32.const 1) (i32.rem_u (local.get $i) (i32.const 255))))
        (local.set $off (i32.add (local.get $off)
          (i32.add (i32.const 1) (i32.load16_u offset=${tableAt} (i32.shl (local.get $i) (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const ${gaps.length}))))
      (i32.store8 (local.get $off) (i32.const 7))
      (memory.fill (i32.const ${tableAt}) (i32.const 0) (i32.const ${table.length}))))`;
}

const gen = (segments: number, f: (i: number, rnd: () => number) => number, seed = 1) => {
  const rnd: () => number = rng(seed).next;
  return Array.from({ length: segments - 1 }, (_, i) => f(i, rnd));
};
const pick = (values: number[]) => (_: number, rnd: () => number) => values[Math.floor(rnd() * values.length)];

const CASES: Array<[string, number[]]> = [
  ['10,001 segments, every gap equal', gen(10_001, () => 7)],
  ['10,001 segments, gaps 5 or 6 at random', gen(10_001, pick([5, 6]), 2)],
  ['12,000 segments, gaps 5, 6 or 9 at random', gen(12_000, pick([5, 6, 9]), 3)],
  ['12,000 segments, gaps 8, 8, 5 repeating (the engine-diff pattern)', gen(12_000, (i) => 7 + ((i + 1) % 3) - (i % 3))],
  ['12,000 segments, gaps 5 + i % 7 (sawtooth)', gen(12_000, (i) => 5 + (i % 7))],
  ['15,000 segments, ascending gaps with duplicates (one sorted run)', gen(15_000, (i) => 5 + Math.floor(i / 100))],
  ['15,000 segments, descending gaps with duplicates', gen(15_000, (i) => 5 + Math.floor((15_000 - i) / 50))],
  ['10,001 segments, strictly descending gaps (one reversed run)', gen(10_001, (i) => 5 + (10_000 - i))],
  ['20,000 segments, mostly 5, one in ten 6', gen(20_000, (_, r) => (r() < 0.1 ? 6 : 5), 4)],
  ['30,000 segments, random gaps 5..40', gen(30_000, (_, r) => 5 + Math.floor(r() * 36), 5)],
  ['30,000 segments, random gaps 5..500', gen(30_000, (_, r) => 5 + Math.floor(r() * 496), 6)],
  ['30,000 segments, gaps from {5, 8, 13, 100}', gen(30_000, pick([5, 8, 13, 100]), 7)],
  ['100,000 segments, random gaps 5..12', gen(100_000, (_, r) => 5 + Math.floor(r() * 8), 8)],
  ['100,000 segments, gaps 5 + i % 3 with random bumps', gen(100_000, (i, r) => 5 + (i % 3) + (r() < 0.05 ? 10 : 0), 9)],
];

describe('data segments above 10,000 are capped as the reference caps them', () => {
  test.each(CASES)('%s', async (_name, gaps) => {
    const input = await wat(gapModule(gaps));
    const ref = reference(input);
    if (!ref.ok) throw new Error(`reference failed: ${ref.error}`);
    const { output } = await preinitialize(input);
    expect(output.length).toBe(ref.bytes.length);
    expect(Buffer.from(output).equals(Buffer.from(ref.bytes))).toBe(true);
  });
});

// Node 24 has multi-memory (npm test runs this file there too); Node 20 does not.
const MULTI_MEMORY = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 5, 2, 0, 1, 0, 1]));

(MULTI_MEMORY ? describe : describe.skip)('the cap across memories', () => {
  // Runs of several memories share one cap, and a merged segment never spans two memories.
  test.each([
    ['2 memories, 8,000 runs each', [8_000, 8_000]],
    ['3 memories: 50, 12,000 and 3 runs', [50, 12_000, 3]],
  ])('%s', async (_name, counts) => {
    const memories = counts.map((_, m) => `(memory $m${m} (export "m${m}") 2)`).join('\n');
    const fills = counts.map((n, m) => `
      (local.set $i (i32.const 0))
      (loop $l${m}
        (i32.store8 $m${m} (i32.mul (local.get $i) (i32.const ${6 + m})) (i32.add (i32.const 1) (i32.rem_u (local.get $i) (i32.const 200))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l${m} (i32.lt_u (local.get $i) (i32.const ${n}))))`).join('');
    // wasm-tools' parser: the tests' wabt one has no multi-memory.
    const input = await watToBinary(new TextEncoder().encode(`(module ${memories} (func (export "wizer-initialize") (local $i i32) ${fills}))`));
    const ref = reference(input);
    if (!ref.ok) throw new Error(`reference failed: ${ref.error}`);
    const { output, facts } = await preinitialize(input);
    expect(facts.dataSegments).toBe(10_000);
    expect(Buffer.from(output).equals(Buffer.from(ref.bytes))).toBe(true);
  });
});

describe('the word scan', () => {
  /** Non-zero runs merged across gaps of at most 4 bytes, a byte at a time. */
  const byByte = (b: Uint8Array) => {
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0) continue;
      const last = runs.at(-1);
      if (last && i - last[1] <= 4) last[1] = i + 1;
      else runs.push([i, i + 1]);
    }
    return runs;
  };

  test('aligned words, an odd length and an unaligned view all give the runs a byte-by-byte scan gives', async () => {
    const { dataSegments, littleEndianWords } = await import('../src/engine/snapshot.js');
    const random = rng(7);
    const bytes = new Uint8Array(4099).map(() => random.byte(0.7));
    bytes[4098] = 9; // a run in the last, partial word
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    const runs = (b: Uint8Array) =>
      dataSegments([{ index: 0, pages: 1n, bytes: b }]).memories.flatMap(({ start, end, first, last }) => Array.from({ length: last - first }, (_, k): [number, number] => [start[first + k], end[first + k]]));
    expect(littleEndianWords(bytes.subarray(0, 4096)).buffer).toBe(bytes.buffer); // a view
    expect(littleEndianWords(bytes).length).toBe(1025); // a copy, the tail padded
    for (const b of [bytes.subarray(0, 4096), bytes, shifted]) expect(runs(b)).toEqual(byByte(b));
    expect(runs(bytes).at(-1)?.[1]).toBe(4099);
  });
});
