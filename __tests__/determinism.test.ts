/**
 * Determinism: the same input and options give the same bytes, run after run. Where init reads
 * randomness or a clock the snapshot bakes that in: a warning by default, an error with
 * `deterministic`.
 */
import { preinitialize } from '../src/engine/index.js';
import { programs } from './support/programs.js';
import { wat } from './support/wasm.js';
import { DIFF_CASES } from './support/diff-cases.js';

const NODE24 = Number(process.versions.node.split('.')[0]) >= 24;

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe.each(programs().filter((p) => p.deterministic).map((p) => [p.name, p] as const))('%s', (_name, p) => {
  test('gives the same bytes twice, with and without deterministic', async () => {
    const first = await preinitialize(p.bytes, p.options);
    const second = await preinitialize(p.bytes, { ...p.options, deterministic: true });
    expect(same(first.output, second.output)).toBe(true);
    expect(first.facts.warnings).toEqual([]);
  });
});

test('every differential WAT case that succeeds gives the same bytes twice', async () => {
  let compared = 0;
  for (const c of DIFF_CASES.filter((c) => !c.error && !c.wasmTools && (NODE24 || !c.node24))) {
    const input = await wat(c.wat, c.names);
    const a = await preinitialize(input, c.options ?? {});
    const b = await preinitialize(input, c.options ?? {});
    expect([c.name, same(a.output, b.output)]).toEqual([c.name, true]);
    compared++;
  }
  expect(compared).toBeGreaterThan(10);
});

test('optimized output is reproducible too', async () => {
  const [p] = programs(['cpp-ctors']);
  const a = await preinitialize(p.bytes, { ...p.options, optimize: 'Oz' });
  const b = await preinitialize(p.bytes, { ...p.options, optimize: 'Oz' });
  expect(same(a.output, b.output)).toBe(true);
});

const CLOCK = `(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $now (param i32 i64 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "wizer-initialize") (drop (call $now (i32.const 0) (i64.const 1) (i32.const 16)))))`;

describe('nondeterministic init', () => {
  test('a clock read is a warning by default and an error with deterministic', async () => {
    const input = await wat(CLOCK);
    const { facts } = await preinitialize(input, { allowWasi: true });
    expect(facts.warnings).toEqual([expect.stringContaining('clock_time_get')]);
    await expect(preinitialize(input, { allowWasi: true, deterministic: true })).rejects.toThrow(/^init is not deterministic: init read a clock \(clock_time_get\)/);
  });

  test('rust-regex reads random_get: a warning, and deterministic refuses it', async () => {
    const [p] = programs(['rust-regex']);
    const a = await preinitialize(p.bytes, p.options);
    expect(a.facts.warnings).toEqual([expect.stringContaining('random_get')]);
    await expect(preinitialize(p.bytes, { ...p.options, deterministic: true })).rejects.toThrow('init is not deterministic: init read random bytes (random_get)');
  });
});
