/** report.md, the job summary and the PR comment: the same Markdown, in three cuts. */
import type { FileReport, Report } from '../report/schema.js';
import { chart } from './chart.js';

export const COMMENT_LIMIT = 65536;

export function formatBytes(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1024) return `${n} B`;
  if (abs < 1024 * 1024) return `${(n / 1024).toFixed(2)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

function signed(n: number, text: string): string {
  return n > 0 ? `+${text}` : n < 0 ? `\u2212${text.replace(/^-/, '')}` : text;
}

/** `🔺 +1.20 KiB (+3.1%)`, `🔽 −512 B (−2%)`, `⚪ 0 B`. */
export function formatDelta(bytes: number | null, pct: number | null): string {
  if (bytes === null) return '🆕 new';
  if (bytes === 0) return '⚪ 0 B';
  const icon = bytes > 0 ? '🔺' : '🔽';
  // Past +1000% a factor reads better than a percentage.
  const p = pct === null ? '' : pct >= 1000 ? ` (×${Math.round(1 + pct / 100)})` : ` (${signed(pct, `${pct}%`)})`;
  return `${icon} ${signed(bytes, formatBytes(bytes))}${p}`;
}

function ms(n: number): string {
  if (n >= 100) return `${Math.round(n)} ms`;
  if (n >= 1) return `${n.toFixed(2)} ms`;
  return `${(n * 1000).toFixed(0)} µs`;
}

/** Table cells must not break the table. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

function arrow(a: number, b: number): string {
  return `${formatBytes(a)} → ${formatBytes(b)}`;
}

function sizeTable(report: Report): string[] {
  const hasBase = report.totals.base !== null;
  const head = ['', 'File', 'Raw', 'Gzip', 'Brotli', 'Pre-init change'];
  if (hasBase) head.push('vs base');
  const rows = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i >= 2 ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const f of report.files) {
    const cells = [
      f.status === 'ok' ? '✅' : '❌',
      code(f.path),
      f.after ? arrow(f.input.raw, f.after.raw) : formatBytes(f.input.raw),
      f.after ? arrow(f.input.gzip, f.after.gzip) : formatBytes(f.input.gzip),
      f.after ? arrow(f.input.brotli, f.after.brotli) : formatBytes(f.input.brotli),
      f.change ? formatDelta(f.change.bytes, f.change.percent) : 'failed',
    ];
    if (hasBase) cells.push(f.status === 'ok' && f.base ? formatDelta(f.base.bytes, f.base.percent) : '');
    rows.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  const t = report.totals;
  if (report.files.length > 1 || report.removed.length) {
    const total = [
      '',
      `**Total** (${t.succeeded} of ${t.files})`,
      `**${arrow(t.input.raw, t.after.raw)}**`,
      arrow(t.input.gzip, t.after.gzip),
      arrow(t.input.brotli, t.after.brotli),
      formatDelta(t.change.bytes, t.change.percent),
    ];
    if (hasBase) total.push(t.base ? formatDelta(t.base.bytes, t.base.percent) : '');
    rows.push(`| ${total.map(cell).join(' | ')} |`);
  }
  for (const r of report.removed) {
    const cells = ['🗑️', code(r.path), `${formatBytes(r.raw)} → removed`, '', '', ''];
    if (hasBase) cells.push(formatDelta(-r.raw, -100));
    rows.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return rows;
}

function startupTable(report: Report): string[] {
  const measured = report.files.filter((f) => f.startup);
  if (measured.length === 0) return [];
  const rows = [
    '| File | Startup before | Startup after | Speedup | Verified |',
    '| --- | ---: | ---: | ---: | :---: |',
  ];
  for (const f of measured) {
    const s = f.startup!;
    const v = f.verified === null ? '–' : f.verified ? '✅' : '❌';
    rows.push(`| ${cell(code(f.path))} | ${ms(s.inputMs)} | ${ms(s.outputMs)} | **${s.speedup.toFixed(2)}×** | ${v} |`);
  }
  if (report.totals.speedup !== null) rows.push(`| **Geometric mean** | | | **${report.totals.speedup.toFixed(2)}×** | |`);
  return rows;
}

function detail(f: FileReport): string[] {
  const out = [`#### ${code(f.path)}`];
  if (f.status === 'error') {
    out.push(`❌ ${f.error}`);
    return out;
  }
  const s = f.snapshot!;
  out.push(
    `- kind: ${f.kind}; output: ${code(f.output ?? '')}; sha256: ${code(f.after!.sha256.slice(0, 16))}…`,
    `- mutable globals captured: ${s.globals}; data segments added: ${s.dataSegments}`,
  );
  for (const m of s.memories) {
    out.push(
      `- memory ${m.index}: ${m.pagesBefore} → ${m.pagesAfter} pages of ${formatBytes(m.pageSize)}, ${formatBytes(m.dataBytes)} of data`,
    );
  }
  const calls = Object.entries(s.wasiCalls);
  if (calls.length) out.push(`- WASI calls during init: ${calls.map(([k, v]) => `${code(k)}×${v}`).join(', ')}`);
  if (f.verified !== null) out.push(`- verified: ${f.verified ? '✅ the output starts in the state init left' : '❌ not verified'}`);
  if (f.startup) {
    const st = f.startup;
    out.push(
      `- startup: ${ms(st.inputMs)} → ${ms(st.outputMs)} (**${st.speedup.toFixed(2)}×** cold${st.cachedSpeedup ? `, ${st.cachedSpeedup.toFixed(2)}× with a cached compile` : ''}; median of ${st.iterations ?? '?'} on ${st.engine ?? 'this engine'})`,
    );
  }
  const t = f.timings!;
  out.push(
    `- time: ${ms(t.totalMs)} (parse ${ms(t.parse)}, instrument ${ms(t.instrument)}, run ${ms(t.run)}, snapshot ${ms(t.snapshot)}, rewrite ${ms(t.rewrite)})`,
  );
  for (const w of f.warnings) out.push(`- ⚠️ ${w}`);
  return out;
}

