/**
 * Pre-initialize: every file in its own worker (a runaway init ends that file only), then its
 * startup measured, and its log group written. Failures are recorded per file, never thrown.
 */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReproducible } from '../engine/check-reproducible.js';
import { describeError, PreinitError } from '../engine/errors.js';
import { writeFileAtomic } from '../engine/io.js';
import { mapConcurrent, preinitializeIsolatedToFile } from '../engine/isolate.js';
import type { PreinitOptions, SnapshotFacts } from '../engine/types.js';
import { fileEntry, measurePair, recordInput, recordSuccess, type BrotliSetting } from '../report/build.js';
import type { FileReport } from '../report/schema.js';
import { repoPath, type FileJob } from './find.js';
import { measureStartupOf } from './measure.js';

export interface RunLimits {
  timeoutMs: number;
  brotli: BrotliSetting;
  measureStartup: boolean;
  startupIterations: number | undefined;
  startupBudgetMs: number;
  /** Files pre-initialized at once. */
  parallel: number;
  /** Pre-initialize each file twice and fail it unless both runs give the same bytes. */
  checkReproducible: boolean;
}

interface Done {
  entry: FileReport;
  /** The input as read, kept only when the output replaced it (in place): startup needs both. */
  inputBytes: Uint8Array | null;
  /** Guest stdout/stderr, when buffered (files running in parallel). */
  guestOutput: Buffer[];
}

async function preinitOne(job: FileJob, options: PreinitOptions, limits: RunLimits, clash: FileJob | undefined, buffer: boolean): Promise<Done> {
  const entry = fileEntry(job.rel);
  const done: Done = { entry, inputBytes: null, guestOutput: [] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.promises.readFile(job.input));
  } catch (e) {
    entry.error = `cannot read the file: ${describeError(e)}`;
    return done;
  }
  if (clash) {
    entry.error = `its output ${job.output} is already the output of ${clash.rel}`;
    await recordInput(entry, bytes, limits.brotli);
    return done;
  }
  const sink = (c: Uint8Array) => done.guestOutput.push(Buffer.from(c));
  try {
    // The output directory mirrors the inputs' tree: ours to create (the engine writes only into existing directories).
    await fs.promises.mkdir(path.dirname(job.output), { recursive: true });
    // On its own copy: the worker takes the bytes, and writes and verifies the output file itself.
    const fileOptions = buffer ? { ...options, stdout: sink, stderr: sink } : options;
    const isolation = { timeoutMs: limits.timeoutMs };
    let facts: SnapshotFacts;
    if (limits.checkReproducible) {
      const checked = await checkReproducible(bytes, fileOptions, isolation);
      await writeFileAtomic(job.output, checked.output);
      facts = checked.facts;
    } else {
      facts = (await preinitializeIsolatedToFile(bytes.slice(), job.output, fileOptions, isolation)).facts;
    }
    if (job.output === job.input) done.inputBytes = bytes;
    const sizes = await measurePair(bytes, await fs.promises.readFile(job.output), limits.brotli);
    recordSuccess(entry, { path: job.outRel, sizes }, facts);
  } catch (e) {
    entry.error = describeError(e, 'action');
    if (e instanceof PreinitError && e.code === 'WASI_NOT_ALLOWED') entry.error += ' (init calls WASI: set `allow-wasi: true` to allow it)';
    await recordInput(entry, bytes, limits.brotli);
  }
  return done;
}

async function measureOne(done: Done, job: FileJob, options: PreinitOptions, limits: RunLimits): Promise<void> {
  if (limits.measureStartup && done.entry.status === 'ok') {
    await measureStartupOf(done.entry, job, done.inputBytes, options, { iterations: limits.startupIterations, budgetMs: limits.startupBudgetMs });
  }
  done.inputBytes = null;
}

