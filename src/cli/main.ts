/** `preinit`: a thin shell over the engine. Exit 0 on success, 1 on any failure, 2 on bad usage. */
import { describeError, preinitialize } from '../engine/index.js';
import { readInput, writeFileAtomic } from '../engine/io.js';
import type { PreinitOptions } from '../engine/types.js';
import { parseArgs, USAGE, type CliArgs } from './args.js';

const VERSION = '0.1.0';

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
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
  const name = args.input ?? '<stdin>';
  try {
    const input = args.input === undefined ? await readStdin() : await readInput(args.input);
    const options = await engineOptions(args);
    const { output } = await preinitialize(input, options);
    if (args.output === undefined) await writeStdout(output);
    else await writeFileAtomic(args.output, output);
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${name}: ${describeError(err)}\n`);
    return 1;
  }
}

async function engineOptions(args: CliArgs): Promise<PreinitOptions> {
  return {
    initFunc: args.initFunc,
    keepInitFunc: args.keepInitFunc,
    renames: args.renames,
    allowWasi: args.allowWasi,
    inheritStdio: args.inheritStdio,
    inheritEnv: args.inheritEnv,
    env: args.env,
    preopens: args.preopens,
    preloads: await Promise.all(args.preloads.map(async (p) => ({ name: p.name, bytes: await readInput(p.file) }))),
    // Guest stdout must not mix with a snapshot written to stdout.
    stdout: args.output === undefined ? (c) => process.stderr.write(c) : undefined,
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
