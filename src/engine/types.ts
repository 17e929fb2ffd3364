/** Public types of the engine: the contract the CLI, the action and the tests build on. */

/** A directory the guest may read during init: `guest` is the path it sees, `host` the real one. */
export interface Preopen {
  guest: string;
  host: string;
}

/** A module instantiated before the input; its exports are linked under `name`. */
export interface Preload {
  name: string;
  bytes: Uint8Array;
}

/** What a host function sees as `this`: the exports of the instance calling it (its memory, say). */
export interface HostContext {
  readonly exports: WebAssembly.Exports;
}

/**
 * A host function init may call (Wizer's custom linker, `make_linker`): wasm numbers in, a number
 * or nothing out. Its writes into the instance's memory are snapshotted like any other.
 */
export type HostFunction = (this: HostContext, ...args: Array<number | bigint>) => number | bigint | void;

/**
 * A host implementation of an interface a component imports: its functions in jco's JavaScript
 * form (camelCase names; jco's JS values in and out, so their types are the caller's to know).
 */
export type HostInterface = Record<string, (...args: any[]) => unknown>;

/** The reference's \`--wasm-*\` switches. All are on by default; V8 has them all. */
export const WASM_FEATURES = ['multi-memory', 'multi-value', 'bulk-memory', 'simd', 'relaxed-simd', 'reference-types'] as const;
export type WasmFeature = (typeof WASM_FEATURES)[number];
/** Features switched on or off; a module using one switched off is refused, as the reference does. */
export type WasmFeatures = Partial<Record<WasmFeature, boolean>>;

export function isWasmFeature(name: string): name is WasmFeature {
  return (WASM_FEATURES as readonly string[]).includes(name);
}

/** The reference's default init export. */
export const DEFAULT_INIT_FUNC = 'wizer-initialize';

export interface PreinitOptions {
  /** Export to call once at build time. Default `wizer-initialize`. */
  initFunc?: string;
  /** Keep the init export in the output. Default false. */
  keepInitFunc?: boolean;
  /** Export renames `{ dst, src }`: the output exports `src` under the name `dst`. */
  renames?: Array<{ dst: string; src: string }>;
  /** Let init call WASI (preview1 for modules, preview2 for components). Default false. */
  allowWasi?: boolean;
  /** Pass the guest's stdout/stderr through to ours. Default true; only with allowWasi. */
  inheritStdio?: boolean;
  /**
   * Which of stdin, stdout, stderr the guest is told are terminals (the rest are reported as
   * unknown file types, as wasmtime does). Default: whether the process's fds 0, 1, 2 are ttys.
   */
  stdioTerminals?: [stdin: boolean, stdout: boolean, stderr: boolean];
  /** WebAssembly features turned off (\`{ simd: false }\`): a module that uses one is refused. Default: all on. */
  wasmFeatures?: WasmFeatures;
  /**
   * Compute relaxed-SIMD instructions during init with the results of wasmtime's deterministic
   * profile, so the snapshot does not depend on this CPU. Default false (the CPU's results).
   */
  relaxedSimdDeterministic?: boolean;
  /** Give the guest the host's whole environment. Default false. */
  inheritEnv?: boolean;
  /** Extra environment variables for the guest (on top of the inherited ones). */
  env?: Record<string, string>;
  /** Read-only preopened directories. `--dir D` is `{ guest: D, host: D }`. */
  preopens?: Preopen[];
  /** Program arguments seen by the guest (argv[0] included). Default `[]`. */
  args?: string[];
  /** Modules linked by name before the input is instantiated. */
  preloads?: Preload[];
  /**
   * Host functions by import module and name, for init to call; they win over preloads and WASI.
   * They run in the calling thread, so only `preinitialize` takes them, not the isolated variants.
   */
  hostFunctions?: Record<string, Record<string, HostFunction>>;
  /**
   * For components: host implementations of imported interfaces by name (`test:host/log@1.0.0`,
   * the version optional), for init to call; they win over WASI and over the stubs that fail.
   * What they return is lowered into the guest and snapshotted. Only `preinitialize` takes them.
   */
  hostInterfaces?: Record<string, HostInterface>;
  /**
   * Largest size in bytes any one linear memory may reach during init. Growing past it fails
   * inside the guest, and reaching it fails the pre-initialization. Default: no limit beyond the
   * module's own maximum.
   */
  maxMemory?: number;
  /**
   * Check that the output starts in the state init left (memories byte for byte, mutable
   * globals bit for bit) before returning it. Default true.
   */
  verify?: boolean;
  /** Run Binaryen's optimizer at this level after the snapshot. Default false. */
  optimize?: OptimizeLevel | false;
  /**
   * Core modules: stop the guest code (start functions, init) once this many milliseconds have
   * passed since the call began, and fail with a LIMIT error. Default: no limit. Components are
   * refused with it: their limit is `preinitializeIsolated`'s, which ends the worker.
   */
  timeoutMs?: number;
  /** Fail instead of warning when init read random bytes or a clock. Default false. */
  deterministic?: boolean;
  /**
   * Reproducible mode: random bytes from a stream seeded by `seed`, clocks from `epoch` moving
   * by a fixed step per read, sleeps that do not wait, stdio never a terminal, preopened files'
   * metadata normalized and directory listings sorted, so the same input gives the same bytes
   * on any machine. Default false. See the README for what a fixed seed costs.
   */
  reproducible?: boolean;
  /** Seed of the random stream in reproducible mode (0 to 2^64-1). Default 0. */
  seed?: number | bigint;
  /** Seconds since 1970 where the clocks start in reproducible mode. Default SOURCE_DATE_EPOCH, else 2000-01-01. */
  epoch?: number;
  /** Record what every random or clock read returned, in `facts.wasiReads` (check-reproducible uses it). Default false. */
  traceWasi?: boolean;
  /** Write the output even when its data contains a secret-looking environment value. Default false. */
  allowSecrets?: boolean;
  /** Where the guest's stdout/stderr go when inherited. Default: process.stdout/stderr. */
  stdout?: (chunk: Uint8Array) => void;
  stderr?: (chunk: Uint8Array) => void;
}

