/** report.md, the job summary and the PR comment: the same Markdown, in three cuts. */
import type { FileReport, Report } from '../report/schema.js';
import { chart } from './chart.js';
import { code, formatBytes, formatDelta, formatGrowth, ms, signed, times } from './format.js';
import { DEFAULT_VIEW, sizeTable, startupTable, unchanged, type TableView } from './tables.js';

export const COMMENT_LIMIT = 65536;

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

/** What rendering needs besides the report: links, and how the tables are cut (`sort-by`, `*-unchanged`). */
export interface RenderLinks {
  artifactUrl?: string | null;
  artifactName?: string | null;
  runUrl?: string | null;
  view?: TableView;
}

export function headline(report: Report): string {
  const t = report.totals;
  const parts = [`${t.succeeded} of ${t.files} file${t.files === 1 ? '' : 's'} pre-initialized`];
  if (t.failed) parts.push(`**${t.failed} failed**`);
  if (t.base) {
    const changed = report.files.filter((f) => !unchanged(f)).length;
    parts.push(`**vs base ${formatDelta(t.base.bytes, t.base.percent)}**, ${changed} of ${t.files} file${t.files === 1 ? '' : 's'} changed`);
  }
  if (t.succeeded) parts.push(`output ${formatBytes(t.after.raw)}, ${formatGrowth(t.change.bytes, t.change.percent)} over the inputs`);
  if (t.speedup !== null) parts.push(`startup **${times(t.speedup)}** faster (geometric mean)`);
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
  const view = links.view ?? DEFAULT_VIEW;
  lines.push(...sizeTable(report, view), '');
  const st = startupTable(report, view);
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
  if (report.budgets) {
    const { checked, broken } = report.budgets;
    if (broken.length === 0) lines.push(`✅ Budgets: ${checked} file check${checked === 1 ? '' : 's'}, all within.`, '');
    else {
      lines.push(`❌ **${broken.length} budget${broken.length === 1 ? '' : 's'} broken** (of ${checked} file checks):`, '');
      for (const b of broken) lines.push(`- ${code(b.path)}: ${b.budget} ${b.limit}, is ${b.actual}`);
      lines.push('');
    }
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
