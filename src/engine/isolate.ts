/**
 * Runs one pre-initialization in a worker thread, so that a runaway init (an endless loop, a
 * memory blow-up, a V8 crash) ends that file only: after `timeoutMs` the worker is terminated
 * and its memory freed. The worker is this very module, started again with a flag; that keeps
 * it working from lib/ and from a single-file bundle alike.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { describeError, PreinitError } from './errors.js';
import { preinitialize } from './index.js';
import type { PreinitOptions, PreinitResult } from './types.js';

const WORKER_FLAG = '__preinitWorker';

export interface IsolationLimits {
  /** Milliseconds one file may take, init included. Default 60 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

type Cloneable = Omit<PreinitOptions, 'stdout' | 'stderr'>;
type FromWorker =
  | { kind: 'stdout'; chunk: Uint8Array }
  | { kind: 'stderr'; chunk: Uint8Array }
  | { kind: 'done'; result: PreinitResult }
  | { kind: 'failed'; message: string };

export function preinitializeIsolated(input: Uint8Array, options: PreinitOptions = {}, limits: IsolationLimits = {}): Promise<PreinitResult> {
  const { stdout, stderr, ...cloneable } = options;
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { [WORKER_FLAG]: true, input, options: cloneable satisfies Cloneable },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new PreinitError(`pre-initialization did not finish within ${timeoutMs / 1000} s (init timeout); stopped`)));
    }, timeoutMs);
    worker.on('message', (msg: FromWorker) => {
      if (msg.kind === 'stdout' || msg.kind === 'stderr') {
        const sink = msg.kind === 'stdout' ? (stdout ?? ((c) => process.stdout.write(c))) : (stderr ?? ((c) => process.stderr.write(c)));
        sink(msg.chunk);
      } else if (msg.kind === 'done') settle(() => resolve(msg.result));
      else settle(() => reject(new PreinitError(msg.message)));
    });
    worker.on('error', (err) => {
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() => reject(new PreinitError(oom ? 'pre-initialization ran out of memory' : `the worker failed: ${describeError(err)}`, { cause: err })));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new PreinitError(`the worker exited unexpectedly (code ${code})`)));
    });
  });
}

async function serveWorker(port: NonNullable<typeof parentPort>): Promise<void> {
  const { input, options } = workerData as { input: Uint8Array; options: Cloneable };
  const forward = (kind: 'stdout' | 'stderr') => (chunk: Uint8Array) => port.postMessage({ kind, chunk } satisfies FromWorker);
  try {
    const result = await preinitialize(input, { ...options, stdout: forward('stdout'), stderr: forward('stderr') });
    port.postMessage({ kind: 'done', result } satisfies FromWorker, [result.output.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ kind: 'failed', message: describeError(err) } satisfies FromWorker);
  }
}

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
  void serveWorker(parentPort);
}

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
