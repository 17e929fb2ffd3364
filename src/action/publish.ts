/** Publish: the artifact, the sticky PR comment and the step's outputs. */
import * as core from '@actions/core';
import * as path from 'node:path';
import { describeError } from '../engine/errors.js';
import type { Report } from '../report/schema.js';
import type { ArtifactFile, UploadResult } from './artifact.js';
import { upsertComment } from './comment.js';
import type { ActionInputs } from './inputs.js';
import { commentMarker } from './markdown.js';
import type { ReportFiles } from './report.js';
import { GitHubApiError } from './rest.js';

/** Uploads the outputs that succeeded and both reports as one artifact; `outputs` maps report paths to files on disk. */
export async function uploadArtifact(inputs: ActionInputs, name: string, report: Report, outputs: Map<string, string>, files: ReportFiles, tempDir: string): Promise<UploadResult> {
  const artifactFiles: ArtifactFile[] = report.files
    .filter((f) => f.status === 'ok' && f.output)
    .map((f) => ({ source: outputs.get(f.path)!, name: f.output! }));
  artifactFiles.push({ source: files.json, name: 'report.json' }, { source: files.md, name: 'report.md' });
  // The artifact client (and its Azure SDK) is loaded only when something is uploaded.
  const { uploadFiles } = await import('./artifact.js');
  const uploaded = await uploadFiles(artifactFiles, {
    name,
    retentionDays: inputs.retentionDays,
    compressionLevel: inputs.compressionLevel,
    overwrite: inputs.overwrite,
    tempDir,
  });
  core.info(`Artifact ${name}: id ${uploaded.id}, ${uploaded.size} bytes, sha256 ${uploaded.digest}`);
  return uploaded;
}

/** Against the base: a file changed (past the threshold or the noise), is new, failed, or is gone. */
function changedAgainstBase(report: Report): boolean {
  return report.totals.failed > 0 || report.removed.length > 0 || report.files.some((f) => f.base?.changed !== false);
}

/** Whether to create a comment (an existing one is refreshed whenever commenting is on). */
function shouldCreateComment(inputs: ActionInputs, report: Report): { create: boolean; why: string } {
  switch (inputs.comment) {
    case 'always':
      return { create: true, why: 'comment: always' };
    case 'auto':
      return { create: true, why: 'comment: auto' };
    case 'on-change':
      if (!report.totals.base) return { create: report.totals.failed > 0, why: 'comment: on-change needs a base to see a change' };
      if (!changedAgainstBase(report)) return { create: false, why: 'no file changed against the base by minimum-change-threshold or more' };
      return { create: true, why: 'files changed against the base' };
    default:
      return { create: false, why: 'comment: never' };
  }
}

/** Creates or refreshes the sticky comment; returns its id, or null when none was written. */
export async function postComment(inputs: ActionInputs, report: Report, body: string, prNumber: number | null, env: NodeJS.ProcessEnv): Promise<number | null> {
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
  const decision = shouldCreateComment(inputs, report);
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

/** The step's outputs (action.yml lists them). */
export function setOutputs(
  inputs: ActionInputs,
  report: Report,
  outputs: Map<string, string>,
  files: ReportFiles,
  published: { body: string; commentId: number | null; uploaded: UploadResult | null },
): void {
  const t = report.totals;
  const { uploaded } = published;
  core.setOutput('count', String(t.succeeded));
  core.setOutput('failed', String(t.failed));
  core.setOutput(
    'files',
    JSON.stringify(
      report.files.map((f) => ({
        path: f.path,
        input: path.join(inputs.workingDirectory, f.path),
        output: f.output === null ? null : outputs.get(f.path)!,
        status: f.status,
        error: f.error,
        sizeBefore: f.input.raw,
        sizeAfter: f.after?.raw ?? null,
        speedup: f.startup?.speedup ?? null,
      })),
    ),
  );
  core.setOutput('report-path', files.json);
  core.setOutput('report-markdown-path', files.md);
  core.setOutput('comment-body', published.body);
  core.setOutput('total-size-before', String(t.input.raw));
  core.setOutput('total-size-after', String(t.after.raw));
  core.setOutput('total-size-change', String(t.change.bytes));
  core.setOutput('total-size-change-percent', String(t.change.percent));
  core.setOutput('speedup', t.speedup === null ? '' : t.speedup.toFixed(3));
  core.setOutput('artifact-id', uploaded?.id == null ? '' : String(uploaded.id));
  core.setOutput('artifact-url', uploaded?.url ?? '');
  core.setOutput('artifact-digest', uploaded?.digest ?? '');
  core.setOutput('comment-id', published.commentId === null ? '' : String(published.commentId));
  core.setOutput('budget-exceeded', String((report.budget?.exceeded ?? false) || (report.budgets?.broken.length ?? 0) > 0));
}
