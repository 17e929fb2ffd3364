/**
 * The base to compare against: a report.json given by path, or on a pull request the newest
 * report artifact that the same workflow uploaded on a push to the PR's base branch.
 */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../engine/errors.js';
import { parseReport, type Report } from '../report/schema.js';
import { baseBranchOf } from './event.js';
import type { ActionInputs } from './inputs.js';
import { apiRoot, GitHubApiError, pages, type RestTarget } from './rest.js';

/** Found: the report and where it came from. Not found: why (null when none was looked for). */
export type BaseLookup = { report: Report; source: NonNullable<Report['baseReport']> } | { report: null; missing: string | null };

/** One entry of GET /repos/{owner}/{repo}/actions/artifacts. */
interface ListedArtifact {
  id: number;
  name: string;
  expired?: boolean;
  created_at?: string | null;
  workflow_run?: { id?: number; repository_id?: number; head_repository_id?: number; head_branch?: string; head_sha?: string } | null;
}

/**
 * The newest unexpired artifact of that name whose run's head is `branch` in this repository
 * (a fork's `main` is not our `main`), over every page of the listing.
 */
async function newestArtifactOf(t: RestTarget, name: string, branch: string): Promise<ListedArtifact | null> {
  let best: ListedArtifact | null = null;
  const url = `${apiRoot(t)}/actions/artifacts?name=${encodeURIComponent(name)}&per_page=100`;
  for await (const list of pages(t, url, (p) => (p as { artifacts?: ListedArtifact[] }).artifacts ?? [])) {
    for (const a of list) {
      const run = a.workflow_run;
      if (a.name !== name || a.expired || run?.head_branch !== branch || typeof run.id !== 'number') continue;
      if (run.head_repository_id !== undefined && run.repository_id !== undefined && run.head_repository_id !== run.repository_id) continue;
      if (!best || (a.created_at ?? '') > (best.created_at ?? '')) best = a;
    }
  }
  return best;
}

async function fromPath(file: string, inputs: ActionInputs): Promise<BaseLookup> {
  const none = (why: string): BaseLookup => {
    core.warning(`base-report ${file}: ${why}; no comparison`);
    return { report: null, missing: `base-report ${file}: ${why}` };
  };
  let report: Report;
  try {
    report = parseReport(await fs.promises.readFile(file, 'utf8'));
  } catch (e) {
    return none((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : describeError(e));
  }
  // Part of a run: every file of the other shards would count as removed.
  if (report.shard) return none(`it is the report of shard ${report.shard.index} of ${report.shard.count}, not of a whole run (compare with the merged one)`);
  const rel = path.relative(inputs.workingDirectory, file) || file;
  return { report, source: { path: rel, createdAt: report.createdAt ?? null, sha: report.run?.sha ?? null } };
}

async function fromArtifact(inputs: ActionInputs, env: NodeJS.ProcessEnv, branch: string, tempDir: string): Promise<BaseLookup> {
  const started = performance.now();
  const what = `no \`${inputs.artifactName}\` report from a run on \`${branch}\``;
  if (!inputs.githubToken || !env.GITHUB_REPOSITORY) {
    core.warning(`base report: not looked up, ${inputs.githubToken ? 'GITHUB_REPOSITORY is not set' : 'no `github-token`'}`);
    return { report: null, missing: `${what} (not looked up: ${inputs.githubToken ? 'no repository' : 'no token'})` };
  }
  const t: RestTarget = { apiUrl: env.GITHUB_API_URL || 'https://api.github.com', repository: env.GITHUB_REPOSITORY, token: inputs.githubToken };
  let found: ListedArtifact | null;
  try {
    found = await newestArtifactOf(t, inputs.artifactName, branch);
  } catch (e) {
    const api = e instanceof GitHubApiError;
    const hint = api && (e.status === 403 || e.status === 404) ? ' (the token needs `permissions: actions: read`)' : '';
    core.warning(`base report: listing artifacts failed: ${api ? e.message : describeError(e)}${hint}`);
    return { report: null, missing: `the artifacts could not be listed${hint}` };
  }
  if (!found) {
    core.info(`Base: ${what} (${Math.round(performance.now() - started)} ms)`);
    return { report: null, missing: what };
  }
  const dir = await fs.promises.mkdtemp(path.join(tempDir, 'preinit-base-'));
  try {
    // The artifact client (and its Azure SDK) is loaded only when a base is downloaded.
    const { downloadArtifact } = await import('./artifact.js');
    await downloadArtifact(found.id, dir, { token: t.token, repository: t.repository, workflowRunId: found.workflow_run!.id! });
    const report = parseReport(await fs.promises.readFile(path.join(dir, 'report.json'), 'utf8'));
    core.info(`Base: artifact ${found.id} from run ${found.workflow_run!.id} on ${branch} (${Math.round(performance.now() - started)} ms)`);
    return {
      report,
      source: {
        path: `${inputs.artifactName}/report.json`,
        createdAt: report.createdAt ?? found.created_at ?? null,
        sha: report.run?.sha ?? found.workflow_run!.head_sha ?? null,
        branch,
        artifactId: found.id,
        runId: found.workflow_run!.id!,
      },
    };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it has no report.json' : describeError(e);
    core.warning(`base report: artifact ${found.id} from ${branch}: ${why}; no comparison`);
    return { report: null, missing: `the \`${inputs.artifactName}\` artifact from \`${branch}\` could not be read (${why})` };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** `auto` looks only on a pull request, only on its base branch: no fallback to another branch. */
export async function findBase(inputs: ActionInputs, env: NodeJS.ProcessEnv, tempDir: string): Promise<BaseLookup> {
  const s = inputs.baseReport;
  if (s.kind === 'path') return fromPath(s.path, inputs);
  const branch = s.kind === 'auto' ? baseBranchOf(env) : null;
  return branch === null ? { report: null, missing: null } : fromArtifact(inputs, env, branch, tempDir);
}
