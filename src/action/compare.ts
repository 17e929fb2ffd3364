/** Compare: this run against its base report (sizes past the threshold, startup past the noise), and the size budget. */
import { percent, sumSizes } from '../report/build.js';
import type { FileReport, Report } from '../report/schema.js';
import type { SizeLimit } from './inputs.js';

export interface CompareOptions {
  /** A file whose output changed by less than this against the base counts as unchanged. */
  threshold: SizeLimit;
  /** `strip-hash`: applied to both sides' paths before they are matched. */
  stripHash: RegExp | null;
}

/**
 * compressed-size-action's `strip-hash`: the capture groups of the match turn into asterisks,
 * or, with none, the whole match is removed (`app.1a2b3c4d.wasm` -> `app.********.wasm`).
 */
export function hashless(p: string, re: RegExp | null): string {
  if (!re) return p;
  return p.replace(re, (match: string, ...rest: unknown[]) => {
    const groups = rest.slice(0, -2).filter((g): g is string => typeof g === 'string');
    if (groups.length === 0) return '';
    return groups.reduce((m, g) => m.replace(g, '*'.repeat(g.length)), match);
  });
}

type Startup = FileReport['startup'];

/** Faster or slower only when the noise intervals do not overlap; null when either side has none. */
export function startupAgainst(now: Startup, then: Startup): 'faster' | 'slower' | 'same' | null {
  const a = now?.interval;
  const b = then?.interval;
  if (!a || !b) return null;
  if (a.low > b.high) return 'faster';
  if (a.high < b.low) return 'slower';
  return 'same';
}

/**
 * Fills `base` on each file and on the totals, and lists files the base had that are gone now.
 * Totals compare everything: all outputs now against all outputs then (new files add, removed
 * files subtract).
 */
export function compareWithBase(report: Report, base: Report, opts: CompareOptions): void {
  const key = (p: string) => hashless(p, opts.stripHash);
  const baseOk = base.files.filter((f) => f.status === 'ok' && f.after);
  const byPath = new Map(baseOk.map((f) => [key(f.path), f]));
  const seen = new Set<string>();
  for (const f of report.files) {
    seen.add(key(f.path));
    const after = f.after;
    const then = byPath.get(key(f.path));
    const bAfter = then?.after ?? null;
    const bytes = after && bAfter ? after.raw - bAfter.raw : null;
    const startup = startupAgainst(f.startup, then?.startup ?? null);
    f.base = {
      raw: bAfter?.raw ?? null,
      gzip: bAfter?.gzip ?? null,
      brotli: bAfter?.brotli ?? null,
      bytes,
      percent: after && bAfter ? percent(after.raw - bAfter.raw, bAfter.raw) : null,
      changed: bytes === null || (bytes !== 0 && Math.abs(bytes) >= allowedBytes(opts.threshold, bAfter!.raw)) || (startup !== null && startup !== 'same'),
      speedup: f.startup && then?.startup ? then.startup.speedup : null,
      startup,
    };
  }
  report.removed = baseOk.filter((f) => !seen.has(key(f.path))).map((f) => ({ path: f.path, raw: f.after!.raw }));
  const prev = sumSizes(baseOk, (f) => f.after);
  const cur = sumSizes(report.files, (f) => f.after).raw;
  report.totals.base = { ...prev, bytes: cur - prev.raw, percent: percent(cur - prev.raw, prev.raw) };
}

export function formatLimit(l: SizeLimit): string {
  return l.kind === 'percent' ? `${l.value}%` : `${l.value} B`;
}

/** Allowed increase in bytes for a limit relative to a reference size. */
export function allowedBytes(l: SizeLimit, reference: number): number {
  return l.kind === 'bytes' ? l.value : Math.floor((reference * l.value) / 100);
}

/**
 * The size budget: the total output may grow by at most `limit` against the base report when one
 * is given (the usual PR check), else against the total input size (what pre-initialization adds).
 */
export function applyBudget(report: Report, limit: SizeLimit | null): void {
  if (!limit) {
    report.budget = null;
    return;
  }
  const base = report.totals.base;
  const against = base ? 'base' : 'input';
  const reference = base ? (base.raw ?? 0) : report.totals.input.raw;
  const increase = base ? (base.bytes ?? 0) : report.totals.change.bytes;
  const allowed = allowedBytes(limit, reference);
  report.budget = { limit: formatLimit(limit), against, increase, allowed, exceeded: increase > allowed };
}
