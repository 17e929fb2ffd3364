/**
 * The report's chart: one horizontal bar per file, as a ratio, so every bar is visible whatever
 * the files' sizes. With startup figures it shows the speedup (× faster to start); without, the
 * output's size against the input's. Bars are sorted largest first and labelled by the shortest
 * path suffix that tells the files apart. Past MAX_BARS the rest is named in a note, not dropped.
 * GitHub renders Mermaid in job summaries and comments.
 */
import type { FileReport, Report } from '../report/schema.js';

export const MAX_BARS = 30;
const LABEL_MAX = 40;
/** Pixels per bar, so labels never overlap; plus room for the title and axis. */
const BAR_PX = 26;
const FRAME_PX = 110;
const BAR_COLOR = '#2f81f7';

export function chart(report: Report, maxBars = MAX_BARS): string[] {
  const ok = report.files.filter((f) => f.after);
  const timed = ok.filter((f): f is FileReport & { startup: NonNullable<FileReport['startup']> } => f.startup !== null);
  const [title, axis, all] = timed.length > 0
    ? ['Startup speedup from pre-initialization (× faster, median)', 'speedup ×', timed.map((f) => ({ path: f.path, value: f.startup.speedup }))]
    : ['Output size against input size (×)', 'output / input', ok.map((f) => ({ path: f.path, value: f.after!.raw / f.input.raw }))];
  if (all.length === 0) return [];
  const bars = [...all].sort((a, b) => b.value - a.value || (a.path < b.path ? -1 : 1)).slice(0, maxBars);
  const labels = uniqueLabels(bars.map((b) => b.path));
  const top = Math.max(...bars.map((b) => b.value));
  const lines = [
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    '    width: 720',
    `    height: ${FRAME_PX + BAR_PX * bars.length}`,
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${BAR_COLOR}"`,
    '---',
    'xychart-beta horizontal',
    `  title "${title}${all.length > bars.length ? `, top ${bars.length} of ${all.length}` : ''}"`,
    // The value in the label too: a short bar is still read exactly.
    `  x-axis [${labels.map((l, i) => quote(`${l} ${round(bars[i].value)}×`)).join(', ')}]`,
    `  y-axis "${axis}" 0 --> ${niceCeiling(top)}`,
    `  bar [${bars.map((b) => round(b.value)).join(', ')}]`,
    '```',
  ];
  const rest = all.length - bars.length;
  if (rest > 0) lines.push('', `+${rest} more file${rest === 1 ? '' : 's'} not charted (all are in the table above).`);
  return lines;
}

/** For each path, the fewest trailing segments that no other path ends with. */
export function uniqueLabels(paths: string[]): string[] {
  const parts = paths.map((p) => p.split('/'));
  return parts.map((segs, i) => {
    for (let n = 1; n <= segs.length; n++) {
      const tail = segs.slice(-n).join('/');
      const clash = parts.some((other, j) => j !== i && other.slice(-n).join('/') === tail);
      if (!clash || n === segs.length) return shorten(segs.slice(-n));
    }
    return paths[i];
  });
}

/** A long label keeps the segment that sets it apart (its first) and the file name. */
function shorten(segs: string[]): string {
  const label = segs.join('/');
  if (label.length <= LABEL_MAX) return label;
  const kept = segs.length > 2 ? `${segs[0]}/…/${segs[segs.length - 1]}` : label;
  return kept.length <= LABEL_MAX ? kept : `${kept.slice(0, LABEL_MAX - 1)}…`;
}

/** Mermaid strings cannot hold a double quote; a backslash is kept out too. */
function quote(s: string): string {
  return `"${s.replace(/["\\]/g, "'")}"`;
}

function round(n: number): number {
  return n >= 100 ? Math.round(n) : n >= 10 ? Math.round(n * 10) / 10 : Math.round(n * 100) / 100;
}

/** An axis end a little past the longest bar, at a round number. */
function niceCeiling(n: number): number {
  const target = n * 1.08;
  const step = 10 ** Math.floor(Math.log10(target));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * step >= target) return round(m * step);
  return round(target);
}
