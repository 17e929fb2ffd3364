/** Compare: this run against its base report, and the size budget. */
import { percent, sumSizes } from '../report/build.js';
import type { Report } from '../report/schema.js';
import type { SizeLimit } from './inputs.js';

/**
 * Fills `base` on each file and on the totals, and lists files the base had that are gone now.
 * Totals compare everything: all outputs now against all outputs then (new files add, removed
 * files subtract).
 */
export function compareWithBase(report: Report, base: Report): void {
  const baseOk = base.files.filter((f) => f.status === 'ok' && f.after);
  const byPath = new Map(baseOk.map((f) => [f.path, f]));
  const seen = new Set<string>();
  for (const f of report.files) {
    seen.add(f.path);
    const after = f.after;
    const bAfter = byPath.get(f.path)?.after ?? null;
    f.base = {
      raw: bAfter?.raw ?? null,
      gzip: bAfter?.gzip ?? null,
      brotli: bAfter?.brotli ?? null,
      bytes: after && bAfter ? after.raw - bAfter.raw : null,
      percent: after && bAfter ? percent(after.raw - bAfter.raw, bAfter.raw) : null,
    };
  }
  report.removed = baseOk.filter((f) => !seen.has(f.path)).map((f) => ({ path: f.path, raw: f.after!.raw }));
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
