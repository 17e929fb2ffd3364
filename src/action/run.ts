/** One run of the action, as its pipeline: find -> pre-initialize -> measure -> compare -> report -> publish. */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeError } from '../engine/errors.js';
import type { PreinitOptions } from '../engine/types.js';
import { VERSION } from '../engine/version.js';
import { finishTotals, newReport, runContext } from '../report/build.js';
import { parseReport, type Report } from '../report/schema.js';
import type { UploadResult } from './artifact.js';
import { findBase } from './base.js';
import { applyBudgets } from './budgets.js';
import { applyBudget, compareWithBase } from './compare.js';
import { prNumberOf } from './event.js';
import { findFiles, outputCollisions, planJobs, repoPath } from './find.js';
import { InputError } from './input-error.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { renderComment, type RenderLinks } from './markdown.js';
import { preinitializeFiles } from './preinitialize.js';
import { postComment, setOutputs, uploadArtifact } from './publish.js';
import { reportFiles, writeJobSummary, writeReportJson, writeReportMd } from './report.js';
import type { TableView } from './tables.js';

export const ACTION_NAME = 'preinit-action';

interface Outcome {
  failures: string[];
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

/** Comment-only mode: render and post the comment for a report made by an earlier (unprivileged) run. */
async function commentFromReport(inputs: ActionInputs, file: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  let report: Report;
  try {
    report = parseReport(await fs.promises.readFile(file, 'utf8'));
  } catch (e) {
    return { failures: [`comment-from-report ${file}: ${describeError(e)}`] };
  }
  // Never the report's own prNumber: the report comes from an untrusted run.
  const prNumber = inputs.prNumber ?? prNumberOf(env);
  const body = renderComment(report, inputs.commentKey, { runUrl: report.run.url, view: viewOf(inputs) });
  core.setOutput('comment-body', body);
  core.setOutput('report-path', file);
  const id = await postComment(inputs, report, body, prNumber, env);
  core.setOutput('comment-id', id === null ? '' : String(id));
  return { failures: [] };
}

function viewOf(inputs: ActionInputs): TableView {
  return { sortBy: inputs.sortBy, collapseUnchanged: inputs.collapseUnchanged, omitUnchanged: inputs.omitUnchanged };
}

function reportOptions(inputs: ActionInputs): Report['options'] {
  const e = inputs.engine;
  return {
    initFunc: e.initFunc,
    keepInitFunc: e.keepInitFunc,
    renames: e.renames,
    allowWasi: e.allowWasi,
    inheritEnv: e.inheritEnv,
    envNames: Object.keys(e.env),
    dirs: e.dirs.map((d) => d.guest),
    preloads: e.preloads.map((p) => p.name),
    verify: e.verify,
    deterministic: e.deterministic,
    optimize: e.optimize,
    maxMemory: e.maxMemory ?? null,
    initTimeoutMs: inputs.initTimeoutMs,
    measureStartup: inputs.measureStartup,
  };
}

/** Preloads are shared by every file: a missing one is an input error, not a per-file one. */
async function engineOptions(inputs: ActionInputs): Promise<PreinitOptions> {
  const e = inputs.engine;
  const preloads: PreinitOptions['preloads'] = [];
  for (const p of e.preloads) {
    try {
      preloads.push({ name: p.name, bytes: new Uint8Array(await fs.promises.readFile(p.path)) });
    } catch (err) {
      throw new InputError(`preload ${p.name}=${p.path}: ${describeError(err)}`);
    }
  }
  return {
    initFunc: e.initFunc,
    keepInitFunc: e.keepInitFunc,
    renames: e.renames,
    allowWasi: e.allowWasi,
    inheritEnv: e.inheritEnv,
    env: e.env,
    preopens: e.dirs,
    preloads,
    verify: e.verify,
    deterministic: e.deterministic,
    reproducible: e.reproducible,
    seed: e.seed,
    allowSecrets: e.allowSecrets,
    optimize: e.optimize,
    maxMemory: e.maxMemory,
  };
}

async function loadBase(report: Report, inputs: ActionInputs, env: NodeJS.ProcessEnv, tempDir: string): Promise<void> {
  const found = await findBase(inputs, env, tempDir);
  if (found.report) {
    compareWithBase(report, found.report, { threshold: inputs.minimumChangeThreshold, stripHash: inputs.stripHash });
    report.baseReport = found.source;
  } else if (found.missing !== null) {
    report.noBase = found.missing;
  }
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
  const prNumber = inputs.prNumber ?? prNumberOf(env);
  const report = newReport({ name: ACTION_NAME, version: VERSION }, runContext(env, prNumber), reportOptions(inputs), inputs.brotli);
  const tempDir = env.RUNNER_TEMP || os.tmpdir();
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());

