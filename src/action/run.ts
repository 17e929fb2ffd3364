/** One run of the action: inputs -> files -> engine -> reports -> artifact -> summary -> comment -> outputs. */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeError } from '../engine/index.js';
import { mapConcurrent, preinitializeIsolatedToFile } from '../engine/isolate.js';
import type { PreinitOptions } from '../engine/types.js';
import { uploadFiles, type ArtifactFile, type UploadResult } from './artifact.js';
import { GitHubApiError, upsertComment } from './comment.js';
import { writeFileAtomic } from '../engine/io.js';
import { findFiles, outputCollisions, planJobs, type FileJob } from './files.js';
import { InputError, readInputs, type ActionInputs, type SizeLimit } from './inputs.js';
import { commentMarker, renderComment, renderReport, type RenderLinks } from './markdown.js';
import {
  GZIP_LEVEL,
  REPORT_SCHEMA,
  REPORT_VERSION,
  applyBudget,
  allowedBytes,
  compareWithBase,
  finishTotals,
  measureSizes,
  parseBaseReport,
  percent,
  type FileReport,
  type Report,
} from './report.js';
import { measureFile } from './startup.js';

export const ACTION_NAME = 'preinit-action';
export const ACTION_VERSION = '0.1.0';

/** GitHub's job summary limit is 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024;

interface EventPayload {
  pull_request?: { number?: number };
  issue?: { number?: number; pull_request?: unknown };
  number?: number;
}

function readEvent(env: NodeJS.ProcessEnv): EventPayload {
  const p = env.GITHUB_EVENT_PATH;
  if (!p || !fs.existsSync(p)) return {};
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

function prNumberFromEvent(ev: EventPayload): number | null {
  if (ev.pull_request?.number) return ev.pull_request.number;
  if (ev.issue?.pull_request && ev.issue.number) return ev.issue.number;
  return null;
}

function runUrl(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return null;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

function emptyReport(inputs: ActionInputs, env: NodeJS.ProcessEnv, prNumber: number | null): Report {
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    tool: { name: ACTION_NAME, version: ACTION_VERSION },
    createdAt: new Date().toISOString(),
    run: {
      repository: env.GITHUB_REPOSITORY ?? null,
      sha: env.GITHUB_SHA ?? null,
      ref: env.GITHUB_REF ?? null,
      runId: env.GITHUB_RUN_ID ?? null,
      runAttempt: env.GITHUB_RUN_ATTEMPT ?? null,
      eventName: env.GITHUB_EVENT_NAME ?? null,
      prNumber,
      url: runUrl(env),
    },
    options: {
      initFunc: inputs.engine.initFunc,
      keepInitFunc: inputs.engine.keepInitFunc,
      renames: inputs.engine.renames,
      allowWasi: inputs.engine.allowWasi,
      inheritEnv: inputs.engine.inheritEnv,
      envNames: Object.keys(inputs.engine.env),
      dirs: inputs.engine.dirs.map((d) => d.guest),
      preloads: inputs.engine.preloads.map((p) => p.name),
      verify: inputs.engine.verify,
      deterministic: inputs.engine.deterministic,
      optimize: inputs.engine.optimize,
      maxMemory: inputs.engine.maxMemory ?? null,
      initTimeoutMs: inputs.initTimeoutMs,
      measureStartup: inputs.measureStartup,
    },
    compression: { gzipLevel: GZIP_LEVEL, brotliQuality: inputs.brotliQuality },
    files: [],
    totals: {
      files: 0,
      succeeded: 0,
      failed: 0,
      input: zero,
      after: zero,
      change: { bytes: 0, percent: 0 },
      speedup: null,
      base: null,
    },
    removed: [],
    budget: null,
    baseReport: null,
  };
}

interface RunLimits {
  timeoutMs: number;
  brotliQuality: number;
  measureStartup: boolean;
  startupIterations: number | undefined;
}

interface Done {
  entry: FileReport;
  /** The input as read, kept only when the output replaced it (in place): startup needs both. */
  inputBytes: Uint8Array | null;
  /** Guest stdout/stderr, when buffered (files running in parallel). */
  guestOutput: Buffer[];
}

