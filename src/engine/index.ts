/**
 * The engine's public entry: `preinitialize(bytes, options)` runs the stages
 * parse -> instrument -> run -> snapshot -> rewrite on a core module (or hands a component to
 * the component pipeline built on the same stages), then checks the result (secrets,
 * determinism, verification, optionally around Binaryen) and returns the new bytes with the
 * facts for reports.
 */
import type { Hash } from 'node:crypto';
import fs from 'node:fs';
import { detectKind, FileWriter } from './binary.js';
import { fail, osReason, PreinitError } from './errors.js';
import { instrument, type Instrumented } from './instrument.js';
import { files } from './io.js';
import { relaxedSimdLibrary } from './relaxed-simd.js';
import { parseModule } from './parse.js';
import { rewrite, rewriteTo, checkRenames } from './rewrite.js';
import { runInit } from './run.js';
import { DEFAULT_INIT_FUNC } from './types.js';
import { sha256 } from './sha256.js';
import { memoryFacts, segmentBytes, snapshot, type Snapshot } from './snapshot.js';
import type { FileResult, PreinitOptions, PreinitResult, StageTimings } from './types.js';
import { nondeterminismWarnings } from './warnings.js';
import { checkSecrets } from './secrets.js';
import { collectGarbage } from './gc.js';
import { reproducibleSettings } from './reproducible.js';
import { digestState, verifyFile, verifyModule, type ExpectedState, type Scratch } from './verify.js';
import { watToBinary } from './wat.js';
import { deadlineAfter, monotonicMs } from './watchdog.js';

export type * from './types.js';
export { PreinitError, describeError, ERROR_CODES, type ErrorCode } from './errors.js';
export { DEFAULT_INIT_FUNC } from './types.js';
export { watToBinary } from './wat.js';
export { verifyModule, type ExpectedState, type VerifyOptions } from './verify.js';
export { measureStartup, measureStartups, type StartupMeasurement, type MeasureOptions } from './measure.js';
export { preinitializeIsolated, preinitializeIsolatedToFile, DEFAULT_TIMEOUT_MS, type IsolationLimits } from './isolate.js';

export function preinitialize(input: Uint8Array, options: PreinitOptions = {}): Promise<PreinitResult> {
  return run(input, options);
}

/**
 * Pre-initializes into `file`, written directly (the isolated variant makes it atomic) and
 * removed on failure. A core module whose snapshot holds LEAN_VERIFY_FROM bytes or more is
 * written as it is made, its data straight from the memories, and verified from the file with
 * lean verification: the instance is freed before the output is instantiated again, so the peak
 * stays near twice the largest memory. Smaller outputs, components and optimized outputs are
 * verified in memory, as by `preinitialize`.
 */
export async function preinitializeToFile(input: Uint8Array, file: string, options: PreinitOptions = {}): Promise<FileResult> {
  try {
    const result = await run(input, options, file);
    if ('output' in result) {
      await files.writeFile(file, result.output).catch(cannotWrite);
      return { facts: result.facts, bytes: result.output.length };
    }
    const { facts, bytes, expected } = result;
    if (expected) {
      const start = monotonicMs();
      await collectGarbage(); // the instance, now unreachable (its memory stays for `scratch`)
      await verifyFile(file, expected, result.scratch);
      facts.timings.verify = (facts.timings.verify ?? 0) + monotonicMs() - start;
    }
    return { facts, bytes };
  } catch (err) {
    await files.rm(file, { force: true });
    throw err;
  }
}

/**
 * Snapshots of this many bytes or more are written as they are made and verified lean by
 * `preinitializeToFile`: below it, the copies the in-memory way makes cost less than two forced
 * collections and the digests; above it, they cost more, and raise the peak (ruby.wasm: 365 MB
 * in memory, 230 MB lean, for a 73 MB memory).
 */
export const LEAN_VERIFY_FROM = 2 ** 20;

/**
 * A large core module's output, already written to the file: its size, its SHA-256 in
 * reproducible mode, and the state to verify the file against when verification is on.
 */
interface Written {
  facts: PreinitResult['facts'];
  bytes: number;
  sha256?: string;
  expected?: ExpectedState;
  /** The largest memory, for the verification to read the file into (see `Scratch`). */
  scratch?: Scratch;
}

type Pending = PreinitResult | Written;

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

/** With `file`, a large output may be written there already (`Written`). */
function run(input: Uint8Array, options: PreinitOptions): Promise<PreinitResult>;
function run(input: Uint8Array, options: PreinitOptions, file: string): Promise<Pending>;
async function run(input: Uint8Array, options: PreinitOptions, file?: string): Promise<Pending> {
  checkPreopens(options);
  const repro = reproducibleSettings(options); // refuses bad settings before anything runs
  const result = await runKind(input, options, file);
  if (repro) {
    const digest = 'output' in result ? sha256().update(result.output).digest('hex') : result.sha256!;
    result.facts.reproducible = { seed: String(repro.seed), epoch: repro.epoch, sha256: digest };
  }
  return result;
}

async function runKind(input: Uint8Array, options: PreinitOptions, file: string | undefined): Promise<Pending> {
  switch (detectKind(input)) {
    case 'module':
      return preinitializeModule(input, options, file);
    case 'component': {
      if (options.optimize) fail('UNSUPPORTED', 'optimize is not supported for components');
      // jco's glue runs a component's guest code from promises the watchdog cannot wrap.
      if (options.timeoutMs !== undefined) fail('USAGE', 'timeoutMs stops core modules only: give a component to preinitializeIsolated, whose limits end its worker');
      const { preinitializeComponent } = await import('./component/index.js');
      const result = await preinitializeComponent(input, options);
      checkDeterministic(result.facts.warnings, options);
      return result;
    }
    case 'wat':
      return runKind(await watToBinary(input), options, file);
    case 'unknown-version': {
      const version = new DataView(input.buffer, input.byteOffset + 4, 4).getUint32(0, true);
      fail('INVALID_INPUT', `unsupported WebAssembly binary version 0x${version.toString(16)} (a module is version 1, a component 0x1000d)`);
    }
    default:
      fail('INVALID_INPUT', input.length === 0 ? 'the input is empty' : 'the input is not a WebAssembly module or component (bad magic number)');
  }
}

