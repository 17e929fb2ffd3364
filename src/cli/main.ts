/** `preinit`: a thin shell over the engine. Exit 0 on success, 1 if any file failed, 2 on bad usage. */
import fs from 'node:fs';
import path from 'node:path';
import { describeError, fail, osReason, PreinitError } from '../engine/errors.js';
import type { SnapshotFacts } from '../engine/index.js';
import { readInput, removeTemporaryOutputsOnSignal, writeFileAtomic } from '../engine/io.js';
import { mapConcurrent, preinitializeIsolated, preinitializeIsolatedToFile } from '../engine/isolate.js';
import { DEFAULT_INIT_FUNC, type PreinitOptions } from '../engine/types.js';
import { VERSION } from '../engine/version.js';
import { compressionFor, fileEntry, finishTotals, measurePair, newReport, recordInput, recordSuccess, runContext, startupFacts } from '../report/build.js';
import type { FileReport, Report } from '../report/schema.js';
import { parseArgs, USAGE, type CliArgs } from './args.js';

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  let jobs: Array<{ input?: string; output?: string }>;
  try {
    args = parseArgs(argv);
    jobs = planJobs(args);
  } catch (err) {
    process.stderr.write(`error: ${describeError(err)}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`preinit ${VERSION}\n`);
    return 0;
  }
  const restoreSignals = removeTemporaryOutputsOnSignal();
  try {
    return await run(jobs, args);
  } finally {
    restoreSignals();
  }
}

async function run(jobs: Array<{ input?: string; output?: string }>, args: CliArgs): Promise<number> {
  const withSizes = args.report !== undefined;
  const done = await mapConcurrent(jobs, args.concurrency, async (job): Promise<Done> => {
    const entry = fileEntry(displayPath(job.input));
    try {
      return { entry, ...(await preinitFile(job, args, entry, withSizes, jobs.length === 1)) };
    } catch (err) {
      entry.error = describeError(err, 'cli');
      process.stderr.write(`error: ${entry.path}: ${entry.error}\n`);
      // The hint, unless the message already names the switch.
      if (err instanceof PreinitError && err.code === 'WASI_NOT_ALLOWED' && !err.switches.includes('allowWasi')) {
        process.stderr.write('hint: init calls WASI, which is off by default: pass --allow-wasi to allow it (read-only, sandboxed)\n');
      }
      return { entry };
    }
  });
  // Measured one at a time once every init has finished, so no other file competes for the CPU.
  for (const d of done) if (d.measure) await measureFile(d.entry, d.measure, args);
  if (args.report === undefined) return done.some((d) => d.entry.status === 'error') ? 1 : 0;
  const report = newReport({ name: 'preinit', version: VERSION }, runContext(process.env, null), reportOptions(args), 'auto');
  report.files = done.map((d) => d.entry);
  finishTotals(report);
  try {
    await writeFileAtomic(args.report, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
  } catch (err) {
    process.stderr.write(`error: ${describeError(err)}\n`);
    return 1;
  }
  return report.totals.failed > 0 ? 1 : 0;
}

/** The report names files as given, `/`-separated, like the action's paths relative to its working directory. */
function displayPath(input: string | undefined): string {
  return input === undefined ? '<stdin>' : input.split(path.sep).join('/');
}

function reportOptions(args: CliArgs): Report['options'] {
  return {
    initFunc: args.initFunc ?? DEFAULT_INIT_FUNC,
    keepInitFunc: args.keepInitFunc,
    renames: args.renames,
    allowWasi: args.allowWasi,
    inheritEnv: args.inheritEnv,
    envNames: Object.keys(args.env),
    dirs: args.preopens.map((p) => p.guest),
    preloads: args.preloads.map((p) => p.name),
    verify: args.verify,
    deterministic: args.deterministic,
    optimize: args.optimize,
    maxMemory: args.maxMemory,
    initTimeoutMs: args.timeoutMs,
    measureStartup: args.measure !== undefined,
  };
}

interface Done {
  entry: FileReport;
  /** With --measure: the input, and the output (in memory when it went to stdout). */
  measure?: { input: Uint8Array; output: Uint8Array | { file: string } };
}

async function measureFile(entry: FileReport, { input, output }: NonNullable<Done['measure']>, args: CliArgs): Promise<void> {
  try {
    const outputBytes = output instanceof Uint8Array ? output : await readInput(output.file);
    const { measureStartup } = await import('../engine/measure.js');
    const m = await measureStartup(input, outputBytes, await engineOptions(args, false), { iterations: args.measure });
    entry.startup = startupFacts(m);
    const ms = (n: number) => n.toFixed(2);
    process.stderr.write(`${entry.path}: startup ${ms(m.cold.input.total.median)} ms -> ${ms(m.cold.output.total.median)} ms `
      + `(${m.cold.speedup.toFixed(2)}x; cached module ${m.cached.speedup.toFixed(2)}x; median of ${m.iterations})\n`);
  } catch (err) {
    const warning = `startup not measured: ${describeError(err)}`;
    entry.warnings.push(warning);
    process.stderr.write(`warning: ${entry.path}: ${warning}\n`);
  }
}

/** One job per input; with --out-dir each output keeps its input's file name. */
function planJobs(args: CliArgs): Array<{ input?: string; output?: string }> {
  for (const p of args.preopens) {
    if (!fs.statSync(p.host, { throwIfNoEntry: false })?.isDirectory()) fail('USAGE', `${p.guest === p.host ? `--dir ${p.host}` : `--mapdir ${p.guest}::${p.host}`}: ${p.host} is not a directory`);
  }
  if (args.inputs.length === 0) return [{ output: args.output }];
  if (args.outDir === undefined) return [{ input: args.inputs[0], output: args.output }];
  if (!fs.statSync(args.outDir, { throwIfNoEntry: false })?.isDirectory()) fail('USAGE', `--out-dir ${args.outDir}: no such directory`);
  const seen = new Map<string, string>();
  return args.inputs.map((input) => {
    const output = path.join(args.outDir!, path.basename(input));
    const clash = seen.get(output);
    if (clash) fail('USAGE', clash === input ? `${input} is given twice` : `${clash} and ${input} would both be written to ${output}`);
    seen.set(output, input);
    return { input, output };
  });
}

async function preinitFile(job: { input?: string; output?: string }, args: CliArgs, entry: FileReport, withSizes: boolean, single: boolean): Promise<Omit<Done, 'entry'>> {
  const input = job.input === undefined ? await readStdin() : await readInput(job.input);
  try {
    return await preinitRead(job, input, args, entry, withSizes, single);
  } catch (err) {
    if (withSizes) await recordInput(entry, input, 'auto');
    throw err;
  }
}

async function preinitRead(job: { input?: string; output?: string }, input: Uint8Array, args: CliArgs, entry: FileReport, withSizes: boolean, single: boolean): Promise<Omit<Done, 'entry'>> {
  const options = await engineOptions(args, job.output === undefined);
  // One file: a core module runs in this thread (a worker costs more to start than a small module takes).
  const limits = { timeoutMs: args.timeoutMs, inThread: single };
  let output: Uint8Array | { file: string };
  let facts: SnapshotFacts;
  if (job.output === undefined || args.checkReproducible) {
    // Loaded only when asked for: it pulls in the parsers, which the main thread otherwise never needs.
    const run = args.checkReproducible ? (await import('../engine/check-reproducible.js')).checkReproducible : preinitializeIsolated;
    const result = await run(input, options, limits);
    await (job.output === undefined ? writeStdout(result.output) : writeFileAtomic(job.output, result.output));
    output = job.output === undefined ? result.output : { file: job.output };
    facts = result.facts;
  } else {
    // Written and verified by the worker: a large output never passes through this thread.
    facts = (await preinitializeIsolatedToFile(input, job.output, options, limits)).facts;
    output = { file: job.output };
  }
  const outputPath = job.output === undefined ? '<stdout>' : displayPath(job.output);
  const none = { raw: 0, gzip: 0, brotli: 0, sha256: '' };
  const sizes = !withSizes ? { input: none, after: none, compression: compressionFor(0, 'auto') }
    : await measurePair(input, output instanceof Uint8Array ? output : await readInput(output.file), 'auto');
  recordSuccess(entry, { path: outputPath, sizes }, facts);
  for (const w of facts.warnings) process.stderr.write(`warning: ${entry.path}: ${w}\n`);
  // As `wasmtime wizer`: a component's init results on stdout (unless the snapshot goes there).
  if (facts.initResults !== undefined && job.output !== undefined) process.stdout.write(`${facts.initResults}\n`);
  return args.measure === undefined ? {} : { measure: { input, output } };
}

async function engineOptions(args: CliArgs, toStdout: boolean): Promise<PreinitOptions> {
  return {
    initFunc: args.initFunc,
    keepInitFunc: args.keepInitFunc,
    renames: args.renames,
    allowWasi: args.allowWasi,
    wasmFeatures: args.wasmFeatures,
    relaxedSimdDeterministic: args.relaxedSimdDeterministic,
    inheritStdio: args.inheritStdio,
    inheritEnv: args.inheritEnv,
    env: args.env,
    preopens: args.preopens,
    maxMemory: args.maxMemory,
    verify: args.verify,
    optimize: args.optimize,
    deterministic: args.deterministic,
    allowSecrets: args.allowSecrets,
    reproducible: args.reproducible,
    seed: args.seed,
    preloads: await Promise.all(args.preloads.map(async (p) => ({ name: p.name, bytes: await readInput(p.file) }))),
    // Guest stdout must not mix with a snapshot written to stdout.
    stdout: toStdout ? (c) => process.stderr.write(c) : undefined,
  };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    // A reader that left (EPIPE) comes to the callback, and as an 'error' event that must not go unhandled.
    process.stdout.once('error', () => {});
    process.stdout.write(bytes, (err) => (err ? reject(new PreinitError('IO', `cannot write the output to stdout: ${osReason(err)}`, { cause: err })) : resolve()));
  });
}
