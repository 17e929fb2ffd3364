/**
 * Runs one pre-initialization in a worker thread, so that a runaway init (an endless loop, a
 * memory blow-up, a V8 crash) ends that file only: after `timeoutMs` the worker is terminated
 * and its memory freed. The worker is this very module, started again with a flag; that keeps
 * it working from lib/ and from a single-file bundle alike. Workers are reused from job to job
 * (starting one costs tens of milliseconds, a batch of small files would mostly pay for that);
 * one that timed out, crashed or held a large memory is not.
 */
import os from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import { detectKind, watKind } from './binary.js';
import { describeError, fail, PreinitError, type ErrorCode, type Switch } from './errors.js';
import { replaceAtomically } from './io.js';
import { sourceDateEpoch } from './reproducible.js';
import { timedOut } from './watchdog.js';
import type { FileResult, PreinitOptions, PreinitResult } from './types.js';

const WORKER_FLAG = '__preinitWorker';
/**
 * The one argument of a worker `acquire` starts: only a thread that has it loads
 * node:worker_threads to confirm it is one, which a one-file run's main thread then never loads
 * (4 ms of its start).
 */
const WORKER_ARG = '--preinit-isolated-worker';

/** The port to serve jobs on when this thread is a worker `acquire` started; otherwise undefined. */
export async function isolatedWorkerPort(): Promise<MessagePort | undefined> {
  if (process.argv.length !== 3 || process.argv[2] !== WORKER_ARG) return undefined;
  const { isMainThread, parentPort, workerData } = await import('node:worker_threads');
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] ? parentPort ?? undefined : undefined;
}

