/**
 * Startup measurement, in this V8 as the output will run: the input is compiled, instantiated
 * (its start function runs) and initialized (`_initialize` when exported, then the init
 * function); the output is compiled and instantiated, nothing more. Imports come from the same
 * WASI host as init, with quiet stdio. Components go to the component pipeline's measurer (through
 * jco's glue), which returns the same shape.
 *
 * Two cases: "cold" compiles fresh every iteration and "cached" reuses one compiled module (which
 * also lets V8 tier init code up). V8 shares compiled code between modules with identical bytes
 * while one is alive, so every cold iteration compiles bytes made unique by a custom section.
 * Input and output iterations alternate so drift in the machine affects both alike.
 */
import { detectKind, Writer } from './binary.js';
import { fail } from './errors.js';
import { collectGarbage } from './gc.js';
import { watToBinary } from './wat.js';
import { linkImports, trapMessage } from './run.js';
import { DEFAULT_INIT_FUNC } from './types.js';
import type { PreinitOptions } from './types.js';
import { createWasi, type WasiHost } from './wasi.js';

export interface MeasureOptions {
  /** Measured iterations per case. Default 20. */
  iterations?: number;
  /** Unmeasured iterations first, per case. Default 3; fewer (at least 1) once a quarter of the budget is spent. */
  warmup?: number;
  /**
   * Stop measuring after this many milliseconds (warm-up included) once 3 iterations are in;
   * `iterations` in the result says how many ran. Default 30 s: a module as large as 1 GiB takes
   * seconds per start.
   */
  budgetMs?: number;
}

const MIN_ITERATIONS = 3;
/** Growth of the process past which garbage is collected between starts (untimed). */
const COLLECT_ABOVE = 256 * 2 ** 20;

/** Milliseconds over the measured iterations. */
export interface Stats {
  median: number;
  min: number;
  max: number;
}

export interface Phases {
  compile: Stats;
  instantiate: Stats;
  /** `_initialize` and the init function; zero for the output, which starts initialized. */
  init: Stats;
  /** The sum per iteration (not the sum of the medians). */
  total: Stats;
}

export interface StartupCase {
  input: Phases;
  output: Phases;
  /** input total median / output total median. */
  speedup: number;
  /** input total min / output total min: the least disturbed runs, steadier on a busy machine. */
  minSpeedup: number;
  /** Where the speedup lies given the spread of the iterations (see `speedupInterval`). */
  interval: SpeedupInterval;
}

/**
 * A distribution-free interval for the median of the per-iteration speedups (input start /
 * output start of the same iteration): between two order statistics chosen from the binomial
 * distribution, so it holds for any noise. `confidence` is what it reaches: 0.99 with 20
 * iterations, less with few (3 give min..max, 0.75).
 */
export interface SpeedupInterval {
  low: number;
  high: number;
  confidence: number;
}

const INTERVAL_CONFIDENCE = 0.99;

export interface StartupMeasurement {
  engine: string;
  iterations: number;
  warmup: number;
  /** A fresh compile every iteration: a process that starts the module once. */
  cold: StartupCase;
  /** One compiled module reused (compile is zero): a host that instantiates many times. */
  cached: StartupCase;
  /** The cold speedup. */
  speedup: number;
}

/** Milliseconds of one start of one side. */
export interface Sample {
  compile: number;
  instantiate: number;
  init: number;
}

/**
 * One start of one side (the input initializes, an output does not): `cold` compiles afresh
 * from bytes made unique with `serial` (see `uniqueCopy`), otherwise the side's compiled code is
 * reused.
 */
export type StartSide = (cold: boolean, serial: number) => Promise<Sample>;

export async function measureStartup(input: Uint8Array, output: Uint8Array, options: PreinitOptions = {}, measure: MeasureOptions = {}): Promise<StartupMeasurement> {
  const [m] = await measureStartups(input, [output], options, measure);
  return m;
}

/**
 * The same for several outputs of one input (ours and another tool's, say), all measured in one
 * interleaved loop against the same input samples, so none of them gets a quieter machine.
 */
