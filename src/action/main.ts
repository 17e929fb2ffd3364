/** Entry point of the GitHub Action (bundled to dist/index.js). */
import * as core from '@actions/core';
import { run } from './run.js';

try {
  await run();
} catch (e) {
  // Anything reaching here is a bug in the action, not a bad input file.
  core.setFailed(`preinit-action crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}