export interface RenderLinks {
  artifactUrl?: string | null;
  artifactName?: string | null;
  runUrl?: string | null;
}

export function headline(report: Report): string {
  const t = report.totals;
  const parts = [`${t.succeeded} of ${t.files} file${t.files === 1 ? '' : 's'} pre-initialized`];
  if (t.failed) parts.push(`**${t.failed} failed**`);
  if (t.succeeded) parts.push(`output ${formatBytes(t.after.raw)} (${formatDelta(t.change.bytes, t.change.percent)})`);
  if (t.base) parts.push(`vs base ${formatDelta(t.base.bytes, t.base.percent)}`);
  if (t.speedup !== null) parts.push(`startup **${t.speedup.toFixed(2)}×** faster (geometric mean)`);
  return parts.join(' · ');
}

/** The full report: report.md and the job summary. */
export function renderReport(report: Report, links: RenderLinks = {}, opts: { details?: boolean } = {}): string {
  const lines: string[] = ['## 🧊 WebAssembly pre-initialization', '', headline(report), ''];
  if (report.noBase) lines.push(`No base to compare with: ${report.noBase}.`, '');
  if (report.files.length === 0) {
    lines.push('No files matched.', '');
    return lines.join('\n');
  }
  lines.push(...sizeTable(report), '');
  const st = startupTable(report);
  if (st.length) lines.push('### Startup', '', ...st, '');
  lines.push(...chart(report), '');
  if (report.budget) {
    const b = report.budget;
    const icon = b.exceeded ? '❌' : '✅';
    lines.push(
      `${icon} Size budget: ${b.limit} against the ${b.against === 'base' ? 'base report' : 'inputs'}; increase ${signed(b.increase, formatBytes(b.increase))}, allowed ${formatBytes(b.allowed)}${b.exceeded ? ' — **exceeded**' : ''}.`,
      '',
    );
  }
  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length) {
    lines.push('### Failed', '');
    for (const f of failed) lines.push(`- ❌ ${code(f.path)}: ${f.error}`);
    lines.push('');
  }
  if (opts.details !== false) {
    lines.push('<details><summary>Snapshot details</summary>', '');
    for (const f of report.files) lines.push(...detail(f), '');
    lines.push('</details>', '');
  }
  const foot: string[] = [];
  if (links.artifactUrl) foot.push(`📦 artifact [${links.artifactName ?? 'preinit'}](${links.artifactUrl})`);
  const b = report.baseReport;
  if (b) foot.push(`base: ${b.branch ? `${code(b.branch)} (artifact ${b.artifactId})` : code(b.path)}${b.sha ? ` @ ${b.sha.slice(0, 7)}` : ''}`);
  foot.push(`${report.tool.name} ${report.tool.version}`);
  lines.push(`<sub>${foot.join(' · ')}</sub>`, '');
  return lines.join('\n');
}

export function commentMarker(key: string): string {
  const safe = key.replace(/--+>?|[<>]/g, '_');
  return `<!-- preinit-action:sticky${safe ? `:${safe}` : ''} -->`;
}

/** The sticky PR comment: marker first, then the report, cut to GitHub's 65,536-character limit. */
export function renderComment(report: Report, key: string, links: RenderLinks = {}, limit = COMMENT_LIMIT): string {
  const marker = commentMarker(key);
  const title = key ? ` (${key})` : '';
  let body = renderReport(report, links, { details: false }).replace(
    '## 🧊 WebAssembly pre-initialization',
    `### 🧊 WebAssembly pre-initialization${title}`,
  );
  const full = `${marker}\n${body}`;
  if (full.length <= limit) return full;
  const where = links.runUrl ? `[the job summary](${links.runUrl})` : 'the job summary';
  const note = `\n\n… truncated: the full report is in ${where}${links.artifactUrl ? ` and the [artifact](${links.artifactUrl})` : ''}.\n`;
  const room = limit - marker.length - 1 - note.length;
  body = body.slice(0, room);
  const nl = body.lastIndexOf('\n');
  if (nl > 0) body = body.slice(0, nl);
  // Do not leave an open code fence behind.
  if ((body.match(/^```/gm) ?? []).length % 2 === 1) body += '\n```';
  return `${marker}\n${body}${note}`.slice(0, limit);
}