async function preinitOne(job: FileJob, options: PreinitOptions, limits: RunLimits, clash: FileJob | undefined, buffer: boolean): Promise<Done> {
  const entry: FileReport = {
    path: job.rel,
    output: null,
    status: 'error',
    error: null,
    kind: null,
    input: { raw: 0, gzip: 0, brotli: 0, sha256: '' },
    after: null,
    change: null,
    snapshot: null,
    timings: null,
    startup: null,
    verified: null,
    optimized: null,
    warnings: [],
    base: null,
  };
  const done: Done = { entry, inputBytes: null, guestOutput: [] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.promises.readFile(job.input));
  } catch (e) {
    entry.error = `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? describeError(e)}`;
    return done;
  }
  entry.input = measureSizes(bytes, limits.brotliQuality);
  if (clash) {
    entry.error = `its output ${job.output} is already the output of ${clash.rel}`;
    return done;
  }
  const sink = (c: Uint8Array) => done.guestOutput.push(Buffer.from(c));
  const started = performance.now();
  try {
    // Each file runs in its own worker (a runaway init ends that file only), on its own copy; the
    // worker writes and verifies the output file itself.
    const result = await preinitializeIsolatedToFile(bytes.slice(), job.output, buffer ? { ...options, stdout: sink, stderr: sink } : options, {
      timeoutMs: limits.timeoutMs,
    });
    const total = performance.now() - started;
    const f = result.facts;
    if (job.output === job.input) done.inputBytes = bytes;
    entry.status = 'ok';
    entry.kind = f.kind;
    entry.output = job.outRel;
    entry.after = measureSizes(await fs.promises.readFile(job.output), limits.brotliQuality);
    entry.change = { bytes: entry.after.raw - entry.input.raw, percent: percent(entry.after.raw - entry.input.raw, entry.input.raw) };
    entry.snapshot = { globals: f.globals, memories: f.memories, dataSegments: f.dataSegments, wasiCalls: f.wasiCalls };
    entry.timings = { ...f.timings, totalMs: Math.round(total * 100) / 100 };
    entry.warnings = [...f.warnings];
    entry.verified = typeof f.verified === 'boolean' ? f.verified : null;
    entry.optimized = f.optimized ?? null;
  } catch (e) {
    entry.status = 'error';
    entry.error = describeError(e);
    if (e instanceof Error && e.stack) core.debug(e.stack);
  }
  return done;
}

/** Startup measurement, one file at a time (never while other files run): inputs and outputs read back from disk. */
async function measureOne(done: Done, job: FileJob, options: PreinitOptions, limits: RunLimits): Promise<void> {
  const e = done.entry;
  if (!limits.measureStartup || e.status !== 'ok') return;
  try {
    const input = done.inputBytes ?? new Uint8Array(await fs.promises.readFile(job.input));
    const output = new Uint8Array(await fs.promises.readFile(job.output));
    const m = await measureFile(input, output, options, limits.startupIterations);
    e.startup = m.startup;
    if (m.warning) e.warnings.push(m.warning);
  } catch (err) {
    e.warnings.push(`startup not measured: ${describeError(err)}`);
  } finally {
    done.inputBytes = null;
  }
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
  const rel = path.relative(workspace, job.input).split(path.sep).join('/');
  const file = rel.startsWith('..') ? undefined : rel;
  if (e.status === 'error') {
    core.error(`${e.path}: ${e.error}`, { title: 'preinit failed', file });
    return;
  }
  const speed = e.startup ? `, startup ${e.startup.speedup.toFixed(2)}x` : '';
  core.info(`✅ ${e.path}: ${e.input.raw} -> ${e.after!.raw} bytes${speed}`);
  for (const w of e.warnings) core.warning(`${e.path}: ${w}`, { title: 'preinit warning', file });
}

function withinThreshold(report: Report, threshold: SizeLimit | null): boolean {
  const base = report.totals.base;
  if (!base || base.bytes === null) return false;
  const limit = threshold ? allowedBytes(threshold, base.raw ?? 0) : 0;
  return Math.abs(base.bytes) <= limit && (threshold !== null || base.bytes === 0);
}

