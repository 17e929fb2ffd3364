/** Finds the input files and decides where each output goes. */
import * as glob from '@actions/glob';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileJob {
  /** Absolute path of the input. */
  input: string;
  /** Path relative to the working directory, with `/` separators (the name users see). */
  rel: string;
  /** Absolute path of the output (equal to `input` when writing in place). */
  output: string;
  /** The output's path inside the artifact: mirrors `rel` (`.wat` becomes `.wasm`). */
  outRel: string;
}

/** `/`-separated relative path; `..` segments (inputs outside the working directory) become `_up`. */
export function displayPath(root: string, file: string): string {
  return path
    .relative(root, file)
    .split(path.sep)
    .map((s) => (s === '..' ? '_up' : s))
    .join('/');
}

/** A path from the repository root (the workspace), for annotations; undefined outside it. */
export function repoPath(workspace: string, file: string): string | undefined {
  const rel = path.relative(workspace, file).split(path.sep).join('/');
  return rel.startsWith('..') ? undefined : rel;
}

function anchor(root: string, pattern: string): string {
  const neg = pattern.startsWith('!');
  const body = neg ? pattern.slice(1) : pattern;
  // @actions/glob rejects `.`/`..` segments, so resolve them against the working directory first.
  const abs = path.isAbsolute(body) ? path.normalize(body) : path.resolve(root, body);
  const keepSlash = body.endsWith('/') && !abs.endsWith(path.sep) ? path.sep : '';
  return (neg ? '!' : '') + abs + keepSlash;
}

export async function findFiles(
  root: string,
  patterns: string[],
  excludes: string[],
  outputDir: string | null,
): Promise<string[]> {
  const lines = [
    ...patterns.map((p) => anchor(root, p)),
    ...excludes.map((e) => anchor(root, e.startsWith('!') ? e : '!' + e)),
  ];
  // Never pick up our own outputs from an earlier run.
  if (outputDir) lines.push('!' + path.join(outputDir, '**'));
  const globber = await glob.create(lines.join('\n'), { matchDirectories: false, implicitDescendants: false });
  const found = await globber.glob();
  const files = found.filter((f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
  return [...new Set(files)].sort();
}

/** The order of files in a report (by path, code unit by code unit): a merge of shards sorts the same way. */
export function pathOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Output paths mirror the inputs under `outputDir`. A WAT input (`.wat`) yields binary wasm, so
 * its output is named `.wasm`; in place, a WAT file is never overwritten by binary: it gets a
 * `.wasm` sibling instead.
 */
export function planJobs(root: string, files: string[], outputDir: string | null): FileJob[] {
  const jobs = files.map((input) => {
    const rel = displayPath(root, input);
    const outRel = rel.replace(/\.wat$/i, '.wasm');
    const output = outputDir ? path.join(outputDir, ...outRel.split('/')) : input.replace(/\.wat$/i, '.wasm');
    return { input, rel, output, outRel };
  });
  return jobs.sort((a, b) => pathOrder(a.rel, b.rel));
}

/** Jobs whose output path another job already claims (e.g. `a.wat` next to `a.wasm`). */
export function outputCollisions(jobs: FileJob[]): Map<FileJob, FileJob> {
  const seen = new Map<string, FileJob>();
  const clashes = new Map<FileJob, FileJob>();
  for (const j of jobs) {
    const other = seen.get(j.output);
    if (other) clashes.set(j, other);
    else seen.set(j.output, j);
  }
  return clashes;
}
