/**
 * The report's Mermaid chart, parsed by Mermaid's own parser (in a jsdom window, as Mermaid needs
 * a DOM), for 1 to 200 files: ratio bars so none is invisible, unique labels, no line across
 * unrelated files, and a note for what is not charted. Rendered in Chromium: scripts/render-report.mjs.
 */
import { execFileSync } from 'node:child_process';
import { chart, MAX_BARS, uniqueLabels } from '../src/action/chart.js';
import type { FileReport } from '../src/report/schema.js';
import { file, report } from './support/reports.js';

/** Mermaid's verdict on each text: its diagram type, or its parse error. */
function parse(...texts: string[]): Array<{ type?: string; error?: string }> {
  return JSON.parse(execFileSync(process.execPath, ['__tests__/support/mermaid-parse.mjs'], { input: JSON.stringify(texts), encoding: 'utf8' }));
}

/** The Mermaid text inside the chart's code fence. */
const mermaidText = (lines: string[]) => lines.slice(1, lines.indexOf('```', 1)).join('\n');
const parsesAsXychart = (lines: string[]) => expect(parse(mermaidText(lines))).toEqual([{ type: 'xychart' }]);
const axisLabels = (lines: string[]) => JSON.parse(lines.find((l) => l.startsWith('  x-axis '))!.slice('  x-axis '.length)) as string[];
const barValues = (lines: string[]) => JSON.parse(lines.find((l) => l.startsWith('  bar '))!.slice('  bar '.length)) as number[];

function timed(p: string, inputMs: number, outputMs: number): FileReport {
  return { ...file(p, 1000, 5000), startup: { inputMs, outputMs, speedup: inputMs / outputMs } };
}

describe('chart', () => {
  test('the parser used here does reject a broken chart', () => {
    expect(parse('xychart-beta\n  x-axis [a, b\n  bar [1]')[0].error).toMatch(/Parse error/);
  });

  test('speedup bars, largest first, parsed by Mermaid', () => {
    const lines = chart(report([timed('a.wasm', 10, 5), timed('b.wasm', 300, 2), timed('c.wasm', 12, 10)]));
    parsesAsXychart(lines);
    expect(lines).toContain('xychart-beta horizontal');
    expect(axisLabels(lines)).toEqual(['b.wasm 150×', 'a.wasm 2×', 'c.wasm 1.2×']);
    expect(barValues(lines)).toEqual([150, 2, 1.2]);
    expect(lines.some((l) => l.startsWith('  line '))).toBe(false);
  });

  test('without startup figures: output size against input size', () => {
    const lines = chart(report([file('x.wasm', 100, 16500), file('y.wasm', 1000, 1100), file('bad.wasm', 5, null)]));
    parsesAsXychart(lines);
    expect(lines.join('\n')).toContain('Output size against input size');
    expect(barValues(lines)).toEqual([165, 1.1]);
  });

  test('one file, and none', () => {
    parsesAsXychart(chart(report([timed('only.wasm', 3, 1)])));
    expect(chart(report([file('bad.wasm', 5, null)]))).toEqual([]);
  });

  test('labels tell apart files of the same name in different folders', () => {
    expect(uniqueLabels(['web/app.wasm', 'cli/app.wasm', 'lib/x/core.wasm'])).toEqual(['web/app.wasm', 'cli/app.wasm', 'core.wasm']);
    expect(uniqueLabels(['a/b/app.wasm', 'c/b/app.wasm'])).toEqual(['a/b/app.wasm', 'c/b/app.wasm']);
    const long = `${'deep/'.repeat(12)}app.wasm`;
    expect(uniqueLabels([`a/${long}`, `b/${long}`, 'app.wasm'])).toEqual(['a/…/app.wasm', 'b/…/app.wasm', 'app.wasm']);
  });

  test('200 files: the top bars, a height that fits them, and a note naming the rest', () => {
    const files = Array.from({ length: 200 }, (_, i) => timed(`pkg${i % 7}/m${i}/app.wasm`, 10 + i, 5));
    const lines = chart(report(files));
    parsesAsXychart(lines);
    const labels = axisLabels(lines);
    expect(labels).toHaveLength(MAX_BARS);
    expect(new Set(labels.map((l) => l.split(' ')[0])).size).toBe(MAX_BARS);
    expect(labels[0]).toBe('m199/app.wasm 41.8×');
    expect(lines.join('\n')).toContain(`top ${MAX_BARS} of 200`);
    expect(lines[lines.length - 1]).toBe(`+${200 - MAX_BARS} more files not charted (all are in the table above).`);
    const height = Number(lines.find((l) => l.trim().startsWith('height:'))!.split(':')[1]);
    expect(height / MAX_BARS).toBeGreaterThanOrEqual(24);
  });

  test('names with quotes or brackets cannot break the chart', () => {
    const lines = chart(report([timed('we"ird]/[x,y].wasm', 4, 2), timed('ok.wasm', 9, 3)]));
    parsesAsXychart(lines);
  });
});
