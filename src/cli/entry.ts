/**
 * The CLI's process entry, bundled into lib/cli/bundle/preinit.js (scripts/bundle.js). Isolated runs
 * start this same file as a worker (isolate.ts), where only the engine's worker side must run.
 */
import { isolatedWorkerPort } from '../engine/isolate.js';
import { main } from './main.js';

void isolatedWorkerPort().then(async (port) => {
  if (!port) process.exitCode = await main(process.argv.slice(2));
});
