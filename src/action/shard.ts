/**
 * `shard: K/N`: which share of the matched files this job pre-initializes.
 *
 * Rendezvous (highest-random-weight) hashing with bounded loads: each file ranks the N shards by
 * a hash of its path and the shard number, and goes to the first one in its ranking that still
 * has room under a capacity of 10% over the mean share. A share's weight is its input bytes plus
 * a fixed cost per file (a worker, compression, verification: worth about 64 KiB of input on the
 * bench), so a share of many tiny inputs does not count as light. Files are placed largest
 * first so the big ones spread out before the small ones fill the gaps. Why this and not a sort
 * or a modulo: a file's place depends only on its own path unless its top shards are full, so
 * adding one file leaves nearly every other where it was (a modulo or size-sorted round robin
 * reshuffles most of them), while the bound keeps the shares within ~10% of each other.
 * Every shard computes the same assignment from the same paths and sizes: no coordination.
 */
import * as crypto from 'node:crypto';
import { InputError } from './input-error.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** A matrix has at most 256 jobs. */
export const MAX_SHARDS = 256;
/** Room over the mean share before a file spills to its next shard. */
const SLACK = 0.1;
/** What one file costs beyond its bytes, in bytes of input. */
export const FILE_COST = 64 * 1024;

export function parseShard(raw: string): Shard {
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(raw.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && index <= count && count <= MAX_SHARDS)) {
    throw new InputError(`input \`shard\` must be K/N with 1 <= K <= N <= ${MAX_SHARDS} (e.g. \`\${{ matrix.shard }}/4\`), got \`${raw.trim()}\``);
  }
  return { index, count };
}

/** The artifact a shard uploads and the merge looks for. */
export function shardArtifactName(artifactName: string, s: Shard): string {
  return `${artifactName}-shard-${s.index}-of-${s.count}`;
}

export interface Sized {
  /** Repo-relative path (the report's `path`). */
  path: string;
  /** Input size in bytes. */
  size: number;
}

/** murmur3's 32-bit finalizer: a cheap, well-mixed per-shard score from the path's hash. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The shards in this file's order of preference (0-based). */
function ranking(p: string, count: number): number[] {
  const h = crypto.createHash('sha256').update(p).digest().readUInt32BE(0);
  const score = Array.from({ length: count }, (_, k) => fmix32((h ^ Math.imul(k + 1, 0x9e3779b9)) >>> 0));
  return score.map((_, k) => k).sort((a, b) => score[b] - score[a] || a - b);
}

/** The 1-based shard of each file, in the order given. Independent of that order. */
export function assignShards(files: Sized[], count: number): number[] {
  const weight = files.map((f) => f.size + FILE_COST);
  const capacity = (weight.reduce((s, w) => s + w, 0) / count) * (1 + SLACK);
  const load = new Array<number>(count).fill(0);
  const order = files.map((_, i) => i).sort((a, b) => weight[b] - weight[a] || (files[a].path < files[b].path ? -1 : files[a].path > files[b].path ? 1 : 0));
  const out = new Array<number>(files.length);
  for (const i of order) {
    const prefs = ranking(files[i].path, count);
    // No shard has room (a file bigger than the slack): the least loaded one, ties by preference.
    const k = prefs.find((s) => load[s] + weight[i] <= capacity) ?? prefs.reduce((best, s) => (load[s] < load[best] ? s : best));
    load[k] += weight[i];
    out[i] = k + 1;
  }
  return out;
}

/**
 * What a merge checks the shards agree on: the matched files' paths and sizes, which decide the
 * assignment. Shards that saw different inputs could drop or double a file.
 */
export function fingerprint(files: Sized[]): string {
  const lines = files.map((f) => `${f.path}\0${f.size}`).sort();
  return crypto.createHash('sha256').update(lines.join('\n')).digest('hex');
}
