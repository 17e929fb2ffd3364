// Runs pre-initializations for the fuzzers in a worker thread, one request at a time, with the
// engine built in lib/. The parent kills the worker when a case runs past its timeout. Every
// outcome says whether the failure was a PreinitError, and whether a success validates.
import { parentPort } from 'node:worker_threads';

const engine = await import(new URL('../../lib/engine/index.js', import.meta.url).href);
const quiet = { stdout: () => {}, stderr: () => {} };

/** V8 validates modules; a component is checked by decoding it with jco (wasm-tools). */
async function validOutput(output) {
  const isComponent = output[4] === 0x0d && output[6] === 0x01;
  if (!isComponent) return WebAssembly.validate(output);
  try {
    const { componentWit } = await import('@bytecodealliance/jco');
    await componentWit(output);
    return true;
  } catch {
    return false;
  }
}

parentPort.on('message', async ({ id, bytes, options, wantOutput }) => {
  let reply;
  try {
    const { output } = await engine.preinitialize(bytes, { ...options, ...quiet });
    reply = { id, ok: true, outputValid: await validOutput(output), outputLength: output.length, output: wantOutput ? output : undefined };
  } catch (err) {
    reply = {
      id,
      ok: false,
      errorName: err instanceof engine.PreinitError ? 'PreinitError' : String(err?.name ?? typeof err),
      message: String(err?.message ?? err),
      stack: err instanceof engine.PreinitError ? undefined : String(err?.stack ?? err),
    };
  }
  parentPort.postMessage(reply);
});
process.on('unhandledRejection', (err) => parentPort.postMessage({ id: -1, ok: false, errorName: 'unhandledRejection', message: String(err?.stack ?? err) }));
parentPort.postMessage({ ready: true });
