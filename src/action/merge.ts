/**
 * `merge-shards: true`: this run's shard artifacts (`ARTIFACT-shard-K-of-N`) become one report,
 * summary, comment and artifact, through the single job's own tail (finish.ts). N comes from
 * the artifacts; a missing or doubled shard, or shards that disagree, fail the step by name.
 */
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../engine/errors.js';
import { finishTotals, newReport, runContext } from '../report/build.js';
import { parseReport, type Report } from '../report/schema.js';
import type { RunArtifact } from './artifact.js';
import { finish, noFiles, type Step } from './finish.js';
import { pathOrder } from './find.js';
import { reportFiles } from './report.js';
import type { Shard } from './shard.js';

/** Why the shards cannot be merged; the message names them. */
class MergeError extends Error {
  override name = 'MergeError';
}

export interface PickedShard extends Shard {
  artifact: RunArtifact;
}

export interface LoadedShard {
  name: string;
  report: Report;
  /** Where its artifact was unpacked. */
  dir: string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const quoted = (names: string[]) => names.map((n) => `\`${n}\``).join(', ');

/** One artifact per share 1..N, N from their names; throws naming the missing, doubled or stray ones. */
export function pickShards(list: RunArtifact[], artifactName: string): PickedShard[] {
  const re = new RegExp(`^${artifactName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-shard-(\\d+)-of-(\\d+)$`);
  const found = list.flatMap((artifact) => {
    const m = re.exec(artifact.name);
    return m ? [{ index: Number(m[1]), count: Number(m[2]), artifact }] : [];
  });
  if (found.length === 0) {
    throw new MergeError(`no \`${artifactName}-shard-K-of-N\` artifact in this run: do the shard jobs set \`shard: K/N\` and the same \`artifact-name\`, and does this job \`needs:\` them?`);
  }
  const counts = new Set(found.map((s) => s.count));
  if (counts.size > 1) {
    throw new MergeError(`the shards disagree on N (every job of the matrix needs the same N): ${quoted(found.map((s) => s.artifact.name).sort())}`);
  }
  const count = found[0].count;
  const problems: string[] = [];
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !found.some((s) => s.index === k));
  if (missing.length) {
    const names = missing.map((k) => `${artifactName}-shard-${k}-of-${count}`);
    problems.push(
      `${plural(missing.length, 'shard', 'shards')} ${missing.join(', ')} of ${count} ${plural(missing.length, 'is', 'are')} missing ` +
        `(no ${quoted(names)} in this run: ${plural(missing.length, 'its job', 'their jobs')} failed, ${plural(missing.length, 'was', 'were')} cancelled or skipped before uploading)`,
    );
  }
  for (let k = 1; k <= count; k++) {
    const same = found.filter((s) => s.index === k);
    if (same.length > 1) problems.push(`shard ${k} of ${count} was uploaded ${same.length} times (artifacts ${same.map((s) => `${s.artifact.id} \`${s.artifact.name}\``).join(', ')})`);
  }
  const stray = found.filter((s) => s.index < 1 || s.index > count);
  if (stray.length) problems.push(`${quoted(stray.map((s) => s.artifact.name))} ${plural(stray.length, 'is', 'are')} no share of ${count}`);
  if (problems.length) throw new MergeError(problems.join('; '));
  return found.sort((a, b) => a.index - b.index);
}

/** What every shard must have run with, as comparable strings. */
function settings(r: Report): Record<string, string> {
  return {
    'tool version': r.tool.version,
    ...Object.fromEntries(Object.entries(r.options).map(([k, v]) => [k, JSON.stringify(v)])),
    compression: JSON.stringify(r.compression),
  };
}

/** `value in shard-1, shard-2; other in shard-3`. */
function groups(shards: LoadedShard[], key: (s: LoadedShard) => string): string[] {
  const by = new Map<string, string[]>();
  for (const s of shards) by.set(key(s), [...(by.get(key(s)) ?? []), s.name]);
  return [...by].map(([v, names]) => `${v} in ${names.join(', ')}`);
}

/** Throws naming the shards unless they matched the same files and ran with the same options. */
export function checkAgreement(shards: LoadedShard[]): void {
  const prints = groups(shards, (s) => `${s.report.shard!.matched} files (${s.report.shard!.fingerprint.slice(0, 12)})`);
  if (prints.length > 1) {
    throw new MergeError(
      `the shards matched different files, so a file could be dropped or doubled: ${prints.join('; ')}. Every shard must see the same ` +
        'paths and sizes (a build that is not reproducible gives different sizes: build once and pass the files to the shards as an artifact)',
    );
  }
  const all = shards.map((s) => settings(s.report));
  const differ = Object.keys(all[0]).filter((k) => all.some((o) => o[k] !== all[0][k]));
  if (differ.length) {
    throw new MergeError(`the shards disagree on ${differ.join(', ')} (every shard must run with the same inputs): ${differ.map((k) => `${k}: ${groups(shards, (s) => settings(s.report)[k]).join('; ')}`).join('. ')}`);
  }
}

/** The whole run's report: the shards' files in the single job's order, totals over all of them. */
export function mergeReports(shards: LoadedShard[], run: Report['run']): Report {
  const first = shards[0].report;
  const report = newReport(first.tool, run, first.options, 'auto');
  report.compression = first.compression;
  report.files = shards.flatMap((s) => s.report.files).sort((a, b) => pathOrder(a.path, b.path));
  finishTotals(report);
  return report;
}

async function loadShard(s: PickedShard, root: string, download: (id: number, dir: string) => Promise<void>): Promise<LoadedShard> {
  const { name } = s.artifact;
  const dir = path.join(root, String(s.index));
  let report: Report;
  try {
    await download(s.artifact.id, dir);
    report = parseReport(await fs.promises.readFile(path.join(dir, 'report.json'), 'utf8'));
  } catch (e) {
    throw new MergeError(`\`${name}\` could not be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it has no report.json' : describeError(e)}`);
  }
  if (report.shard?.index !== s.index || report.shard.count !== s.count) {
    throw new MergeError(`\`${name}\` holds ${report.shard ? `the report of shard ${report.shard.index} of ${report.shard.count}` : 'no shard report'}`);
  }
  return { name, report, dir };
}