async function preinitializeModule(input: Uint8Array, options: PreinitOptions, file: string | undefined): Promise<Pending> {
  const timer = stageTimer();
  const deadline = deadlineAfter(options.timeoutMs);
  const initFunc = options.initFunc ?? DEFAULT_INIT_FUNC;
  checkRenames(options.renames ?? []);
  const mod = timer.time('parse', () => parseModule(input, { features: options.wasmFeatures }));
  const relaxedSimd = options.relaxedSimdDeterministic ? await relaxedSimdLibrary() : undefined;
  const instrumented = timer.time('instrument', () => instrument(mod, { maxMemory: options.maxMemory, relaxedSimd }));
  const { instance, imports, wasiCalls, wasiReads } = await timer.timeAsync('run', () => runInit(mod, instrumented, options, deadline));
  const snap = timer.time('snapshot', () => snapshot(instance, mod, instrumented, imports));
  const warnings = nondeterminismWarnings(wasiCalls);
  checkDeterministic(warnings, options);
  checkSecrets(snap.segments.memories, input, options);
  const rewriteOptions = { exports: 'wizer', initFunc, keepInitFunc: options.keepInitFunc, renames: options.renames } as const;
  const verify = options.verify ?? true;
  const facts = (optimized?: PreinitResult['facts']['optimized']): PreinitResult['facts'] => ({
    kind: 'module',
    globals: snap.globals.length,
    memories: memoryFacts(mod.memories, snap),
    dataSegments: snap.segments.count,
    wasiCalls,
    ...(options.traceWasi ? { wasiReads } : {}),
    timings: timer.timings,
    warnings,
    verified: verify,
    ...(optimized ? { optimized } : {}),
  });
  // Large and for a file: written as it is made, verified by the caller against digests once
  // the instance is freed (hashing and forced collections are only worth it then).
  if (file !== undefined && !options.optimize && segmentBytes(snap.segments) >= LEAN_VERIFY_FROM) {
    const hash = options.reproducible ? sha256() : undefined;
    const bytes = timer.time('rewrite', () => writeOutput(file, (out) => rewriteTo(mod, snap, rewriteOptions, out), hash));
    const expected = verify ? timer.time('verify', () => digestState(snap)) : undefined;
    return { facts: facts(), bytes, ...(hash ? { sha256: hash.digest('hex') } : {}), ...(expected ? { expected, scratch: scratchFor(snap, instance, instrumented) } : {}) };
  }
  const snapshotted = timer.time('rewrite', () => rewrite(mod, snap, rewriteOptions));
  if (verify) await timer.timeAsync('verify', () => verifyModule(snapshotted, snap));
  if (!options.optimize) return { output: snapshotted, facts: facts() };
  const { optimize } = await import('./optimize.js');
  const level = options.optimize;
  const output = await timer.timeAsync('optimize', () => optimize(snapshotted, level));
  // Binaryen renumbers: what stays comparable is matched through export names (see verify.ts).
  if (verify) await timer.timeAsync('verify', () => verifyModule(output, snap, { renumberedFrom: parseModule(snapshotted) }));
  return { output, facts: facts({ level, before: snapshotted.length, after: output.length }) };
}

/**
 * What verification may reuse (see `Scratch`): the largest memory that is not shared (a shared
 * one is no plain ArrayBuffer), and its Memory when it is the module's only one.
 */
function scratchFor(snap: Snapshot, instance: WebAssembly.Instance, instrumented: Instrumented): Scratch {
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  for (const m of snap.memories) {
    if (m.bytes.buffer instanceof ArrayBuffer && m.bytes.length > (bytes?.length ?? -1)) bytes = m.bytes as Uint8Array<ArrayBuffer>;
  }
  if (bytes === undefined || snap.memories.length !== 1) return { bytes };
  return { bytes, memory: instance.exports[instrumented.memories[0].exportName] as WebAssembly.Memory };
}

/** Opens `file` for a FileWriter and has `write` fill it; an OS error is the output's. */
function writeOutput(file: string, write: (out: FileWriter) => number, hash?: Hash): number {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'w');
    return write(new FileWriter(fd, hash));
  } catch (err) {
    if (err instanceof PreinitError || !(err as NodeJS.ErrnoException).syscall) throw err;
    return cannotWrite(err);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function cannotWrite(err: unknown): never {
  fail('IO', `cannot write the output: ${osReason(err)}`, err);
}

/** With `deterministic`, what would be nondeterminism warnings are errors (reproducible mode fixes those reads). */
function checkDeterministic(warnings: string[], options: PreinitOptions): void {
  if (options.deterministic && !options.reproducible && warnings.length > 0) fail('NONDETERMINISTIC', `init is not deterministic: ${warnings.join('; ')}`);
}

export function stageTimer() {
  const timings: StageTimings = { parse: 0, instrument: 0, run: 0, snapshot: 0, rewrite: 0 };
  return {
    timings,
    time<T>(stage: keyof StageTimings, f: () => T): T {
      const start = monotonicMs();
      try {
        return f();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + monotonicMs() - start;
      }
    },
    async timeAsync<T>(stage: keyof StageTimings, f: () => Promise<T>): Promise<T> {
      const start = monotonicMs();
      try {
        return await f();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + monotonicMs() - start;
      }
    },
  };
}