/** Whether to create a comment (an existing one is refreshed whenever commenting is on). */
function shouldCreateComment(inputs: ActionInputs, report: Report): { create: boolean; why: string } {
  const changed = report.totals.failed > 0 || report.removed.length > 0 || report.files.some((f) => f.base && f.base.raw === null);
  switch (inputs.comment) {
    case 'always':
      return { create: true, why: 'comment: always' };
    case 'auto':
      if (inputs.minimumChangeThreshold && report.totals.base && !changed && withinThreshold(report, inputs.minimumChangeThreshold)) {
        return { create: false, why: 'change against the base is below minimum-change-threshold' };
      }
      return { create: true, why: 'comment: auto' };
    case 'on-change':
      if (!report.totals.base) return { create: changed, why: 'comment: on-change needs base-report to see a change' };
      if (!changed && withinThreshold(report, inputs.minimumChangeThreshold)) {
        return { create: false, why: 'no size change against the base above the threshold' };
      }
      return { create: true, why: 'size changed against the base' };
    default:
      return { create: false, why: 'comment: never' };
  }
}

function fitSummary(report: Report, links: RenderLinks): string {
  let md = renderReport(report, links);
  if (md.length > SUMMARY_LIMIT - 1024) md = renderReport(report, links, { details: false });
  if (md.length > SUMMARY_LIMIT - 1024) md = md.slice(0, SUMMARY_LIMIT - 1024) + '\n\n… truncated: see report.md in the artifact.\n';
  return md;
}

interface Outcome {
  failures: string[];
}

