/** Command-line parsing for `preinit`, with the reference's flag names and forms. */
import os from 'node:os';
import { fail } from '../engine/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../engine/isolate.js';
import { isOptimizeLevel, isWasmFeature, WASM_FEATURES, type OptimizeLevel, type WasmFeatures } from '../engine/types.js';

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
  relaxedSimdDeterministic: boolean;
  /** `--wasm-FEATURE[=BOOL]` switches given. */
  wasmFeatures: WasmFeatures;
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
  -S cli[=y|n]                   The same, as \`wasmtime wizer\` spells it
  -C <KEY[=VAL]>                 \`wasmtime wizer\`'s codegen options cache, cache-config,
                                 parallel-compilation, opt-level, compiler: taken and ignored
      --inherit-stdio [BOOL]     Pass the guest's stdio through, with --allow-wasi [default: true]
      --inherit-env [BOOL]       Give the guest the whole host environment [default: false]
      --env <NAME=VALUE>         Set one environment variable for the guest (repeatable)
      --dir <DIR>                Preopen DIR read-only under the same name (repeatable)
      --mapdir <GUEST::HOST>     Preopen HOST read-only as GUEST (repeatable)
      --preload <NAME=FILE>      Instantiate FILE first and link its exports as NAME (repeatable)
      --optimize[=LEVEL]         Run Binaryen after the snapshot: O, O1, O2, O3, O4, Os, Oz [default: O]
      --relaxed-simd-deterministic[=BOOL]
                                 Compute relaxed-SIMD instructions as wasmtime's deterministic
                                 profile does, so the snapshot does not depend on this CPU
      --wasm-<FEATURE> [BOOL]    Enable or disable a WebAssembly feature (multi-memory, multi-value,
                                 bulk-memory, simd, relaxed-simd, reference-types) [default: true];
                                 a module using a disabled one is refused
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

/**
 * Boolean switches, in the two forms the reference's parser (clap) has: `eq` takes a value only
 * as `--flag=BOOL`; `word` also takes it as the next argument (`--inherit-env true`), so a bare
 * `--inherit-env` must not be followed by the input file.
 */
const BOOL_FLAGS: Record<string, { key: BoolKey; form: 'eq' | 'word' }> = {
  '--keep-init-func': { key: 'keepInitFunc', form: 'eq' },
  '--allow-wasi': { key: 'allowWasi', form: 'eq' },
  '--relaxed-simd-deterministic': { key: 'relaxedSimdDeterministic', form: 'eq' },
  '--inherit-stdio': { key: 'inheritStdio', form: 'word' },
  '--inherit-env': { key: 'inheritEnv', form: 'word' },
  '--deterministic': { key: 'deterministic', form: 'eq' },
  '--allow-secrets': { key: 'allowSecrets', form: 'eq' },
  '--reproducible': { key: 'reproducible', form: 'eq' },
  '--check-reproducible': { key: 'checkReproducible', form: 'eq' },
};
type BoolKey = 'keepInitFunc' | 'allowWasi' | 'relaxedSimdDeterministic' | 'inheritStdio' | 'inheritEnv'
  | 'deterministic' | 'allowSecrets' | 'reproducible' | 'checkReproducible';

/** Options that take a value; short ones also as `-oFILE` and `-o=FILE`, long ones as `--opt=V`. */
const VALUED = new Set(['-o', '--output', '--out-dir', '-j', '--concurrency', '--init-timeout', '--max-memory', '-f', '--init-func',
  '-r', '--rename-func', '--env', '--dir', '--mapdir', '--preload', '--report', '--seed', '-S', '-C']);
/** Given once at most, as the reference's parser insists. */
const SINGLE = new Set(['output', 'outDir', 'concurrency', 'timeoutMs', 'maxMemory', 'initFunc', 'report', 'seed', 'optimize', 'measure', 'verify']);

export const DEFAULT_MEASURE_ITERATIONS = 20;

/** Splits `--opt=V`, `-oV` and `-o=V` into the option and its inline value. */
function split(arg: string): { flag: string; inline?: string } {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    return eq > 0 ? { flag: arg.slice(0, eq), inline: arg.slice(eq + 1) } : { flag: arg };
  }
  if (/^-[a-zA-Z]./.test(arg) && VALUED.has(arg.slice(0, 2))) {
    return { flag: arg.slice(0, 2), inline: arg[2] === '=' ? arg.slice(3) : arg.slice(2) };
  }
  return { flag: arg };
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    inputs: [], concurrency: os.availableParallelism(), timeoutMs: DEFAULT_TIMEOUT_MS, maxMemory: 4 * 2 ** 30,
    renames: [], keepInitFunc: false, allowWasi: false, inheritStdio: true, inheritEnv: false,
    env: {}, preopens: [], preloads: [], help: false, version: false, wasmFeatures: {},
    optimize: false, verify: true, deterministic: false, allowSecrets: false, relaxedSimdDeterministic: false,
    reproducible: false, checkReproducible: false,
  };
  const positional: string[] = [];
  const seen = new Set<string>();
  const once = (key: string, flag: string) => {
    if (SINGLE.has(key) || key in BOOL_KEYS) {
      if (seen.has(key)) fail('USAGE', `the argument \`${flag}\` cannot be used multiple times`);
      seen.add(key);
    }
  };
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositional) {
      positional.push(arg);
      continue;
    }
    const { flag, inline } = split(arg);
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) fail('USAGE', `option ${flag} needs a value`);
      return argv[++i];
    };
    const bool = BOOL_FLAGS[flag];
    const feature = flag.startsWith('--wasm-') ? flag.slice(7) : undefined;
    if (bool || feature !== undefined) {
      let text = inline;
      if (text === undefined && (bool?.form ?? 'word') === 'word' && i + 1 < argv.length && !argv[i + 1].startsWith('-')) text = argv[++i];
      const on = parseBool(flag, text);
      if (bool) {
        once(bool.key, flag);
        args[bool.key] = on;
      } else if (isWasmFeature(feature!)) {
        once(`wasm-${feature}`, flag);
        args.wasmFeatures[feature!] = on;
      } else {
        fail('USAGE', `unknown option \`${arg}\`: the WebAssembly feature switches are ${WASM_FEATURES.map((f) => `--wasm-${f}`).join(', ')}`);
      }
      continue;
    }
    switch (flag) {
      case '-o': case '--output': once('output', flag); args.output = value(); break;
      case '--out-dir': once('outDir', flag); args.outDir = value(); break;
      case '-j': case '--concurrency': once('concurrency', flag); args.concurrency = positiveInteger(flag, value()); break;
      case '--init-timeout': once('timeoutMs', flag); args.timeoutMs = positiveNumber(flag, value()) * 1000; break;
      case '--max-memory': once('maxMemory', flag); args.maxMemory = parseSize(value()); break;
      case '-f': case '--init-func': once('initFunc', flag); args.initFunc = value(); break;
      case '-r': case '--rename-func': {
        const text = value();
        const [dst, src] = splitOnce(text, '=', `invalid function rename \`${text}\`: expected DST=SRC`);
        args.renames.push({ dst, src });
        break;
      }
      case '--env': {
        const text = value();
        const [name, val] = splitOnce(text, '=', `invalid --env \`${text}\`: expected NAME=VALUE`);
        args.env[name] = val;
        break;
      }
      case '--dir': {
        const dir = value();
        args.preopens.push({ guest: dir, host: dir });
        break;
      }
      case '--mapdir': {
        const text = value();
        const [guest, host] = splitOnce(text, '::', `invalid --mapdir \`${text}\`: expected GUEST::HOST`);
        args.preopens.push({ guest, host });
        break;
      }
      case '--preload': {
        const text = value();
        const [name, file] = splitOnce(text, '=', `invalid --preload \`${text}\`: expected NAME=FILE`);
        args.preloads.push({ name, file });
        break;
      }
      case '-S': wasiOption(args, value()); break;
      case '-C': codegenOption(value()); break;
      case '--optimize': {
        once('optimize', flag);
        const level = inline ?? 'O';
        if (!isOptimizeLevel(level)) fail('USAGE', `invalid value \`${level}\` for --optimize: expected O, O1, O2, O3, O4, Os or Oz`);
        args.optimize = level;
        break;
      }
      case '--no-verify': once('verify', flag); args.verify = false; break;
      case '--measure': once('measure', flag); args.measure = inline === undefined ? DEFAULT_MEASURE_ITERATIONS : positiveInteger(flag, inline); break;
      case '--report': once('report', flag); args.report = value(); break;
      case '--seed': {
        once('seed', flag);
        const text = value();
        if (!/^(\d+|0x[0-9a-f]+)$/i.test(text)) fail('USAGE', `invalid value \`${text}\` for --seed: expected a whole number`);
        args.seed = BigInt(text);
        break;
      }
      case '-h': case '--help': args.help = true; break;
      case '-V': case '--version': args.version = true; break;
      case '--': onlyPositional = true; break;
      default:
        if (arg.startsWith('-') && arg !== '-') fail('USAGE', `unknown option \`${arg}\` (see --help)`);
        positional.push(arg);
    }
  }
  if (args.wasmFeatures.simd === false && args.wasmFeatures['relaxed-simd'] !== false) {
    fail('USAGE', 'cannot disable the simd proposal but enable the relaxed simd proposal (add --wasm-relaxed-simd=false)');
  }
  args.inputs = positional.filter((p) => p !== '-');
  if (args.inputs.length > 1 && args.outDir === undefined) fail('USAGE', `${args.inputs.length} inputs need --out-dir DIR (-o names one output file)`);
  if (args.outDir !== undefined && args.output !== undefined) fail('USAGE', 'use either -o or --out-dir, not both');
  if (args.outDir !== undefined && args.inputs.length === 0) fail('USAGE', '--out-dir needs input files (stdin goes to -o or stdout)');
  return args;
}

