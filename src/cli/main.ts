/** `preinit`: a thin shell over the engine. Exit 0 on success, 1 if any file failed, 2 on bad usage. */
import path from 'node:path';
import { describeError } from '../engine/errors.js';
import type { SnapshotFacts, StartupMeasurement } from '../engine/index.js';
import { readInput, removeTemporaryOutputsOnSignal, writeFileAtomic } from '../engine/io.js';
import { checkReproducible } from '../engine/check-reproducible.js';
import { mapConcurrent, preinitializeIsolated, preinitializeIsolatedToFile } from '../engine/isolate.js';
import type { PreinitOptions } from '../engine/types.js';
import { parseArgs, USAGE, type CliArgs } from './args.js';

const VERSION = '0.1.0';

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
  const done = await mapConcurrent(jobs, args.concurrency, async (job): Promise<Done> => {
    const entry: FileReport = { input: job.input ?? '<stdin>', output: job.output ?? '<stdout>', status: 'error' };
    try {
      return { entry, ...(await preinitFile(job, args, entry)) };
    } catch (err) {
      entry.error = describeError(err);
      process.stderr.write(`error: ${entry.input}: ${entry.error}\n`);
      return { entry };
    }
  });
  // Measured one at a time once every init has finished, so no other file competes for the CPU.
  for (const d of done) if (d.measure) await measureFile(d.entry, d.measure, args);
  const entries = done.map((d) => d.entry);
  if (args.report !== undefined) {
    const report = { tool: { name: 'preinit', version: VERSION }, node: process.versions.node, files: entries };
    try {
      await writeFileAtomic(args.report, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
    } catch (err) {
      process.stderr.write(`error: ${describeError(err)}\n`);
      return 1;
    }
  }
  return entries.some((e) => e.status === 'error') ? 1 : 0;
}

/** One file in the `--report` JSON. */
interface FileReport {
  input: string;
  output: string;
  status: 'ok' | 'error';
  error?: string;
  bytes?: { input: number; output: number };
  facts?: SnapshotFacts;
  startup?: StartupMeasurement;
  /** Why startup was not measured (a component, a failure): the file itself is fine. */
  startupError?: string;
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
    entry.startup = m;
    const ms = (n: number) => n.toFixed(2);
    process.stderr.write(`${entry.input}: startup ${ms(m.cold.input.total.median)} ms -> ${ms(m.cold.output.total.median)} ms `
      + `(${m.cold.speedup.toFixed(2)}x; cached module ${m.cached.speedup.toFixed(2)}x; median of ${m.iterations})\n`);
  } catch (err) {
    entry.startupError = describeError(err);
    process.stderr.write(`warning: ${entry.input}: startup not measured: ${entry.startupError}\n`);
  }
}

/** One job per input; with --out-dir each output keeps its input's file name. */
function planJobs(args: CliArgs): Array<{ input?: string; output?: string }> {
  if (args.inputs.length === 0) return [{ output: args.output }];
  if (args.outDir === undefined) return [{ input: args.inputs[0], output: args.output }];
  const seen = new Map<string, string>();
  return args.inputs.map((input) => {
    const output = path.join(args.outDir!, path.basename(input));
    const clash = seen.get(output);
    if (clash) throw new Error(`${clash} and ${input} would both be written to ${output}`);
    seen.set(output, input);
    return { input, output };
  });
}

async function preinitFile(job: { input?: string; output?: string }, args: CliArgs, entry: FileReport): Promise<Omit<Done, 'entry'>> {
  const input = job.input === undefined ? await readStdin() : await readInput(job.input);
  const options = await engineOptions(args, job.output === undefined);
  const limits = { timeoutMs: args.timeoutMs };
  let output: Uint8Array | { file: string };
  let result: { bytes: number; facts: SnapshotFacts };
  if (job.output === undefined || args.checkReproducible) {
    const { output: bytes, facts } = await (args.checkReproducible ? checkReproducible : preinitializeIsolated)(input, options, limits);
    await (job.output === undefined ? writeStdout(bytes) : writeFileAtomic(job.output, bytes));
    output = job.output === undefined ? bytes : { file: job.output };
    result = { bytes: bytes.length, facts };
  } else {
    // Written and verified by the worker: a large output never passes through this thread.
    result = await preinitializeIsolatedToFile(input, job.output, options, limits);
    output = { file: job.output };
  }
  Object.assign(entry, { status: 'ok', bytes: { input: input.length, output: result.bytes }, facts: result.facts });
  return args.measure === undefined ? {} : { measure: { input, output } };
}

async function engineOptions(args: CliArgs, toStdout: boolean): Promise<PreinitOptions> {
  return {
    initFunc: args.initFunc,
    keepInitFunc: args.keepInitFunc,
    renames: args.renames,
    allowWasi: args.allowWasi,
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
    process.stdout.write(bytes, (err) => (err ? reject(err) : resolve()));
  });
}
