// A worker (fuzz-worker.mjs) that runs one pre-initialization at a time and is replaced when a
// case exceeds its timeout: the fuzzers' guard against mutants whose init never ends.
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./fuzz-worker.mjs', import.meta.url);

export class IsolatedRunner {
  constructor({ resourceLimits } = {}) {
    this.resourceLimits = resourceLimits;
    this.worker = undefined;
    this.nextId = 1;
    this.restarts = 0;
  }

  async start() {
    const worker = new Worker(WORKER, { resourceLimits: this.resourceLimits, stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    await new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m?.ready) {
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    this.worker = worker;
    return worker;
  }

  /** Resolves with the worker's reply, or { timeout: true } / { workerDied } (the worker is then replaced). */
  async run(bytes, options, timeoutMs, { wantOutput = false } = {}) {
    const worker = this.worker ?? (await this.start());
    const id = this.nextId++;
    return new Promise((resolve) => {
      let done = false;
      const finish = (result, replace) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replace) {
          this.worker = undefined;
          this.restarts++;
          void worker.terminate();
        }
        resolve(result);
      };
      const onMessage = (m) => {
        if (m.id === id || m.id === -1) finish(m, m.id === -1);
      };
      const onError = (err) => finish({ ok: false, workerDied: true, errorName: 'WorkerError', message: String(err?.message ?? err) }, true);
      const onExit = (code) => finish({ ok: false, workerDied: true, errorName: 'WorkerExit', message: `worker exited with ${code}` }, true);
      const timer = setTimeout(() => finish({ ok: false, timeout: true }, true), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes, options, wantOutput });
    });
  }

  async close() {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
