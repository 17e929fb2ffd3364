/**
 * The size and startup tables, centred on the change against the base: growth over the input is
 * shown without colour, red and green mark only what moved against the base. Files that did not
 * (below `minimum-change-threshold`, startup within the noise) fold into a <details> block or
 * are left out, as in compressed-size-action.
 */
import type { FileReport, Report } from '../report/schema.js';
import { arrow, cell, code, formatBytes, formatDelta, formatGrowth, ms, times } from './format.js';
import type { SortBy } from './inputs.js';

export interface TableView {
  sortBy: SortBy;
  collapseUnchanged: boolean;
  omitUnchanged: boolean;
}

export const DEFAULT_VIEW: TableView = { sortBy: 'path', collapseUnchanged: true, omitUnchanged: false };

/** Unchanged only with a base to judge against. */
export function unchanged(f: FileReport): boolean {
  return f.status === 'ok' && f.base?.changed === false;
}

/** Path ascending; size, change and speedup largest first (what has none goes last), then path. */
export function sortFiles(files: FileReport[], by: SortBy): FileReport[] {
  const key = (f: FileReport): number | null => {
    if (by === 'size') return f.after?.raw ?? null;
    if (by === 'change') return f.base ? (f.base.bytes === null ? null : Math.abs(f.base.bytes)) : (f.change?.bytes ?? null);
    if (by === 'speedup') return f.startup?.speedup ?? null;
    return 0;
  };
  return [...files].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return x === null ? 1 : y === null ? -1 : y - x;
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
}

function growth(f: FileReport): string {
  return f.change ? formatGrowth(f.change.bytes, f.change.percent) : 'failed';
}

function sizeRows(report: Report, files: FileReport[], total: boolean): string[] {
  const hasBase = report.totals.base !== null;
  const head = ['', 'File', ...(hasBase ? ['vs base'] : []), 'Raw', 'Gzip', 'Brotli', 'Pre-init growth'];
  const rows = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i >= 2 ? ' ---: ' : ' --- ')).join('|')}|`];
  const row = (cells: string[]) => rows.push(`| ${cells.map(cell).join(' | ')} |`);
  for (const f of files) {
    const vs = f.status === 'ok' && f.base ? formatDelta(f.base.bytes, f.base.percent) : '';
    row([
      f.status === 'ok' ? '✅' : '❌',
      code(f.path),
      ...(hasBase ? [vs] : []),
      f.after ? arrow(f.input.raw, f.after.raw) : formatBytes(f.input.raw),
      f.after ? arrow(f.input.gzip, f.after.gzip) : formatBytes(f.input.gzip),
      f.after ? arrow(f.input.brotli, f.after.brotli) : formatBytes(f.input.brotli),
      growth(f),
    ]);
  }
  if (!total) return rows;
  const t = report.totals;
  if (report.files.length > 1 || report.removed.length) {
    row([
      '',
      `**Total** (${t.succeeded} of ${t.files})`,
      ...(hasBase ? [t.base ? formatDelta(t.base.bytes, t.base.percent) : ''] : []),
      `**${arrow(t.input.raw, t.after.raw)}**`,
      arrow(t.input.gzip, t.after.gzip),
      arrow(t.input.brotli, t.after.brotli),
      formatGrowth(t.change.bytes, t.change.percent),
    ]);
  }
  for (const r of report.removed) row(['🗑️', code(r.path), ...(hasBase ? [formatDelta(-r.raw, -100)] : []), `${formatBytes(r.raw)} → removed`, '', '', '']);
  return rows;
}

/** Files split by the view: those shown in full, and the unchanged ones folded or left out. */
function split(report: Report, view: TableView): { shown: FileReport[]; folded: FileReport[]; omitted: number } {
  const files = sortFiles(report.files, view.sortBy);
  const quiet = files.filter(unchanged);
  if (quiet.length === 0 || (!view.omitUnchanged && !view.collapseUnchanged)) return { shown: files, folded: [], omitted: 0 };
  const shown = files.filter((f) => !unchanged(f));
  return view.omitUnchanged ? { shown, folded: [], omitted: quiet.length } : { shown, folded: quiet, omitted: 0 };
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function sizeTable(report: Report, view: TableView): string[] {
  const { shown, folded, omitted } = split(report, view);
  const lines = sizeRows(report, shown, true);
  if (folded.length) {
    lines.push('', `<details><summary>${plural(folded.length, 'unchanged file')}</summary>`, '', ...sizeRows(report, folded, false), '', '</details>');
  }
  if (omitted) lines.push('', `${plural(omitted, 'unchanged file')} not shown (omit-unchanged).`);
  return lines;
}

/** `**42.00×** (39.5–46.7)`: the speedup and its noise interval. */
function speedupCell(s: NonNullable<FileReport['startup']>): string {
  const i = s.interval;
  return `**${times(s.speedup)}**${i ? ` (${i.low.toFixed(1)}–${i.high.toFixed(1)})` : ''}`;
}

function againstBase(f: FileReport): string {
  const b = f.base;
  if (!b) return '';
  if (b.raw === null) return '🆕 new';
  if (b.speedup === undefined || b.speedup === null) return '';
  const was = `was ${times(b.speedup)}`;
  if (b.startup === 'faster') return `🟢 faster (${was})`;
  if (b.startup === 'slower') return `🔴 slower (${was})`;
  if (b.startup === 'same') return `⚪ within noise (${was})`;
  return was;
}

export function startupTable(report: Report, view: TableView): string[] {
  const measured = sortFiles(report.files.filter((f) => f.startup), view.sortBy);
  if (measured.length === 0) return [];
  const hasBase = report.totals.base !== null;
  const rows = [
    `| File | Startup before | Startup after | Speedup (noise) |${hasBase ? ' vs base |' : ''} Verified |`,
    `| --- | ---: | ---: | ---: |${hasBase ? ' ---: |' : ''} :---: |`,
  ];
  for (const f of measured) {
    const s = f.startup!;
    const v = f.verified === null ? '–' : f.verified ? '✅' : '❌';
    rows.push(`| ${cell(code(f.path))} | ${ms(s.inputMs)} | ${ms(s.outputMs)} | ${speedupCell(s)} |${hasBase ? ` ${againstBase(f)} |` : ''} ${v} |`);
  }
  if (report.totals.speedup !== null) rows.push(`| **Geometric mean** | | | **${times(report.totals.speedup)}** |${hasBase ? ' |' : ''} |`);
  return rows;
}
