/** Command-line parsing for `preinit`, with the reference's flag names and forms. */
import os from 'node:os';
import { fail } from '../engine/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../engine/isolate.js';
import { isOptimizeLevel } from '../engine/optimize.js';
import type { OptimizeLevel } from '../engine/types.js';

export interface CliArgs {
  /** Input files; empty means stdin. */
  inputs: string[];
  output?: string;
  outDir?: string;
  concurrency: number;
  timeoutMs: number;
  maxMemory: number;
  initFunc?: string;
  renames: Array<{ dst: string; src: string }>;
  keepInitFunc: boolean;
  allowWasi: boolean;
  inheritStdio: boolean;
  inheritEnv: boolean;
  env: Record<string, string>;
  preopens: Array<{ guest: string; host: string }>;
  preloads: Array<{ name: string; file: string }>;
  /** JSON report of every file: sizes, facts, startup when measured. */
  report?: string;
  /** Startup measurement iterations; undefined: not measured. */
  measure?: number;
  optimize: OptimizeLevel | false;
  verify: boolean;
  deterministic: boolean;
  allowSecrets: boolean;
  reproducible: boolean;
  seed?: bigint;
  checkReproducible: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `preinit: pre-initialize a WebAssembly module or component (Wizer-compatible)

Usage: preinit [OPTIONS] [INPUT] [-o OUTPUT]
       preinit [OPTIONS] INPUT... --out-dir DIR

Runs INPUT's init function once, snapshots its memories and globals and writes a module (or
component) that starts already initialized. INPUT may be a binary module, a component or WAT
text; without INPUT (or with -) it is read from stdin, without -o the output goes to stdout.
Each input runs in its own worker thread, several at once.

Options:
  -o <OUTPUT>                    Output file (written atomically; nothing is written on error)
      --out-dir <DIR>            With several inputs: write each as DIR/<its file name>
  -j, --concurrency <N>          Files processed at once [default: number of CPUs]
      --init-timeout <SECONDS>   Give up on a file after this long [default: 60]
      --max-memory <SIZE>        Largest a memory may grow during init, e.g. 512MiB [default: 4GiB]
  -f, --init-func <NAME>         Export to run at build time [default: wizer-initialize]
  -r, --rename-func <DST=SRC>    Export SRC under the name DST in the output (repeatable)
      --keep-init-func[=BOOL]    Keep exporting the init function [default: false]
      --allow-wasi               Let init call WASI (read-only, sandboxed) [default: off]
      --inherit-stdio[=BOOL]     Pass the guest's stdio through, with --allow-wasi [default: true]
      --inherit-env[=BOOL]       Give the guest the whole host environment [default: false]
      --env <NAME=VALUE>         Set one environment variable for the guest (repeatable)
      --dir <DIR>                Preopen DIR read-only under the same name (repeatable)
      --mapdir <GUEST::HOST>     Preopen HOST read-only as GUEST (repeatable)
      --preload <NAME=FILE>      Instantiate FILE first and link its exports as NAME (repeatable)
      --optimize[=LEVEL]         Run Binaryen after the snapshot: O, O1, O2, O3, O4, Os, Oz [default: O]
      --no-verify                Skip checking that the output starts in the state init left
      --deterministic[=BOOL]     Fail (instead of warning) when init read randomness or a clock
      --allow-secrets[=BOOL]     Write the output even if its data holds a secret-looking env value
      --reproducible[=BOOL]      Same input, same bytes: fixed random seed, clocks from SOURCE_DATE_EPOCH
      --seed <N>                 Random seed in reproducible mode, 0 to 2^64-1 [default: 0]
      --check-reproducible[=BOOL] Run init twice in fresh workers and fail if the outputs differ
      --measure[=N]              Measure startup, input vs output, over N runs [default: 20;
                                 at least 3 once measuring passes 30 s]
      --report <FILE>            Write a JSON report: sizes, snapshot facts, startup if measured
  -h, --help                     Show this help
  -V, --version                  Show the version
`;

const BOOL_FLAGS = {
  '--keep-init-func': 'keepInitFunc',
  '--allow-wasi': 'allowWasi',
  '--inherit-stdio': 'inheritStdio',
  '--inherit-env': 'inheritEnv',
  '--deterministic': 'deterministic',
  '--allow-secrets': 'allowSecrets',
  '--reproducible': 'reproducible',
  '--check-reproducible': 'checkReproducible',
} as const;

export const DEFAULT_MEASURE_ITERATIONS = 20;

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    inputs: [], concurrency: os.availableParallelism(), timeoutMs: DEFAULT_TIMEOUT_MS, maxMemory: 4 * 2 ** 30,
    renames: [], keepInitFunc: false, allowWasi: false, inheritStdio: true, inheritEnv: false,
    env: {}, preopens: [], preloads: [], help: false, version: false,
    optimize: false, verify: true, deterministic: false, allowSecrets: false,
    reproducible: false, checkReproducible: false,
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) fail('USAGE', `option ${flag} needs a value`);
      return argv[++i];
    };
    if (flag in BOOL_FLAGS) {
      args[BOOL_FLAGS[flag as keyof typeof BOOL_FLAGS]] = parseBool(flag, inline);
      continue;
    }
    switch (flag) {
      case '-o': case '--output': args.output = value(); break;
      case '--out-dir': args.outDir = value(); break;
      case '-j': case '--concurrency': args.concurrency = positiveNumber(flag, value()); break;
      case '--init-timeout': args.timeoutMs = positiveNumber(flag, value()) * 1000; break;
      case '--max-memory': args.maxMemory = parseSize(value()); break;
      case '-f': case '--init-func': args.initFunc = value(); break;
      case '-r': case '--rename-func': {
        const [dst, src] = splitOnce(value(), '=', `invalid function rename \`${argv[i]}\`: expected DST=SRC`);
        args.renames.push({ dst, src });
        break;
      }
      case '--env': {
        const [name, val] = splitOnce(value(), '=', `invalid --env \`${argv[i]}\`: expected NAME=VALUE`);
        args.env[name] = val;
        break;
      }
      case '--dir': {
        const dir = value();
        args.preopens.push({ guest: dir, host: dir });
        break;
      }
      case '--mapdir': {
        const [guest, host] = splitOnce(value(), '::', `invalid --mapdir \`${argv[i]}\`: expected GUEST::HOST`);
        args.preopens.push({ guest, host });
        break;
      }
      case '--preload': {
        const [name, file] = splitOnce(value(), '=', `invalid --preload \`${argv[i]}\`: expected NAME=FILE`);
        args.preloads.push({ name, file });
        break;
      }
      case '--optimize': {
        const level = inline ?? 'O';
        if (!isOptimizeLevel(level)) fail('USAGE', `invalid value \`${level}\` for --optimize: expected O, O1, O2, O3, O4, Os or Oz`);
        args.optimize = level;
        break;
      }
      case '--no-verify': args.verify = false; break;
      case '--measure': args.measure = inline === undefined ? DEFAULT_MEASURE_ITERATIONS : positiveInteger(flag, inline); break;
      case '--report': args.report = value(); break;
      case '--seed': {
        const text = value();
        if (!/^(\d+|0x[0-9a-f]+)$/i.test(text)) fail('USAGE', `invalid value \`${text}\` for --seed: expected a whole number`);
        args.seed = BigInt(text);
        break;
      }
      case '-h': case '--help': args.help = true; break;
      case '-V': case '--version': args.version = true; break;
      default:
        if (arg.startsWith('-') && arg !== '-') fail('USAGE', `unknown option \`${arg}\` (see --help)`);
        positional.push(arg);
    }
  }
  args.inputs = positional.filter((p) => p !== '-');
  if (args.inputs.length > 1 && args.outDir === undefined) fail('USAGE', `${args.inputs.length} inputs need --out-dir DIR (-o names one output file)`);
  if (args.outDir !== undefined && args.output !== undefined) fail('USAGE', 'use either -o or --out-dir, not both');
  if (args.outDir !== undefined && args.inputs.length === 0) fail('USAGE', '--out-dir needs input files (stdin goes to -o or stdout)');
  return args;
}

function positiveNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) fail('USAGE', `invalid value \`${text}\` for ${flag}: expected a positive number`);
  return n;
}

function positiveInteger(flag: string, text: string): number {
  const n = positiveNumber(flag, text);
  if (!Number.isInteger(n)) fail('USAGE', `invalid value \`${text}\` for ${flag}: expected a whole number`);
  return n;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, kib: 2 ** 10, m: 2 ** 20, mib: 2 ** 20, g: 2 ** 30, gib: 2 ** 30, t: 2 ** 40, tib: 2 ** 40 };

/** `4GiB`, `512m`, `1048576`: binary units. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) fail('USAGE', `invalid size \`${text}\`: expected e.g. 4GiB, 512MiB or a number of bytes`);
  return Math.floor(Number(m[1]) * unit);
}

function parseBool(flag: string, value: string | undefined): boolean {
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  fail('USAGE', `invalid value \`${value}\` for ${flag}: expected true or false`);
}

function splitOnce(text: string, sep: string, message: string): [string, string] {
  const at = text.indexOf(sep);
  if (at <= 0) fail('USAGE', message);
  return [text.slice(0, at), text.slice(at + sep.length)];
}
