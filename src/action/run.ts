/**
 * One run of the action, as its pipeline: find -> (shard) -> pre-initialize -> measure, then
 * finish.ts: compare -> report -> publish. `merge-shards` (merge.ts) starts from the shards' reports instead.
 */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../engine/errors.js';
import type { PreinitOptions } from '../engine/types.js';
import { VERSION } from '../engine/version.js';
import { finishTotals, newReport, runContext } from '../report/build.js';
import { parseReport, type Report, type ShardFacts } from '../report/schema.js';
import { prNumberOf } from './event.js';
import { findFiles, outputCollisions, planJobs, type FileJob } from './find.js';
import { finish, noFiles, stepOf, viewOf } from './finish.js';
import { InputError } from './input-error.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { renderComment } from './markdown.js';
import { mergeShards } from './merge.js';
import { preinitializeFiles } from './preinitialize.js';
import { postComment } from './publish.js';
import { reportFiles } from './report.js';
import { assignShards, fingerprint, type Shard } from './shard.js';

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
    : inputs.mergeShards
      ? { failures: await mergeShards(stepOf(inputs, env)) }
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

/** A shard's share of the jobs; every shard computes the same split from the same paths and sizes. */
async function shareOf(jobs: FileJob[], shard: Shard): Promise<{ share: FileJob[]; facts: ShardFacts }> {
  const sized = await Promise.all(jobs.map(async (j) => ({ path: j.rel, size: (await fs.promises.stat(j.input)).size })));
  const assigned = assignShards(sized, shard.count);
  const share = jobs.filter((_, i) => assigned[i] === shard.index);
  const bytes = sized.filter((_, i) => assigned[i] === shard.index).reduce((s, f) => s + f.size, 0);
  core.info(`Shard ${shard.index} of ${shard.count}: ${share.length} of ${jobs.length} files, ${bytes} input bytes`);
  return { share, facts: { ...shard, matched: jobs.length, fingerprint: fingerprint(sized) } };
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
  const step = stepOf(inputs, env);
  const report = newReport({ name: ACTION_NAME, version: VERSION }, runContext(env, step.prNumber), reportOptions(inputs), inputs.brotli);

  // Find (and, in a shard, keep this job's share)
  const found = await findFiles(inputs.workingDirectory, inputs.patterns, inputs.excludes, inputs.outputDir);
  const matched = planJobs(inputs.workingDirectory, found, inputs.outputDir);
  core.info(`Found ${matched.length} file${matched.length === 1 ? '' : 's'} in ${inputs.workingDirectory}`);
  const files = reportFiles(inputs.outputDir ?? path.join(step.tempDir, 'preinit-report'));
  const clash = matched.find((j) => j.output === files.json || j.output === files.md);
  if (clash) return { failures: [`${clash.rel}: its output path collides with the report ${path.basename(clash.output)}`] };
  if (matched.length === 0) failures.push(...noFiles(inputs, `No files found for ${inputs.patterns.join(', ')} in ${inputs.workingDirectory}`));
  // Over all matched files: two files of different shares may claim one output.
  const clashes = outputCollisions(matched);
  let jobs = matched;
  if (inputs.shard) {
    const sharded = await shareOf(matched, inputs.shard);
    jobs = sharded.share;
    report.shard = sharded.facts;
  }

  // Pre-initialize and measure
  let options: PreinitOptions;
  try {
    options = await engineOptions(inputs);
  } catch (e) {
    return { failures: [describeError(e)] };
  }
  report.files = await preinitializeFiles(jobs, clashes, options, {
    timeoutMs: inputs.initTimeoutMs,
    brotli: inputs.brotli,
    measureStartup: inputs.measureStartup,
    startupIterations: inputs.startupIterations,
    startupBudgetMs: inputs.startupBudgetMs,
    parallel: inputs.parallel,
    checkReproducible: inputs.checkReproducible,
  }, step.workspace);
  finishTotals(report);

  // Compare, report, publish
  const done = await finish(report, step, new Map(jobs.map((j) => [j.rel, j.output])), files);
  return { failures: [...failures, ...done.failures] };
}