export interface IsolationLimits {
  /** Milliseconds one file may take, init included. Default 60 s. */
  timeoutMs?: number;
  /**
   * Run in a worker started for this job alone and ended after it, whose process.env has these
   * changes (undefined removes a variable). Default: a reused worker.
   */
  freshWorker?: { env: Record<string, string | undefined> };
  /**
   * Run a core module in the calling thread instead, its guest code stopped at the timeout by
   * the watchdog (see watchdog.ts): no worker to start, but a V8 crash would end the process.
   * For a caller with one file to do. Components, and jobs with `freshWorker`, still go to a worker.
   */
  inThread?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** A worker whose job left more memory than this behind is retired rather than reused. */
const RETIRE_AFTER_BYTES = 256 * 2 ** 20;

type Cloneable = Omit<PreinitOptions, 'stdout' | 'stderr'>;
/** With `outputFile`, the worker writes the output there and sends back a `FileResult`. */
type ToWorker = { input: Uint8Array; options: Cloneable; outputFile?: string };
type FromWorker =
  | { kind: 'stdout'; chunk: Uint8Array }
  | { kind: 'stderr'; chunk: Uint8Array }
  | { kind: 'done'; result: PreinitResult | FileResult }
  | { kind: 'failed'; code: ErrorCode; message: string; switches: readonly Switch[] };

const idle: Worker[] = [];

async function acquire(fresh: IsolationLimits['freshWorker']): Promise<Worker> {
  const reused = fresh ? undefined : idle.pop();
  if (reused) {
    reused.ref();
    return reused;
  }
  const env = fresh && Object.fromEntries(Object.entries({ ...process.env, ...fresh.env }).filter(([, v]) => v !== undefined));
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL(import.meta.url), { argv: [WORKER_ARG], workerData: { [WORKER_FLAG]: true }, stdout: false, stderr: false, ...(env ? { env } : {}) });
  worker.on('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

/** Resolves once a retired worker is gone: its memory is free and it writes no more files. */
async function release(worker: Worker, reuse: boolean): Promise<void> {
  if (reuse && idle.length < os.availableParallelism()) {
    worker.unref(); // an idle worker must not keep the process alive
    idle.push(worker);
  } else {
    await worker.terminate();
  }
}

function memoryLeftBehind(result: PreinitResult | FileResult): number {
  return result.facts.memories.reduce((n, m) => n + m.pagesAfter * m.pageSize, 0);
}

export function preinitializeIsolated(input: Uint8Array, options: PreinitOptions = {}, limits: IsolationLimits = {}): Promise<PreinitResult> {
  return inThisThread(input, limits) ? runInThread(input, options, limits) : runInWorker(input, options, limits);
}

/**
 * Pre-initializes into `dest`, atomically: the worker writes and verifies a temporary file (see
 * `preinitializeToFile`: the lean verification), which is renamed into place on success and
 * removed on any failure, a timeout included. The output never passes through this thread.
 */
export async function preinitializeIsolatedToFile(input: Uint8Array, dest: string, options: PreinitOptions = {}, limits: IsolationLimits = {}): Promise<FileResult> {
  let result: FileResult | undefined;
  await replaceAtomically(dest, async (tmp) => {
    result = await (inThisThread(input, limits) ? runInThread(input, options, limits, tmp) : runInWorker(input, options, limits, tmp));
  });
  return result!;
}

/** A fresh worker's environment cannot be had in this thread. */
function inThisThread(input: Uint8Array, limits: IsolationLimits): boolean {
  return limits.inThread === true && !limits.freshWorker && (detectKind(input) === 'module' || watKind(input) === 'module');
}

function runInThread(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits): Promise<PreinitResult>;
function runInThread(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits, outputFile: string): Promise<FileResult>;
async function runInThread(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits, outputFile?: string): Promise<PreinitResult | FileResult> {
  const { preinitialize, preinitializeToFile } = await import('./index.js');
  const guarded = { ...options, timeoutMs: limits.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  return outputFile === undefined ? preinitialize(input, guarded) : preinitializeToFile(input, outputFile, guarded);
}

function runInWorker(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits): Promise<PreinitResult>;
function runInWorker(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits, outputFile: string): Promise<FileResult>;
function runInWorker(input: Uint8Array, options: PreinitOptions, limits: IsolationLimits, outputFile?: string): Promise<PreinitResult | FileResult> {
  const { stdout, stderr, ...rest } = options;
  let cloneable: Cloneable;
  try {
    // SOURCE_DATE_EPOCH as it is now, sent as plain data (a reused worker's process.env is a
    // copy from when it started).
    if (rest.hostFunctions || rest.hostInterfaces) {
      fail('USAGE', `host ${rest.hostFunctions ? 'functions' : 'interfaces'} run in the calling thread: use preinitialize, not an isolated variant, to give them`);
    }
    const epoch = rest.epoch ?? (rest.reproducible ? sourceDateEpoch() : undefined);
    cloneable = { ...rest, ...(epoch === undefined ? {} : { epoch }) };
  } catch (err) {
    return Promise.reject(err);
  }
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fresh = limits.freshWorker;
  return acquire(fresh).then((worker) => new Promise((resolve, reject) => {
    let settled = false;
    const settle = (reuse: boolean, f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      void release(worker, reuse).then(f);
    };
    const timer = setTimeout(() => {
      settle(false, () => reject(timedOut(timeoutMs)));
    }, timeoutMs);
    const onMessage = (msg: FromWorker) => {
      if (msg.kind === 'stdout' || msg.kind === 'stderr') {
        const sink = msg.kind === 'stdout' ? (stdout ?? ((c) => process.stdout.write(c))) : (stderr ?? ((c) => process.stderr.write(c)));
        sink(msg.chunk);
      } else if (msg.kind === 'done') settle(memoryLeftBehind(msg.result) <= RETIRE_AFTER_BYTES, () => resolve(msg.result));
      else settle(true, () => reject(new PreinitError(msg.code, msg.message, { switches: msg.switches })));
    };
    const onError = (err: Error) => {
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(false, () => reject(oom ? new PreinitError('LIMIT', 'pre-initialization ran out of memory', { cause: err })
        : new PreinitError('INTERNAL', `the worker failed: ${describeError(err)}`, { cause: err })));
    };
    const onExit = (code: number) => settle(false, () => reject(new PreinitError('INTERNAL', `the worker exited unexpectedly (code ${code})`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ input, options: cloneable, outputFile } satisfies ToWorker);
  }));
}

function serveWorker(port: MessagePort): void {
  // Loaded here only: the main thread that starts workers needs none of the engine's stages.
  const engine = import('./index.js');
  const forward = (kind: 'stdout' | 'stderr') => (chunk: Uint8Array) => port.postMessage({ kind, chunk } satisfies FromWorker);
  port.on('message', async ({ input, options, outputFile }: ToWorker) => {
    try {
      const full = { ...options, stdout: forward('stdout'), stderr: forward('stderr') };
      const { preinitialize, preinitializeToFile } = await engine;
      const result = outputFile === undefined ? await preinitialize(input, full) : await preinitializeToFile(input, outputFile, full);
      port.postMessage({ kind: 'done', result } satisfies FromWorker, 'output' in result ? [result.output.buffer as ArrayBuffer] : []);
    } catch (err) {
      // A PreinitError keeps its code across the thread; anything else is a bug.
      const known = err instanceof PreinitError;
      port.postMessage({ kind: 'failed', code: known ? err.code : 'INTERNAL', message: describeError(err), switches: known ? err.switches : [] } satisfies FromWorker);
    }
  });
}

void isolatedWorkerPort().then((port) => port && serveWorker(port));

/** Runs `task` over `items` with at most `concurrency` at once; results keep the input order. */
export async function mapConcurrent<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return results;
}
