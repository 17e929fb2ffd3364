/**
 * The CLI's process entry, bundled into lib/cli/bundle/preinit.js (scripts/bundle.js). Isolated runs
 * start this same file as a worker (isolate.ts), where only the engine's worker side must run.
 */
import { isolatedWorkerPort } from '../engine/isolate.js';
import { main } from './main.js';

void isolatedWorkerPort().then(async (port) => {
  if (port) return;
  const code = await main(process.argv.slice(2));
  // Ending here skips tearing down the heap and the wasm memories (14 ms of a small file's run),
  // once what is still queued for stdout or stderr (an asynchronous pipe, outside Linux) is out.
  await Promise.all([process.stdout, process.stderr].filter((s) => s.writableLength > 0).map((s) => new Promise((flushed) => s.write('', flushed))));
  process.exit(code);
});
