/**
 * The engine's public entry: `preinitialize(bytes, options)` runs the stages
 * parse -> instrument -> run -> snapshot -> rewrite on a core module (or hands a component to
 * the component pipeline built on the same stages), then checks the result (secrets,
 * determinism, verification, optionally around Binaryen) and returns the new bytes with the
 * facts for reports.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { detectKind } from './binary.js';
import { fail, osReason } from './errors.js';
import { instrument } from './instrument.js';
import { relaxedSimdLibrary } from './relaxed-simd.js';
import { parseModule } from './parse.js';
import { rewrite, checkRenames } from './rewrite.js';
import { runInit } from './run.js';
import { DEFAULT_INIT_FUNC } from './types.js';
import { snapshot, type Snapshot } from './snapshot.js';
import type { FileResult, MemoryFacts, OptimizeLevel, PreinitOptions, PreinitResult, StageTimings } from './types.js';
import { nondeterminismWarnings } from './warnings.js';
import { checkSecrets } from './secrets.js';
import { collectGarbage } from './gc.js';
import { reproducibleSettings } from './reproducible.js';
import { digestState, verifyFile, verifyModule, type ExpectedState } from './verify.js';
import { watToBinary } from './wat.js';

export type * from './types.js';
export { PreinitError, describeError, ERROR_CODES, type ErrorCode } from './errors.js';
export { DEFAULT_INIT_FUNC } from './types.js';
export { watToBinary } from './wat.js';
export { verifyModule, type ExpectedState, type VerifyOptions } from './verify.js';
export { measureStartup, measureStartups, type StartupMeasurement, type MeasureOptions } from './measure.js';
export { preinitializeIsolated, preinitializeIsolatedToFile, DEFAULT_TIMEOUT_MS, type IsolationLimits } from './isolate.js';

export function preinitialize(input: Uint8Array, options: PreinitOptions = {}): Promise<PreinitResult> {
  return run(input, options, false);
}

/**
 * Pre-initializes into `file`, written directly (the isolated variant makes it atomic) and
 * removed on failure. A core module's output of LEAN_VERIFY_FROM bytes or more is verified from
 * the file with lean verification: the instance and the output are freed before the output is
 * instantiated again, so the peak stays near twice the largest memory instead of five times.
 * Smaller outputs, components and optimized outputs are verified in memory, as by
 * `preinitialize`.
 */
export async function preinitializeToFile(input: Uint8Array, file: string, options: PreinitOptions = {}): Promise<FileResult> {
  try {
    let result: Pending | undefined = await run(input, options, true);
    const { facts, expected } = result;
    const bytes = result.output.length;
    await fs.promises.writeFile(file, result.output).catch((err: NodeJS.ErrnoException) => fail('IO', `cannot write the output: ${osReason(err)}`, err));
    result = undefined;
    if (expected) {
      const start = performance.now();
      await collectGarbage();
      await verifyFile(file, expected);
      facts.timings.verify = (facts.timings.verify ?? 0) + performance.now() - start;
    }
    return { facts, bytes };
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    throw err;
  }
}

/** Outputs from this size on are verified lean by `preinitializeToFile`. */
export const LEAN_VERIFY_FROM = 32 * 2 ** 20;

/** A result whose verification was left to the caller, against `expected`, when that is set. */
type Pending = PreinitResult & { expected?: ExpectedState };

/** A preopen must be a directory before anything runs: the cause is the option, not the input. */
function checkPreopens(options: PreinitOptions): void {
  for (const p of options.preopens ?? []) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p.host, { throwIfNoEntry: false });
    } catch (err) {
      fail('IO', `cannot preopen ${p.host} as ${p.guest}: ${osReason(err)}`, err);
    }
    if (!st?.isDirectory()) fail('IO', `cannot preopen ${p.host} as ${p.guest}: ${st ? 'not a directory' : 'no such directory'}`);
  }
}

async function run(input: Uint8Array, options: PreinitOptions, deferVerify: boolean): Promise<Pending> {
  checkPreopens(options);
  const repro = reproducibleSettings(options); // refuses bad settings before anything runs
  const result = await runKind(input, options, deferVerify);
  if (repro) {
    const sha256 = createHash('sha256').update(result.output).digest('hex');
    result.facts.reproducible = { seed: String(repro.seed), epoch: repro.epoch, sha256 };
  }
  return result;
}