export async function measureStartups(input: Uint8Array, outputs: Uint8Array[], options: PreinitOptions = {}, measure: MeasureOptions = {}): Promise<StartupMeasurement[]> {
  if (detectKind(input) === 'wat') input = await watToBinary(input);
  if (detectKind(input) === 'component') {
    if (outputs.length !== 1 || detectKind(outputs[0]) !== 'component') fail('MEASURE', 'a component is measured against one output component');
    const { measureComponentStartup } = await import('./component/measure.js');
    return [await measureComponentStartup(input, outputs[0], options, measure)];
  }
  if (![input, ...outputs].every((bytes) => detectKind(bytes) === 'module')) fail('MEASURE', 'startup measurement needs binary core modules (or components)');
  const initFunc = options.initFunc ?? DEFAULT_INIT_FUNC;
  const sides = [input, ...outputs].map((bytes, k): StartSide => {
    const compiled = new WebAssembly.Module(uniqueCopy(bytes, 0));
    const init = k === 0 ? initFunc : undefined;
    return (cold, serial) => startOnce(cold ? uniqueCopy(bytes, serial) : compiled, compiled, init, options);
  });
  return measureSides(sides, measure, `V8 ${process.versions.v8} (Node ${process.versions.node})`);
}

/**
 * The measuring loop, for core modules and components alike: `sides[0]` is the input, the rest
 * are outputs, each compared with the input's samples. Every iteration starts each side cold
 * and cached, rotating which side goes first so none always runs on a freshly collected heap.
 */
export async function measureSides(sides: StartSide[], measure: MeasureOptions, engine: string): Promise<StartupMeasurement[]> {
  const iterations = measure.iterations ?? 20;
  const warmup = measure.warmup ?? 3;
  const budgetMs = measure.budgetMs ?? 30_000;
  if (!Number.isInteger(iterations) || iterations < 1) fail('MEASURE', `measure iterations must be a positive integer, got ${iterations}`);
  if (!Number.isInteger(warmup) || warmup < 0) fail('MEASURE', `measure warm-up must be a non-negative integer, got ${warmup}`);
  const samples = sides.map(() => ({ cold: [] as Sample[], cached: [] as Sample[] }));
  const started = performance.now();
  // Each start of a large module leaves a memory and compiled bytes behind: collected when they
  // add up, so a 1 GiB output is not measured with gigabytes of garbage piling up.
  const baseline = process.memoryUsage.rss();
  const start = async (k: number, cold: boolean, serial: number) => {
    const sample = await sides[k](cold, serial);
    if (process.memoryUsage.rss() - baseline > COLLECT_ABOVE) await collectGarbage();
    return sample;
  };
  let serial = 1;
  let measured = 0;
  let warmed = 0;
  for (let i = 0; measured < iterations; i++) {
    const elapsed = performance.now() - started;
    if (measured >= MIN_ITERATIONS && elapsed > budgetMs) break;
    // A slow start needs less warming up than the budget allows: a quarter of it at most.
    const warming = warmed < warmup && !(warmed > 0 && elapsed > budgetMs / 4);
    for (let j = 0; j < sides.length; j++) {
      const k = (i + j) % sides.length;
      const cold = await start(k, true, serial++);
      const cached = await start(k, false, 0);
      if (!warming) {
        samples[k].cold.push(cold);
        samples[k].cached.push(cached);
      }
    }
    if (warming) warmed++;
    else measured++;
  }
  const startupCase = (which: 'cold' | 'cached', k: number) => compareSamples(samples[0][which], samples[k][which]);
  return sides.slice(1).map((_, i) => {
    const cold = startupCase('cold', i + 1);
    return { engine, iterations: measured, warmup: warmed, cold, cached: startupCase('cached', i + 1), speedup: cold.speedup };
  });
}

/**
 * One start: compile `source` unless it is already a module, instantiate, and call the init
 * functions when `initFunc` is set. Imports are linked (untimed) against `shape`, a module with
 * the same imports.
 */
