/**
 * Budgets like size-limit's, per file by glob: the output's raw, gzip and brotli sizes at most
 * so much, the startup speedup at least so much, and startup no slower than the base by more
 * than a percentage (judged outside the noise only). A broken budget is an error annotation on
 * the file and fails the step.
 */
import * as core from '@actions/core';
import type { FileReport, Report } from '../report/schema.js';
import { formatBytes } from './format.js';

export interface Budget {
  /** Glob over the file's path (relative to the working directory): `*`, `**`, `?`, `{a,b}`. */
  path: string;
  maxRaw?: number;
  maxGzip?: number;
  maxBrotli?: number;
  minSpeedup?: number;
  /** Percent the speedup may drop against the base's. */
  maxSlowdown?: number;
}

export const BUDGET_KEYS = ['path', 'maxRaw', 'maxGzip', 'maxBrotli', 'minSpeedup', 'maxSlowdown'] as const;

/** A glob as a regular expression over `/`-separated paths. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more whole segments; a trailing `**` anything.
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export interface BrokenBudget {
  path: string;
  /** The budget's key, e.g. `maxGzip`. */
  budget: string;
  limit: string;
  actual: string;
}

function check(f: FileReport, b: Budget): BrokenBudget[] {
  const broken: BrokenBudget[] = [];
  const over = (budget: keyof Budget, limit: number | undefined, actual: number | undefined) => {
    if (limit !== undefined && actual !== undefined && actual > limit) broken.push({ path: f.path, budget, limit: formatBytes(limit), actual: formatBytes(actual) });
  };
  over('maxRaw', b.maxRaw, f.after?.raw);
  over('maxGzip', b.maxGzip, f.after?.gzip);
  over('maxBrotli', b.maxBrotli, f.after?.brotli);
  const s = f.startup;
  if (b.minSpeedup !== undefined && s && s.speedup < b.minSpeedup) {
    broken.push({ path: f.path, budget: 'minSpeedup', limit: `${b.minSpeedup}×`, actual: `${s.speedup.toFixed(2)}×` });
  }
  const was = f.base?.speedup;
  if (b.maxSlowdown !== undefined && s && was && f.base?.startup === 'slower') {
    const drop = (1 - s.speedup / was) * 100;
    if (drop > b.maxSlowdown) {
      broken.push({ path: f.path, budget: 'maxSlowdown', limit: `${b.maxSlowdown}%`, actual: `${drop.toFixed(1)}% slower (${was.toFixed(2)}× → ${s.speedup.toFixed(2)}×)` });
    }
  }
  return broken;
}

/**
 * Checks every budget against the files it matches and records the result in the report.
 * Returns the step's failure line (none when all hold); `fileOf` gives a file's path from the repository root for its annotation.
 */
export function applyBudgets(report: Report, budgets: Budget[], fileOf: (p: string) => string | undefined): string[] {
  if (budgets.length === 0) return [];
  const broken: BrokenBudget[] = [];
  let checked = 0;
  for (const b of budgets) {
    const re = globRegExp(b.path);
    const files = report.files.filter((f) => f.status === 'ok' && re.test(f.path));
    if (files.length === 0) core.warning(`budgets: \`${b.path}\` matches no file that was pre-initialized`);
    checked += files.length;
    for (const f of files) broken.push(...check(f, b));
  }
  report.budgets = { checked, broken };
  for (const x of broken) core.error(`${x.path}: budget ${x.budget} ${x.limit} broken: ${x.actual}`, { title: 'preinit budget', file: fileOf(x.path) });
  return broken.length ? [`${broken.length} budget${broken.length === 1 ? '' : 's'} broken: ${broken.map((x) => `${x.path} ${x.budget}`).join(', ')}`] : [];
}
