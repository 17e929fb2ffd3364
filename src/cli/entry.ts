/**
 * The CLI's process entry, bundled into lib/cli/bundle/preinit.js (scripts/bundle.js). Isolated runs
 * start this same file as a worker (isolate.ts), where only the engine's worker side must run.
 */
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';

if (isMainThread) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
