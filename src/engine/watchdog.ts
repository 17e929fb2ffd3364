/**
 * Guest code run in the calling thread under a deadline (`timeoutMs`). node:vm's watchdog
 * terminates the script it runs once its timeout passes, and that stops wasm called from it too
 * (an endless loop); the thread then goes on. This is what lets a single
 * core module skip the worker thread (tens of milliseconds to start) and still be stopped. The
 * isolated variants end their worker instead. SIGTERM and SIGHUP handlers still wait for the
 * guest to return or time out; SIGINT does not (see `guarded`).
 */
import vm from 'node:vm';
import { PreinitError } from './errors.js';

export function timedOut(timeoutMs: number): PreinitError {
  return new PreinitError('LIMIT', `pre-initialization did not finish within ${timeoutMs / 1000} s (init timeout); stopped`);
}

/**
 * Milliseconds on a monotonic clock. `performance` loads perf_hooks and ten modules under it at
 * its first use (1 to 2 ms of a small file's run); the process's own clock does not.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Deadline {
  /** `monotonicMs()` at which guest code is stopped. */
  at: number;
  timeoutMs: number;
}

export function deadlineAfter(timeoutMs: number | undefined): Deadline | undefined {
  return timeoutMs === undefined ? undefined : { at: monotonicMs() + timeoutMs, timeoutMs };
}

/**
 * The task is run by a script in the main context (a context of our own costs 1.6 ms of a small
 * file's run), found on that context's global under a symbol key while it runs. The global is the
 * script's, which is not ours when we are loaded in another context (a test runner's).
 */
const TASK = Symbol.for('preinit.guarded-task');
let watchdog: { script: vm.Script; slot: { [TASK]?: () => unknown } } | undefined;

/** Calls `f` (which runs guest code synchronously); past the deadline it is stopped and this throws `timedOut`. */
export function guarded<T>(deadline: Deadline | undefined, f: () => T): T {
  if (deadline === undefined) return f();
  const left = Math.ceil(deadline.at - monotonicMs());
  if (left <= 0) throw timedOut(deadline.timeoutMs);
  watchdog ??= { script: new vm.Script("globalThis[Symbol.for('preinit.guarded-task')]()"), slot: new vm.Script('globalThis').runInThisContext() as object };
  const { script, slot } = watchdog;
  slot[TASK] = f;
  try {
    // A SIGINT's handlers cannot run while wasm does: the watchdog stops the guest for it too.
    return script.runInThisContext({ timeout: left, breakOnSigint: true }) as T;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw timedOut(deadline.timeoutMs);
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') {
      // Delivered again now that the guest is stopped, to whatever handles it (or the default action).
      process.kill(process.pid, 'SIGINT');
      throw new PreinitError('LIMIT', 'pre-initialization was interrupted (SIGINT)');
    }
    throw err;
  } finally {
    delete slot[TASK];
  }
}