async function postComment(
  inputs: ActionInputs,
  report: Report,
  body: string,
  prNumber: number | null,
  env: NodeJS.ProcessEnv,
  forceCreate: boolean | null,
): Promise<number | null> {
  if (inputs.comment === 'never') {
    core.info('PR comment: off (comment: never)');
    return null;
  }
  if (prNumber === null) {
    const msg = 'PR comment: skipped, this run is not for a pull request (set `pr-number` to comment anyway)';
    if (inputs.comment === 'always') core.warning(msg);
    else core.info(msg);
    return null;
  }
  if (!inputs.githubToken) {
    core.warning('PR comment: skipped, no `github-token`');
    return null;
  }
  if (!env.GITHUB_REPOSITORY) {
    core.warning('PR comment: skipped, GITHUB_REPOSITORY is not set');
    return null;
  }
  const decision = forceCreate === null ? shouldCreateComment(inputs, report) : { create: forceCreate, why: 'report given' };
  try {
    const res = await upsertComment(
      { apiUrl: env.GITHUB_API_URL || 'https://api.github.com', repository: env.GITHUB_REPOSITORY, prNumber, token: inputs.githubToken },
      commentMarker(inputs.commentKey),
      body,
      decision.create,
    );
    if (res.action === 'skipped') core.info(`PR comment: not posted (${decision.why})`);
    else core.info(`PR comment: ${res.action} ${res.url ?? `#${res.id}`}`);
    return res.id;
  } catch (e) {
    if (e instanceof GitHubApiError && (e.status === 403 || e.status === 404)) {
      core.warning(
        `PR comment: not written (${e.message}). Pull requests from forks get a read-only token; ` +
          'the summary, artifact and `comment-body` output are still there (see the README for the workflow_run recipe).',
      );
      return null;
    }
    core.warning(`PR comment: failed: ${describeError(e)}`);
    return null;
  }
}

/** Comment-only mode: render and post the comment for a report made by an earlier (unprivileged) run. */
async function commentFromReport(inputs: ActionInputs, file: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  let report: Report;
  try {
    report = parseBaseReport(await fs.promises.readFile(file, 'utf8'));
  } catch (e) {
    return { failures: [`comment-from-report ${file}: ${describeError(e)}`] };
  }
  // Never the report's own prNumber: the report comes from an untrusted run.
  const prNumber = inputs.prNumber ?? prNumberFromEvent(readEvent(env));
  const body = renderComment(report, inputs.commentKey, { runUrl: report.run.url });
  core.setOutput('comment-body', body);
  core.setOutput('report-path', file);
  const id = await postComment(inputs, report, body, prNumber, env, null);
  core.setOutput('comment-id', id === null ? '' : String(id));
  return { failures: [] };
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (e) {
    core.setFailed(e instanceof InputError ? e.message : describeError(e));
    return;
  }
  const fromReport = core.getInput('comment-from-report').trim();
  const outcome = fromReport
    ? await commentFromReport(inputs, path.resolve(inputs.workingDirectory, fromReport), env)
    : await preinitAll(inputs, env);
  if (outcome.failures.length) core.setFailed(outcome.failures.join('\n'));
}

async function preinitAll(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const failures: string[] = [];
  if (env.GITHUB_EVENT_NAME === 'pull_request_target' || env.GITHUB_EVENT_NAME === 'workflow_run') {
    core.warning(
      `this step runs the init code of the wasm it finds, in a ${env.GITHUB_EVENT_NAME} workflow that may hold a write token: ` +
        'never point it at files built from an untrusted pull request. For fork PRs, run it under `pull_request` and post ' +
        'the comment from a workflow_run workflow with `comment-from-report` (see the README).',
    );
  }
  const event = readEvent(env);
  const prNumber = inputs.prNumber ?? prNumberFromEvent(event);
  const report = emptyReport(inputs, env, prNumber);
  const tempDir = env.RUNNER_TEMP || os.tmpdir();
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());

  const files = await findFiles(inputs.workingDirectory, inputs.patterns, inputs.excludes, inputs.outputDir);
  const jobs = planJobs(inputs.workingDirectory, files, inputs.outputDir);
  const clashes = outputCollisions(jobs);
  core.info(`Found ${jobs.length} file${jobs.length === 1 ? '' : 's'} in ${inputs.workingDirectory}`);

  const reportDir = inputs.outputDir ?? path.join(tempDir, 'preinit-report');
  const reportJson = path.join(reportDir, 'report.json');
  const reportMd = path.join(reportDir, 'report.md');
  const clash = jobs.find((j) => j.output === reportJson || j.output === reportMd);
  if (clash) return { failures: [`${clash.rel}: its output path collides with the report ${path.basename(clash.output)}`] };

  if (jobs.length === 0) {
    const msg = `No files found for ${inputs.patterns.join(', ')} in ${inputs.workingDirectory}`;
    if (inputs.ifNoFilesFound === 'error') failures.push(msg);
    else if (inputs.ifNoFilesFound === 'warn') core.warning(msg);
    else core.info(msg);
  }

  // Preloads are shared by every file: a missing one is an input error, not a per-file one.
  const preloads: PreinitOptions['preloads'] = [];
  for (const p of inputs.engine.preloads) {
    try {
      preloads.push({ name: p.name, bytes: new Uint8Array(await fs.promises.readFile(p.path)) });
    } catch (e) {
      return { failures: [`preload ${p.name}=${p.path}: ${(e as NodeJS.ErrnoException).code ?? describeError(e)}`] };
    }
  }
  const options: PreinitOptions = {
    initFunc: inputs.engine.initFunc,
    keepInitFunc: inputs.engine.keepInitFunc,
    renames: inputs.engine.renames,
    allowWasi: inputs.engine.allowWasi,
    inheritEnv: inputs.engine.inheritEnv,
    env: inputs.engine.env,
    preopens: inputs.engine.dirs,
    preloads,
    verify: inputs.engine.verify,
    deterministic: inputs.engine.deterministic,
    reproducible: inputs.engine.reproducible,
    allowSecrets: inputs.engine.allowSecrets,
    optimize: inputs.engine.optimize,
    maxMemory: inputs.engine.maxMemory,
  };
  const limits: RunLimits = {
    timeoutMs: inputs.initTimeoutMs,
    brotliQuality: inputs.brotliQuality,
    measureStartup: inputs.measureStartup,
    startupIterations: inputs.startupIterations,
  };

  if (inputs.parallel <= 1 || jobs.length <= 1) {
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
      report.files.push(done.entry);
    }
  } else {
    // Several workers at once, guest output buffered; then, one file at a time, the startup
    // measurement (on a quiet machine) and the log group.
    core.info(`Pre-initializing ${jobs.length} files, ${Math.min(inputs.parallel, jobs.length)} at a time`);
    let finished = 0;
    const results = await mapConcurrent(jobs, inputs.parallel, async (job) => {
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
      report.files.push(done.entry);
    }
  }
  finishTotals(report);

  if (inputs.baseReport) {
    try {
      const base = parseBaseReport(await fs.promises.readFile(inputs.baseReport, 'utf8'));
      compareWithBase(report, base);
      report.baseReport = { path: path.relative(inputs.workingDirectory, inputs.baseReport) || inputs.baseReport, createdAt: base.createdAt ?? null, sha: base.run?.sha ?? null };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      core.warning(`base-report ${inputs.baseReport}: ${code === 'ENOENT' ? 'not found' : describeError(e)}; no comparison`);
    }
  }
  applyBudget(report, inputs.maxSizeIncrease);

  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length && inputs.failOnError) {
    failures.push(`${failed.length} of ${report.files.length} file${report.files.length === 1 ? '' : 's'} failed: ${failed.map((f) => f.path).join(', ')}`);
  }
  if (report.budget?.exceeded) {
    const b = report.budget;
    failures.push(`size budget exceeded: +${b.increase} bytes against the ${b.against}, allowed ${b.allowed} (max-size-increase: ${b.limit})`);
  }

  const links: RenderLinks = { runUrl: runUrl(env), artifactName: inputs.artifactName };
  await fs.promises.mkdir(reportDir, { recursive: true });
  await writeFileAtomic(reportJson, new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n'));
  await writeFileAtomic(reportMd, new TextEncoder().encode(renderReport(report, links)));
  core.info(`Report: ${reportJson}`);

  let uploaded: UploadResult | null = null;
  if (inputs.upload && jobs.length > 0) {
    const artifactFiles: ArtifactFile[] = report.files
      .filter((f) => f.status === 'ok' && f.output)
      .map((f) => ({ source: jobs.find((j) => j.rel === f.path)!.output, name: f.output! }));
    artifactFiles.push({ source: reportJson, name: 'report.json' }, { source: reportMd, name: 'report.md' });
    try {
      uploaded = await uploadFiles(artifactFiles, {
        name: inputs.artifactName,
        retentionDays: inputs.retentionDays,
        compressionLevel: inputs.compressionLevel,
        overwrite: inputs.overwrite,
        tempDir,
      });
      core.info(`Artifact ${inputs.artifactName}: id ${uploaded.id}, ${uploaded.size} bytes, sha256 ${uploaded.digest}`);
      links.artifactUrl = uploaded.url;
      // report.md on disk gets the artifact link too (the uploaded copy predates it).
      await writeFileAtomic(reportMd, new TextEncoder().encode(renderReport(report, links)));
    } catch (e) {
      if (e instanceof Error && e.name === 'GHESNotSupportedError') {
        // The artifact service of @actions/artifact v2+ does not exist on GitHub Enterprise Server.
        core.warning(`artifact upload skipped: ${e.message}`);
      } else {
        failures.push(`artifact upload failed: ${describeError(e)}`);
      }
    }
  }

  if (inputs.jobSummary && (jobs.length > 0 || inputs.ifNoFilesFound !== 'ignore')) {
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(fitSummary(report, links), true).write();
    else core.info('Job summary: skipped, GITHUB_STEP_SUMMARY is not set (not running on a runner?)');
  }

  const body = jobs.length > 0 ? renderComment(report, inputs.commentKey, links) : '';
  const commentId = jobs.length > 0 ? await postComment(inputs, report, body, prNumber, env, null) : null;

  const t = report.totals;
  core.setOutput('count', String(t.succeeded));
  core.setOutput('failed', String(t.failed));
  core.setOutput(
    'files',
    JSON.stringify(
      report.files.map((f) => ({
        path: f.path,
        input: path.join(inputs.workingDirectory, f.path),
        output: f.output === null ? null : jobs.find((j) => j.rel === f.path)!.output,
        status: f.status,
        error: f.error,
        sizeBefore: f.input.raw,
        sizeAfter: f.after?.raw ?? null,
        speedup: f.startup?.speedup ?? null,
      })),
    ),
  );
  core.setOutput('report-path', reportJson);
  core.setOutput('report-markdown-path', reportMd);
  core.setOutput('comment-body', body);
  core.setOutput('total-size-before', String(t.input.raw));
  core.setOutput('total-size-after', String(t.after.raw));
  core.setOutput('total-size-change', String(t.change.bytes));
  core.setOutput('total-size-change-percent', String(t.change.percent));
  core.setOutput('speedup', t.speedup === null ? '' : t.speedup.toFixed(3));
  core.setOutput('artifact-id', uploaded?.id == null ? '' : String(uploaded.id));
  core.setOutput('artifact-url', uploaded?.url ?? '');
  core.setOutput('artifact-digest', uploaded?.digest ?? '');
  core.setOutput('comment-id', commentId === null ? '' : String(commentId));
  core.setOutput('budget-exceeded', String(report.budget?.exceeded ?? false));
  return { failures };
}