async function startOnce(source: Uint8Array<ArrayBuffer> | WebAssembly.Module, shape: WebAssembly.Module, initFunc: string | undefined, options: PreinitOptions): Promise<Sample> {
  const wasi: WasiHost | undefined = options.allowWasi ? createWasi({ ...options, inheritStdio: false }) : undefined;
  try {
    const host = { exports: {} };
    const imports = await linkImports(shape, options, wasi, host);
    const t0 = performance.now();
    const cached = source instanceof WebAssembly.Module;
    const module = cached ? source : new WebAssembly.Module(source);
    const t1 = cached ? t0 : performance.now();
    let instance: WebAssembly.Instance;
    try {
      instance = new WebAssembly.Instance(module, imports);
    } catch (err) {
      fail('MEASURE', `startup measurement: instantiation failed: ${trapMessage(err)}`, err);
    }
    host.exports = instance.exports;
    const t2 = performance.now();
    let t3 = t2;
    if (initFunc !== undefined) {
      const memory = instance.exports.memory;
      if (wasi && memory instanceof WebAssembly.Memory) wasi.bind(memory);
      try {
        const reactor = instance.exports._initialize;
        if (initFunc !== '_initialize' && typeof reactor === 'function') (reactor as () => void)();
        (instance.exports[initFunc] as () => void)();
      } catch (err) {
        fail('MEASURE', `startup measurement: init trapped: ${trapMessage(err)}`, err);
      }
      t3 = performance.now();
    }
    return { compile: t1 - t0, instantiate: t2 - t1, init: t3 - t2 };
  } finally {
    wasi?.close();
  }
}

/** Input samples against output samples: per-phase statistics and the speedups. */
export function compareSamples(input: Sample[], output: Sample[]): StartupCase {
  const phases = (list: Sample[]): Phases => ({
    compile: stats(list.map((s) => s.compile)),
    instantiate: stats(list.map((s) => s.instantiate)),
    init: stats(list.map((s) => s.init)),
    total: stats(list.map((s) => s.compile + s.instantiate + s.init)),
  });
  const [inp, out] = [phases(input), phases(output)];
  const speedup = inp.total.median / out.total.median;
  const total = (s: Sample) => s.compile + s.instantiate + s.init;
  const ratios = input.map((s, i) => total(s) / total(output[i]));
  return { input: inp, output: out, speedup, minSpeedup: inp.total.min / out.total.min, interval: speedupInterval(ratios, speedup) };
}

/**
 * The order statistics [k, n+1-k] around the median of `ratios`, k as large as keeps the
 * confidence at INTERVAL_CONFIDENCE (at least min..max); widened to hold `speedup` (a ratio of
 * medians, which need not lie between them).
 */
export function speedupInterval(ratios: number[], speedup: number): SpeedupInterval {
  const sorted = ratios.filter((r) => Number.isFinite(r) && r > 0).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { low: speedup, high: speedup, confidence: 0 };
  // X ~ Binomial(n, 1/2) counts the ratios below the true median; [sorted[k-1], sorted[n-k]]
  // misses it with probability 2 P(X < k). `below` is P(X < k), `p` is P(X = k).
  let k = 1;
  let below = 0.5 ** n;
  let p = n * 0.5 ** n;
  while (k + 1 <= n - k && 1 - 2 * (below + p) >= INTERVAL_CONFIDENCE) {
    below += p;
    k++;
    p = (p * (n - k + 1)) / k;
  }
  return { low: Math.min(sorted[k - 1], speedup), high: Math.max(sorted[n - k], speedup), confidence: 1 - 2 * below };
}

/** The module with a custom section appended whose content is `serial`: same code, new bytes. */
export function uniqueCopy(bytes: Uint8Array, serial: number): Uint8Array<ArrayBuffer> {
  const section = new Writer().section(0, new Writer().name('preinit-measure').u32(serial).finish()).finish();
  const out = new Uint8Array(bytes.length + section.length);
  out.set(bytes);
  out.set(section, bytes.length);
  return out;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}
