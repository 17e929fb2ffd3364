/**
 * Startup measurement: the structure of the result, quiet stdio, WASI imports from the same
 * host, and a speedup only where the workload makes it overwhelming (init loops millions of
 * times; the output does nothing at startup). No other timing is asserted.
 */
import fs from 'node:fs';
import { measureStartup, measureStartups, preinitialize } from '../src/engine/index.js';
import { measureSides, type Stats } from '../src/engine/measure.js';
import { startupAgainst } from '../src/action/compare.js';
import { startupFacts } from '../src/report/build.js';
import { programs } from './support/programs.js';
import { wat } from './support/wasm.js';

/** Init sums 30 million numbers into memory; `result` reads the sum back. */
const HEAVY = `(module
  (memory (export "memory") 1)
  (func (export "wizer-initialize")
    (local $i i32) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (i32.mul (local.get $i) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 30000000))))
    (i64.store (i32.const 8) (local.get $acc)))
  (func (export "result") (result i64) (i64.load (i32.const 8))))`;

/** Writes "hello" to stdout during init. */
const NOISY = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello\\n")
  (func (export "wizer-initialize")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 6))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;

const ordered = (s: Stats) => s.min <= s.median && s.median <= s.max && s.min >= 0;

describe('measureStartup', () => {
  test('reports cold and cached cases, per phase, and an overwhelming speedup', async () => {
    const input = await wat(HEAVY);
    const { output } = await preinitialize(input);
    const m = await measureStartup(input, output, {}, { iterations: 3, warmup: 1 });
    expect(m.iterations).toBe(3);
    expect(m.warmup).toBe(1);
    expect(m.engine).toContain(process.versions.v8);
    for (const c of [m.cold, m.cached]) {
      for (const side of [c.input, c.output]) {
        for (const s of [side.compile, side.instantiate, side.init, side.total]) expect(ordered(s)).toBe(true);
      }
      expect(c.output.init).toEqual({ median: 0, min: 0, max: 0 });
      expect(c.speedup).toBeCloseTo(c.input.total.median / c.output.total.median, 10);
      expect(c.minSpeedup).toBeCloseTo(c.input.total.min / c.output.total.min, 10);
    }
    expect(m.cached.input.compile.max).toBe(0);
    expect(m.cached.output.compile.max).toBe(0);
    expect(m.speedup).toBe(m.cold.speedup);
    // Thirty million iterations against an instantiation of one page: not a close call.
    expect(m.cold.speedup).toBeGreaterThan(1);
    expect(m.cached.speedup).toBeGreaterThan(1);
  });

  test('the same input measured twice does not look changed: each speedup carries its noise', async () => {
    const [p] = programs(['rust-regex']);
    const { output } = await preinitialize(p.bytes, p.options);
    const twice = [];
    for (let run = 0; run < 2; run++) twice.push(await measureStartup(p.bytes, output, p.options, { iterations: 20, warmup: 2 }));
    for (const m of twice) {
      const i = m.cold.interval;
      expect(i.confidence).toBeGreaterThanOrEqual(0.99);
      expect(i.low).toBeLessThanOrEqual(m.cold.speedup);
      expect(i.high).toBeGreaterThanOrEqual(m.cold.speedup);
    }
    const [a, b] = twice.map(startupFacts);
    console.log(`rust-regex speedup twice: ${a.speedup}× [${a.interval!.low}, ${a.interval!.high}], ${b.speedup}× [${b.interval!.low}, ${b.interval!.high}]`);
    expect(startupAgainst(a, b)).toBe('same');
  });

  test('a time budget ends the measurement early, after 3 iterations, and says how many ran', async () => {
    const input = await wat(HEAVY);
    const { output } = await preinitialize(input);
    const m = await measureStartup(input, output, {}, { iterations: 50, warmup: 1, budgetMs: 0 });
    expect(m.iterations).toBe(3);
    expect(m.cold.input.total.median).toBeGreaterThan(0);
  });

  test('several outputs are measured against the same input samples', async () => {
    const input = await wat(HEAVY);
    const { output } = await preinitialize(input);
    const optimized = (await preinitialize(input, { optimize: 'O' })).output;
    const [a, b] = await measureStartups(input, [output, optimized], {}, { iterations: 2, warmup: 0 });
    expect(a.cold.input).toEqual(b.cold.input);
    expect(a.cached.input).toEqual(b.cached.input);
    expect(a.cold.output).not.toEqual(b.cold.output);
  });

  test('guest output is kept quiet while measuring', async () => {
    const input = await wat(NOISY);
    const seen: Uint8Array[] = [];
    const options = { allowWasi: true, stdout: (c: Uint8Array) => seen.push(c) };
    const { output } = await preinitialize(input, options);
    expect(Buffer.concat(seen).toString()).toBe('hello\n');
    seen.length = 0;
    await measureStartup(input, output, options, { iterations: 2, warmup: 0 });
    expect(seen).toEqual([]);
  });

  test('init gets WASI from the same host (c-readfile reads its preopened file)', async () => {
    const [p] = programs(['c-readfile']);
    const { output } = await preinitialize(p.bytes, p.options);
    const m = await measureStartup(p.bytes, output, p.options, { iterations: 2, warmup: 0 });
    expect(Number.isFinite(m.speedup)).toBe(true);
    // Without WASI its imports trap, as they would during pre-initialization.
    await expect(measureStartup(p.bytes, output, { ...p.options, allowWasi: false }, { iterations: 1, warmup: 0 })).rejects.toThrow(/startup measurement: init trapped: unknown import: `wasi_snapshot_preview1::/);
  });

  test('a trapping init is reported as a measurement failure', async () => {
    const input = await wat('(module (func (export "wizer-initialize") unreachable))');
    const output = await wat('(module)');
    await expect(measureStartup(input, output, {}, { iterations: 1 })).rejects.toThrow('startup measurement: init trapped: wasm trap: wasm `unreachable` instruction executed');
  });

  test('components go through the component measurer, same shape', async () => {
    const input = new Uint8Array(fs.readFileSync('fixtures/components/heap.wasm'));
    const options = { allowWasi: true, inheritStdio: false };
    const { output } = await preinitialize(input, options);
    const m = await measureStartup(input, output, options, { iterations: 2, warmup: 0 });
    expect(m.engine).toContain('jco');
    expect(ordered(m.cold.input.total)).toBe(true);
    expect(m.speedup).toBe(m.cold.speedup);
    await expect(measureStartups(input, [output, output])).rejects.toThrow('a component is measured against one output component');
    await expect(measureStartup(input, await wat('(module)'))).rejects.toThrow('a component is measured against one output component');
  });

  test('anything but modules and components is refused', async () => {
    await expect(measureStartup(await wat(HEAVY), new Uint8Array([1, 2, 3]))).rejects.toThrow('startup measurement needs binary core modules (or components)');
  });

  test('iterations must be a positive integer', async () => {
    const input = await wat(HEAVY);
    await expect(measureStartup(input, input, {}, { iterations: 0 })).rejects.toThrow('measure iterations must be a positive integer');
  });
});

describe('the time budget', () => {
  const slowSide = (ms: number) => async () => {
    const until = performance.now() + ms;
    while (performance.now() < until) { /* a start that takes `ms` */ }
    return { compile: ms / 2, instantiate: ms / 2, init: 0 };
  };

  test('a slow start warms up once, then measures 3 iterations and stops at the budget', async () => {
    const [m] = await measureSides([slowSide(20), slowSide(10)], { iterations: 20, warmup: 3, budgetMs: 100 }, 'test');
    expect(m.warmup).toBe(1);
    expect(m.iterations).toBe(3);
  });

  test('a fast start gets its full warm-up and iterations', async () => {
    const [m] = await measureSides([slowSide(0), slowSide(0)], { iterations: 5, warmup: 3, budgetMs: 10_000 }, 'test');
    expect(m.warmup).toBe(3);
    expect(m.iterations).toBe(5);
  });
});
