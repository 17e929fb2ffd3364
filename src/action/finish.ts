/**
 * The tail of a run once its files are in the report: compare -> report -> publish. A single job
 * and the merge of shards both end here, so a merged run publishes exactly what one job would;
 * a shard only writes its report and uploads its artifact, leaving the rest to the merge.
 */
import * as core from '@actions/core';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeError } from '../engine/errors.js';
import type { Report } from '../report/schema.js';
import type { UploadResult } from './artifact.js';
import { findBase } from './base.js';
import { applyBudgets } from './budgets.js';
import { applyBudget, compareWithBase } from './compare.js';
import { prNumberOf } from './event.js';
import { repoPath } from './find.js';
import type { ActionInputs } from './inputs.js';
import { renderComment, type RenderLinks } from './markdown.js';
import { postComment, setOutputs, uploadArtifact } from './publish.js';
import { writeJobSummary, writeReportJson, writeReportMd, type ReportFiles } from './report.js';
import { shardArtifactName } from './shard.js';
import type { TableView } from './tables.js';

/** Where this step runs and what it was asked to do. */
export interface Step {
  inputs: ActionInputs;
  env: NodeJS.ProcessEnv;
  prNumber: number | null;
  tempDir: string;
  workspace: string;
}

export interface Finished {
  failures: string[];
  uploaded: UploadResult | null;
}

export function stepOf(inputs: ActionInputs, env: NodeJS.ProcessEnv): Step {
  return {
    inputs,
    env,
    prNumber: inputs.prNumber ?? prNumberOf(env),
    tempDir: env.RUNNER_TEMP || os.tmpdir(),
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
  };
}

/** `if-no-files-found`, when there is nothing to pre-initialize: a failure (returned), a warning or a line. */
export function noFiles(inputs: ActionInputs, msg: string): string[] {
  if (inputs.ifNoFilesFound === 'error') return [msg];
  if (inputs.ifNoFilesFound === 'warn') core.warning(msg);
  else core.info(msg);
  return [];
}

export function viewOf(inputs: ActionInputs): TableView {
  return { sortBy: inputs.sortBy, collapseUnchanged: inputs.collapseUnchanged, omitUnchanged: inputs.omitUnchanged };
}

async function loadBase(report: Report, step: Step): Promise<void> {
  const found = await findBase(step.inputs, step.env, step.tempDir);
  if (found.report) {
    compareWithBase(report, found.report, { threshold: step.inputs.minimumChangeThreshold, stripHash: step.inputs.stripHash });
    report.baseReport = found.source;
  } else if (found.missing !== null) {
    report.noBase = found.missing;
  }
}

/** Failed files, and (for a whole run) the budgets against the base. */
async function judge(report: Report, step: Step): Promise<string[]> {
  const { inputs, workspace } = step;
  const failures: string[] = [];
  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length && inputs.failOnError) {
    failures.push(`${failed.length} of ${report.files.length} file${report.files.length === 1 ? '' : 's'} failed: ${failed.map((f) => f.path).join(', ')}`);
  }
  // A shard sees part of the files: the budgets are the merge's.
  if (inputs.shard) return failures;
  await loadBase(report, step);
  applyBudget(report, inputs.maxSizeIncrease);
  failures.push(...applyBudgets(report, inputs.budgets, (p) => repoPath(workspace, path.join(inputs.workingDirectory, p))));
  if (report.budget?.exceeded) {
    const b = report.budget;
    failures.push(`size budget exceeded: +${b.increase} bytes against the ${b.against}, allowed ${b.allowed} (max-size-increase: ${b.limit})`);
  }
  return failures;
}

/** Uploads; a failure is returned, not thrown (the reports are on disk either way). */
async function upload(report: Report, step: Step, outputs: Map<string, string>, files: ReportFiles, failures: string[]): Promise<UploadResult | null> {
  const { inputs } = step;
  const name = inputs.shard ? shardArtifactName(inputs.artifactName, inputs.shard) : inputs.artifactName;
  try {
    return await uploadArtifact(inputs, name, report, outputs, files, step.tempDir);
  } catch (e) {
    if (e instanceof Error && e.name === 'GHESNotSupportedError') {
      // The artifact service of @actions/artifact v2+ does not exist on GitHub Enterprise Server.
      core.warning(`artifact upload skipped: ${e.message}`);
      return null;
    }
    // Names are unique in a run: a second job given the same share, or a re-run without `overwrite`.
    const twice = inputs.shard && /\(409\)/.test(describeError(e))
      ? ` (another job of this run already uploaded shard ${inputs.shard.index}/${inputs.shard.count}: two matrix entries with the same \`shard\`, or a re-run; \`overwrite: true\` replaces it)`
      : '';
    failures.push(`artifact upload failed: ${describeError(e)}${twice}`);
    return null;
  }
}

/**
 * Compares, writes report.json/report.md, uploads, and (unless a shard) writes the summary and
 * the comment; sets the step's outputs. `outputs`: each file's output on disk, by report path.
 */
export async function finish(report: Report, step: Step, outputs: Map<string, string>, files: ReportFiles): Promise<Finished> {
  const { inputs, env } = step;
  const failures = await judge(report, step);

  // Report
  const links: RenderLinks = { runUrl: report.run.url, artifactName: inputs.artifactName, view: viewOf(inputs) };
  await writeReportJson(files, report);
  await writeReportMd(files, report, links);
  core.info(`Report: ${files.json}`);

  // Publish: a shard uploads even an empty share, for the merge to count it.
  const any = report.files.length > 0;
  let uploaded: UploadResult | null = null;
  if (inputs.upload && (any || inputs.shard)) {
    uploaded = await upload(report, step, outputs, files, failures);
    links.artifactUrl = uploaded?.url ?? null;
    // report.md on disk gets the artifact link too (the uploaded copy predates it).
    if (uploaded) await writeReportMd(files, report, links);
  }
  if (inputs.shard) {
    setOutputs(inputs, report, outputs, files, { body: '', commentId: null, uploaded });
    return { failures, uploaded };
  }
  if (inputs.jobSummary && (any || inputs.ifNoFilesFound !== 'ignore')) await writeJobSummary(report, links, env);
  const body = any ? renderComment(report, inputs.commentKey, links) : '';
  const commentId = any ? await postComment(inputs, report, body, step.prNumber, env) : null;
  setOutputs(inputs, report, outputs, files, { body, commentId, uploaded });
  return { failures, uploaded };
}