/** Moves each shard's outputs to `outputDir` (the single job's layout); returns them by report path. */
async function placeOutputs(shards: LoadedShard[], outputDir: string): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  for (const s of shards) {
    for (const f of s.report.files) {
      if (f.status !== 'ok' || !f.output) continue;
      const from = path.join(s.dir, ...f.output.split('/'));
      const to = path.join(outputDir, ...f.output.split('/'));
      // A shard never writes `..` (find.ts maps it to `_up`): such a report was not made by one.
      if (path.relative(outputDir, to).startsWith('..')) throw new MergeError(`\`${s.name}\`: its output path ${f.output} leaves \`output-dir\``);
      await fs.promises.mkdir(path.dirname(to), { recursive: true });
      try {
        await fs.promises.rename(from, to);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw new MergeError(`\`${s.name}\`: ${f.output} is in its report but not in the artifact (${describeError(e)})`);
        await fs.promises.copyFile(from, to);
      }
      outputs.set(f.path, to);
    }
  }
  return outputs;
}

async function deleteShards(shards: LoadedShard[], del: (name: string) => Promise<void>): Promise<void> {
  for (const s of shards) {
    try {
      await del(s.name);
    } catch (e) {
      core.warning(`delete-shard-artifacts: \`${s.name}\` was not deleted: ${describeError(e)}`);
    }
  }
  core.info(`Deleted the shard artifacts: ${shards.map((s) => s.name).join(', ')}`);
}

/** The merge step; returns its failures. */
export async function mergeShards(step: Step): Promise<string[]> {
  const started = performance.now();
  const { inputs } = step;
  // The artifact client (and its Azure SDK) is loaded only when needed, as elsewhere.
  const artifacts = await import('./artifact.js');
  const root = await fs.promises.mkdtemp(path.join(step.tempDir, 'preinit-merge-'));
  try {
    let listed: RunArtifact[];
    try {
      listed = await artifacts.listRunArtifacts();
    } catch (e) {
      throw new MergeError(`listing this run's artifacts failed: ${describeError(e)}`);
    }
    const picked = pickShards(listed, inputs.artifactName);
    const shards = await Promise.all(picked.map((s) => loadShard(s, root, artifacts.downloadArtifact)));
    checkAgreement(shards);
    // Never null here: inputs.ts refuses `in-place` with `merge-shards`.
    const outputDir = inputs.outputDir!;
    const outputs = await placeOutputs(shards, outputDir);
    const report = mergeReports(shards, runContext(step.env, step.prNumber));
    core.info(`Merged ${shards.length} shards: ${report.files.length} files (${Math.round(performance.now() - started)} ms)`);
    const failures = report.files.length === 0 ? noFiles(inputs, `No files in the ${shards.length} shards`) : [];
    const done = await finish(report, step, outputs, reportFiles(outputDir));
    // Only once the merged artifact holds every output.
    if (inputs.deleteShardArtifacts && done.uploaded) await deleteShards(shards, artifacts.deleteRunArtifact);
    core.info(`Merge step: ${Math.round(performance.now() - started)} ms`);
    return [...failures, ...done.failures];
  } catch (e) {
    if (e instanceof MergeError) return [`merge-shards: ${e.message}`];
    throw e;
  } finally {
    await fs.promises.rm(root, { recursive: true, force: true });
  }
}