/** Details, inside the file's collapsible group. */
function logDetails(e: FileReport, job: FileJob): void {
  core.info(`input:  ${job.input}`);
  if (e.status === 'error') {
    core.info(`failed: ${e.error}`);
    return;
  }
  const s = e.snapshot!;
  core.info(`output: ${job.output}`);
  core.info(`size: ${e.input.raw} -> ${e.after!.raw} bytes (gzip ${e.input.gzip} -> ${e.after!.gzip}, brotli ${e.input.brotli} -> ${e.after!.brotli})`);
  core.info(`kind: ${e.kind}; globals: ${s.globals}; data segments: ${s.dataSegments}; memories: ${s.memories.map((m) => `${m.pagesBefore}->${m.pagesAfter} pages`).join(', ') || 'none'}`);
  const calls = Object.entries(s.wasiCalls);
  if (calls.length) core.info(`WASI calls during init: ${calls.map(([k, v]) => `${k} x${v}`).join(', ')}`);
  const t = e.timings!;
  core.info(`time: ${t.totalMs} ms (parse ${t.parse.toFixed(2)}, instrument ${t.instrument.toFixed(2)}, run ${t.run.toFixed(2)}, snapshot ${t.snapshot.toFixed(2)}, rewrite ${t.rewrite.toFixed(2)})`);
  core.info(`verified: ${e.verified === null ? 'not checked' : e.verified ? 'yes' : 'no'}`);
  if (e.startup) {
    core.info(`startup: ${e.startup.inputMs.toFixed(3)} ms -> ${e.startup.outputMs.toFixed(3)} ms (${e.startup.speedup.toFixed(2)}x, median of ${e.startup.iterations})`);
  }
}

/**
 * One visible line per file after its group; failures and warnings as annotations, whose `file`
 * is relative to the repository root (the workspace) so GitHub can place them.
 */
function logOutcome(e: FileReport, job: FileJob, workspace: string): void {
  const file = repoPath(workspace, job.input);
  if (e.status === 'error') {
    core.error(`${e.path}: ${e.error}`, { title: 'preinit failed', file });
    return;
  }
  const speed = e.startup ? `, startup ${e.startup.speedup.toFixed(2)}x` : '';
  core.info(`✅ ${e.path}: ${e.input.raw} -> ${e.after!.raw} bytes${speed}`);
  for (const w of e.warnings) core.warning(`${e.path}: ${w}`, { title: 'preinit warning', file });
}

/** The report's entries, in the order of `jobs`. */
export async function preinitializeFiles(
  jobs: FileJob[],
  clashes: Map<FileJob, FileJob>,
  options: PreinitOptions,
  limits: RunLimits,
  workspace: string,
): Promise<FileReport[]> {
  const entries: FileReport[] = [];
  if (limits.parallel <= 1 || jobs.length <= 1) {
    // One at a time: the guest's output streams live inside the file's group.
    for (const job of jobs) {
      core.startGroup(`preinit ${job.rel}`);
      let done: Done;
      try {
        done = await preinitOne(job, options, limits, clashes.get(job), false);
        await measureOne(done, job, options, limits);
        logDetails(done.entry, job);
      } finally {
        core.endGroup();
      }
      // The outcome goes outside the group, visible without expanding it.
      logOutcome(done.entry, job, workspace);
      entries.push(done.entry);
    }
    return entries;
  }
  // Several workers at once, guest output buffered; then, one file at a time, the startup
  // measurement (on a quiet machine) and the log group.
  core.info(`Pre-initializing ${jobs.length} files, ${Math.min(limits.parallel, jobs.length)} at a time`);
  let finished = 0;
  const results = await mapConcurrent(jobs, limits.parallel, async (job) => {
    const done = await preinitOne(job, options, limits, clashes.get(job), true);
    core.info(`[${++finished}/${jobs.length}] ${job.rel}: ${done.entry.status === 'ok' ? 'done' : 'failed'}`);
    return done;
  });
  for (const [i, job] of jobs.entries()) {
    const done = results[i];
    await measureOne(done, job, options, limits);
    core.startGroup(`preinit ${job.rel}`);
    try {
      if (done.guestOutput.length) core.info(Buffer.concat(done.guestOutput).toString('utf8').replace(/\n$/, ''));
      logDetails(done.entry, job);
    } finally {
      core.endGroup();
    }
    logOutcome(done.entry, job, workspace);
    entries.push(done.entry);
  }
  return entries;
}