const BOOL_KEYS = Object.fromEntries(Object.values(BOOL_FLAGS).map((b) => [b.key, true]));

/**
 * `wasmtime wizer`'s WASI switch: `-S cli` (or `-Scli`, `-S cli=y`) is `--allow-wasi`; its other
 * `-S` keys configure host features the snapshot cannot use.
 */
function wasiOption(args: CliArgs, text: string): void {
  for (const item of text.split(',')) {
    const [key, val] = item.includes('=') ? splitOnce(item, '=', `invalid -S \`${item}\``) : [item, 'y'];
    if (key !== 'cli') fail('USAGE', `unsupported -S option \`${key}\`: only -S cli (WASI during init, as --allow-wasi) is supported`);
    if (!['y', 'yes', 'true', 'n', 'no', 'false'].includes(val)) fail('USAGE', `invalid value \`${val}\` for -S cli: expected y or n`);
    args.allowWasi = ['y', 'yes', 'true'].includes(val);
  }
}

/** `wasmtime wizer`'s `-C` options that only steer how wasmtime compiles, not what init computes. */
const CODEGEN_IGNORED = new Set(['cache', 'cache-config', 'parallel-compilation', 'opt-level', 'compiler']);

/** `-C cache=n` and its kind are accepted and ignored (V8 compiles here); others are refused. */
function codegenOption(text: string): void {
  for (const item of text.split(',')) {
    const key = item.split('=')[0];
    if (!CODEGEN_IGNORED.has(key)) fail('USAGE', `unsupported -C option \`${key}\`: only ${[...CODEGEN_IGNORED].join(', ')} are taken (and ignored: V8 compiles here)`);
  }
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
  fail('USAGE', `invalid value \`${value}\` for ${flag}: expected true or false${value.includes('.') ? ` (to give an input file after ${flag}, write ${flag}=true)` : ''}`);
}

function splitOnce(text: string, sep: string, message: string): [string, string] {
  const at = text.indexOf(sep);
  if (at <= 0) fail('USAGE', message);
  return [text.slice(0, at), text.slice(at + sep.length)];
}
