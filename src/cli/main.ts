/** `preinit`: a thin shell over the engine. Exit 0 on success, 1 if any file failed, 2 on bad usage. */
import path from 'node:path';
import { describeError } from '../engine/index.js';
import { readInput, writeFileAtomic } from '../engine/io.js';
import { mapConcurrent, preinitializeIsolated } from '../engine/isolate.js';
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
  const failures = await mapConcurrent(jobs, args.concurrency, async (job) => {
    try {
      await preinitFile(job, args);
      return false;
    } catch (err) {
      process.stderr.write(`error: ${job.input ?? '<stdin>'}: ${describeError(err)}\n`);
      return true;
    }
  });
  return failures.some(Boolean) ? 1 : 0;
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

async function preinitFile(job: { input?: string; output?: string }, args: CliArgs): Promise<void> {
  const input = job.input === undefined ? await readStdin() : await readInput(job.input);
  const { output } = await preinitializeIsolated(input, await engineOptions(args, job.output === undefined), { timeoutMs: args.timeoutMs });
  if (job.output === undefined) await writeStdout(output);
  else await writeFileAtomic(job.output, output);
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
