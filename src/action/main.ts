/** Entry point of the GitHub Action (bundled to dist/index.js). */
import * as core from '@actions/core';
import { removeTemporaryOutputsOnSignal } from '../engine/io.js';
import { isolatedWorkerPort } from '../engine/isolate.js';
import { run } from './run.js';

// The engine runs each file in a worker started from this same bundle: only the main thread
// runs the action.
if (!(await isolatedWorkerPort())) {
  // A cancelled run (the runner sends SIGINT, then SIGTERM) leaves no temporary output behind.
  const restoreSignals = removeTemporaryOutputsOnSignal();
  try {
    await run();
  } catch (e) {
    // Anything reaching here is a bug in the action, not a bad input file.
    core.setFailed(`preinit-action crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } finally {
    restoreSignals();
  }
}