async function runKind(input: Uint8Array, options: PreinitOptions, deferVerify: boolean): Promise<Pending> {
  switch (detectKind(input)) {
    case 'module':
      return preinitializeModule(input, options, deferVerify);
    case 'component': {
      if (options.optimize) fail('UNSUPPORTED', 'optimize is not supported for components');
      const { preinitializeComponent } = await import('./component/index.js');
      const result = await preinitializeComponent(input, options);
      checkDeterministic(result.facts.warnings, options);
      return result;
    }
    case 'wat':
      return runKind(await watToBinary(input), options, deferVerify);
    case 'unknown-version': {
      const version = new DataView(input.buffer, input.byteOffset + 4, 4).getUint32(0, true);
      fail('INVALID_INPUT', `unsupported WebAssembly binary version 0x${version.toString(16)} (a module is version 1, a component 0x1000d)`);
    }
    default:
      fail('INVALID_INPUT', input.length === 0 ? 'the input is empty' : 'the input is not a WebAssembly module or component (bad magic number)');
  }
}

async function preinitializeModule(input: Uint8Array, options: PreinitOptions, deferVerify: boolean): Promise<Pending> {
  const timer = stageTimer();
  const initFunc = options.initFunc ?? DEFAULT_INIT_FUNC;
  checkRenames(options.renames ?? []);
  const mod = timer.time('parse', () => parseModule(input, { features: options.wasmFeatures }));
  const relaxedSimd = options.relaxedSimdDeterministic ? await relaxedSimdLibrary() : undefined;
  const instrumented = timer.time('instrument', () => instrument(mod, { maxMemory: options.maxMemory, relaxedSimd }));
  const { instance, imports, wasiCalls, wasiReads } = await timer.timeAsync('run', () => runInit(mod, instrumented, options));
  const snap = timer.time('snapshot', () => snapshot(instance, mod, instrumented, imports));
  const warnings = nondeterminismWarnings(wasiCalls);
  checkDeterministic(warnings, options);
  checkSecrets(snap.segments.map((s) => s.data), input, options);
  const snapshotted = timer.time('rewrite', () =>
    rewrite(mod, snap, { exports: 'wizer', initFunc, keepInitFunc: options.keepInitFunc, renames: options.renames }));
  const verify = options.verify ?? true;
  // Deferred: the caller verifies the written file against digests, after freeing the instance.
  // Only worth its cost (hashing, forced collections) when the output is large.
  const deferred = verify && deferVerify && !options.optimize && snapshotted.length >= LEAN_VERIFY_FROM;
  const expected = deferred ? timer.time('verify', () => digestState(snap)) : undefined;
  if (verify && !deferred) await timer.timeAsync('verify', () => verifyModule(snapshotted, snap));
  let output = snapshotted;
  if (options.optimize) {
    const { optimize } = await import('./optimize.js');
    output = await timer.timeAsync('optimize', () => optimize(snapshotted, options.optimize as OptimizeLevel));
    // Binaryen renumbers: what stays comparable is matched through export names (see verify.ts).
    if (verify) await timer.timeAsync('verify', () => verifyModule(output, snap, { renumberedFrom: parseModule(snapshotted) }));
  }
  return {
    output,
    facts: {
      kind: 'module',
      globals: snap.globals.length,
      memories: memoryFacts(mod.memories.map((m) => ({ before: m.min, pageSizeLog2: m.pageSizeLog2 })), snap),
      dataSegments: snap.segments.length,
      wasiCalls,
      ...(options.traceWasi ? { wasiReads } : {}),
      timings: timer.timings,
      warnings,
      verified: verify,
      ...(options.optimize ? { optimized: { level: options.optimize, before: snapshotted.length, after: output.length } } : {}),
    },
    ...(expected ? { expected } : {}),
  };
}

/** With `deterministic`, what would be nondeterminism warnings are errors (reproducible mode fixes those reads). */
function checkDeterministic(warnings: string[], options: PreinitOptions): void {
  if (options.deterministic && !options.reproducible && warnings.length > 0) fail('NONDETERMINISTIC', `init is not deterministic: ${warnings.join('; ')}`);
}

export function memoryFacts(defs: Array<{ before: bigint; pageSizeLog2: number }>, snap: Snapshot): MemoryFacts[] {
  return snap.memories.map((m, i) => ({
    index: m.index,
    pagesBefore: Number(defs[i].before),
    pagesAfter: Number(m.pages),
    pageSize: 2 ** defs[i].pageSizeLog2,
    dataBytes: snap.segments.filter((s) => s.memory === m.index).reduce((n, s) => n + s.data.length, 0),
  }));
}

export function stageTimer() {
  const timings: StageTimings = { parse: 0, instrument: 0, run: 0, snapshot: 0, rewrite: 0 };
  return {
    timings,
    time<T>(stage: keyof StageTimings, f: () => T): T {
      const start = performance.now();
      try {
        return f();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
      }
    },
    async timeAsync<T>(stage: keyof StageTimings, f: () => Promise<T>): Promise<T> {
      const start = performance.now();
      try {
        return await f();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
      }
    },
  };
}