/** Binaryen optimization levels, as wasm-opt spells them (`O` is `Os`). */
export const OPTIMIZE_LEVELS = ['O', 'O1', 'O2', 'O3', 'O4', 'Os', 'Oz'] as const;
export type OptimizeLevel = (typeof OPTIMIZE_LEVELS)[number];

export function isOptimizeLevel(level: string): level is OptimizeLevel {
  return (OPTIMIZE_LEVELS as readonly string[]).includes(level);
}

/** Milliseconds spent in each stage. */
export interface StageTimings {
  parse: number;
  instrument: number;
  run: number;
  snapshot: number;
  rewrite: number;
  /** Present when verification ran (twice with optimize: both runs add up). */
  verify?: number;
  /** Present when the optimizer ran. */
  optimize?: number;
}

export interface MemoryFacts {
  /** Index in the memory space of its module. */
  index: number;
  /** Minimum in pages, before and after init. */
  pagesBefore: number;
  pagesAfter: number;
  /** Page size in bytes (65536 unless the custom-page-sizes proposal is used). */
  pageSize: number;
  /** Bytes of non-zero data the snapshot stores for this memory. */
  dataBytes: number;
}

export interface SnapshotFacts {
  /** 'module' for a core module, 'component' for a component. */
  kind: 'module' | 'component';
  /** Mutable globals whose values were captured. */
  globals: number;
  memories: MemoryFacts[];
  /** Active data segments the snapshot added. */
  dataSegments: number;
  /** WASI functions the guest called during init, with call counts. */
  wasiCalls: Record<string, number>;
  timings: StageTimings;
  /** Things the user should know about the snapshot (nondeterminism, ...). */
  warnings: string[];
  /** True only when verification ran on the returned output and matched. */
  verified?: boolean;
  /** With traceWasi: every random or clock read of init, in order. */
  wasiReads?: WasiRead[];
  /** Present in reproducible mode: the seed (decimal), the clocks' epoch (seconds) and the output's SHA-256 (hex). */
  reproducible?: { seed: string; epoch: number; sha256: string };
  /** For a component: what the init call returned, in WAVE, as `wasmtime wizer` prints it (`()` for nothing). */
  initResults?: string;
  /** Sizes in bytes around the optimizer, when it ran. */
  optimized?: { level: OptimizeLevel; before: number; after: number };
}

/** One read of randomness or a clock: the WASI function, its call number (from 1) and what it returned. */
export interface WasiRead {
  call: string;
  n: number;
  /** The bytes returned, in hex (numbers little-endian). */
  hex: string;
}

export interface PreinitResult {
  output: Uint8Array;
  facts: SnapshotFacts;
}

/** What `preinitializeToFile` returns: the output itself is in the file. */
export interface FileResult {
  /** Size of the output in bytes. */
  bytes: number;
  facts: SnapshotFacts;
}
