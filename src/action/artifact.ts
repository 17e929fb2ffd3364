/**
 * Artifacts with the official client: upload the outputs and reports, download a base run's
 * report (REST token), and list, download and delete this run's shard artifacts (runtime token).
 */
import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runUrl } from '../report/build.js';

export interface ArtifactFile {
  /** Absolute path of the file to upload. */
  source: string;
  /** Its path inside the artifact (`/`-separated). */
  name: string;
}

export interface UploadOptions {
  name: string;
  retentionDays?: number;
  compressionLevel?: number;
  overwrite: boolean;
  /** Scratch directory (RUNNER_TEMP) where the artifact's tree is laid out. */
  tempDir: string;
}

export interface UploadResult {
  id: number | null;
  size: number | null;
  digest: string | null;
  url: string | null;
}

function artifactUrl(id: number | null, env: NodeJS.ProcessEnv = process.env): string | null {
  const run = runUrl(env);
  return id === null || run === null ? null : `${run}/artifacts/${id}`;
}

/** Lays the files out under one root (hard links where possible, copies otherwise), then uploads. */
export async function uploadFiles(files: ArtifactFile[], opts: UploadOptions): Promise<UploadResult> {
  const root = await fs.promises.mkdtemp(path.join(opts.tempDir, 'preinit-artifact-'));
  try {
    const staged: string[] = [];
    for (const f of files) {
      const dest = path.join(root, ...f.name.split('/'));
      await fs.promises.mkdir(path.dirname(dest), { recursive: true });
      try {
        await fs.promises.link(f.source, dest);
      } catch {
        await fs.promises.copyFile(f.source, dest);
      }
      staged.push(dest);
    }
    const client = new DefaultArtifactClient();
    if (opts.overwrite) {
      try {
        await client.deleteArtifact(opts.name);
        core.info(`Deleted the earlier artifact named ${opts.name}`);
      } catch (e) {
        if (!(e instanceof ArtifactNotFoundError)) throw e;
      }
    }
    const res = await client.uploadArtifact(opts.name, staged, root, {
      retentionDays: opts.retentionDays,
      compressionLevel: opts.compressionLevel,
    });
    const id = res.id ?? null;
    return { id, size: res.size ?? null, digest: res.digest ?? null, url: artifactUrl(id) };
  } finally {
    await fs.promises.rm(root, { recursive: true, force: true });
  }
}

export interface DownloadTarget {
  token: string;
  /** `owner/name`. */
  repository: string;
  workflowRunId: number;
}

/**
 * Downloads (and unzips) an artifact into `dir`: of this run with the runtime token, or of
 * another run (`from`) through the public API.
 */
export async function downloadArtifact(id: number, dir: string, from?: DownloadTarget): Promise<void> {
  const findBy = from && { token: from.token, workflowRunId: from.workflowRunId, repositoryOwner: from.repository.split('/')[0], repositoryName: from.repository.split('/')[1] };
  // The client's unzip (unzip-stream) still calls `new Buffer()`: Node prints DEP0005 to the
  // step's log on every download (actions/toolkit#2003). Not ours to fix, so not shown.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    await new DefaultArtifactClient().downloadArtifact(id, { path: dir, findBy });
  } finally {
    process.noDeprecation = quiet;
  }
}

export interface RunArtifact {
  id: number;
  name: string;
}

/** Every artifact this run's jobs have uploaded so far (the runtime token's run). */
export async function listRunArtifacts(): Promise<RunArtifact[]> {
  const { artifacts } = await new DefaultArtifactClient().listArtifacts();
  return artifacts.map((a) => ({ id: a.id, name: a.name }));
}

/** Deletes an artifact of this run by name, with the runtime token (no REST permission needed). */
export async function deleteRunArtifact(name: string): Promise<void> {
  await new DefaultArtifactClient().deleteArtifact(name);
}