  // Find
  const found = await findFiles(inputs.workingDirectory, inputs.patterns, inputs.excludes, inputs.outputDir);
  const jobs = planJobs(inputs.workingDirectory, found, inputs.outputDir);
  core.info(`Found ${jobs.length} file${jobs.length === 1 ? '' : 's'} in ${inputs.workingDirectory}`);
  const files = reportFiles(inputs.outputDir ?? path.join(tempDir, 'preinit-report'));
  const clash = jobs.find((j) => j.output === files.json || j.output === files.md);
  if (clash) return { failures: [`${clash.rel}: its output path collides with the report ${path.basename(clash.output)}`] };
  if (jobs.length === 0) {
    const msg = `No files found for ${inputs.patterns.join(', ')} in ${inputs.workingDirectory}`;
    if (inputs.ifNoFilesFound === 'error') failures.push(msg);
    else if (inputs.ifNoFilesFound === 'warn') core.warning(msg);
    else core.info(msg);
  }

  // Pre-initialize and measure
  let options: PreinitOptions;
  try {
    options = await engineOptions(inputs);
  } catch (e) {
    return { failures: [describeError(e)] };
  }
  report.files = await preinitializeFiles(jobs, outputCollisions(jobs), options, {
    timeoutMs: inputs.initTimeoutMs,
    brotli: inputs.brotli,
    measureStartup: inputs.measureStartup,
    startupIterations: inputs.startupIterations,
    startupBudgetMs: inputs.startupBudgetMs,
    parallel: inputs.parallel,
    checkReproducible: inputs.checkReproducible,
  }, workspace);
  finishTotals(report);

  // Compare
  await loadBase(report, inputs, env, tempDir);
  applyBudget(report, inputs.maxSizeIncrease);
  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length && inputs.failOnError) {
    failures.push(`${failed.length} of ${report.files.length} file${report.files.length === 1 ? '' : 's'} failed: ${failed.map((f) => f.path).join(', ')}`);
  }
  failures.push(...applyBudgets(report, inputs.budgets, (p) => repoPath(workspace, path.join(inputs.workingDirectory, p))));
  if (report.budget?.exceeded) {
    const b = report.budget;
    failures.push(`size budget exceeded: +${b.increase} bytes against the ${b.against}, allowed ${b.allowed} (max-size-increase: ${b.limit})`);
  }

  // Report
  const links: RenderLinks = { runUrl: report.run.url, artifactName: inputs.artifactName, view: viewOf(inputs) };
  await writeReportJson(files, report);
  await writeReportMd(files, report, links);
  core.info(`Report: ${files.json}`);

  // Publish
  let uploaded: UploadResult | null = null;
  if (inputs.upload && jobs.length > 0) {
    try {
      uploaded = await uploadArtifact(inputs, report, jobs, files, tempDir);
      links.artifactUrl = uploaded.url;
      // report.md on disk gets the artifact link too (the uploaded copy predates it).
      await writeReportMd(files, report, links);
    } catch (e) {
      if (e instanceof Error && e.name === 'GHESNotSupportedError') {
        // The artifact service of @actions/artifact v2+ does not exist on GitHub Enterprise Server.
        core.warning(`artifact upload skipped: ${e.message}`);
      } else {
        failures.push(`artifact upload failed: ${describeError(e)}`);
      }
    }
  }
  if (inputs.jobSummary && (jobs.length > 0 || inputs.ifNoFilesFound !== 'ignore')) await writeJobSummary(report, links, env);
  const body = jobs.length > 0 ? renderComment(report, inputs.commentKey, links) : '';
  const commentId = jobs.length > 0 ? await postComment(inputs, report, body, prNumber, env) : null;
  setOutputs(inputs, report, jobs, files, { body, commentId, uploaded });
  return { failures };
}
