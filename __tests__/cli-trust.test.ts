/**
 * The CLI's evidence flags: --report, --measure, --optimize, --no-verify, --deterministic,
 * --allow-secrets. Parsing is tested directly; one run goes through the compiled bin
 * (npm test builds lib/ first).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MEASURE_ITERATIONS, parseArgs } from '../src/cli/args.js';
import { parseReport, REPORT_SCHEMA, REPORT_VERSION } from '../src/report/schema.js';
import { wat } from './support/wasm.js';

describe('parsing', () => {
  test('defaults: verify on, nothing else', () => {
    const a = parseArgs(['in.wasm']);
    expect(a).toMatchObject({ verify: true, optimize: false, deterministic: false, allowSecrets: false });
    expect(a.measure).toBeUndefined();
    expect(a.report).toBeUndefined();
  });

  test('every flag in its forms', () => {
    const a = parseArgs(['in.wasm', '--no-verify', '--optimize', '--deterministic', '--allow-secrets=true', '--measure', '--report', 'r.json']);
    expect(a).toMatchObject({ verify: false, optimize: 'O', deterministic: true, allowSecrets: true, measure: DEFAULT_MEASURE_ITERATIONS, report: 'r.json', inputs: ['in.wasm'] });
    expect(parseArgs(['--optimize=Oz', '--measure=5', '--report=x.json', '--allow-secrets=false'])).toMatchObject({ optimize: 'Oz', measure: 5, report: 'x.json', allowSecrets: false });
  });

  test.each([
    [['--optimize=O9'], 'invalid value `O9` for --optimize'],
    [['--measure=0'], 'invalid value `0` for --measure'],
    [['--measure=2.5'], 'invalid value `2.5` for --measure: expected a whole number'],
    [['--report'], 'option --report needs a value'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

test('a run writes the report with sizes, facts and startup', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-trust-'));
  try {
    const input = path.join(dir, 'in.wasm');
    fs.writeFileSync(input, await wat(`(module (memory (export "memory") 1)
      (func $fill (local $i i32)
        (loop $l (i32.store8 (local.get $i) (i32.add (local.get $i) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (i32.const 200)))))
      (func (export "wizer-initialize") (call $fill))
      (func (export "first") (result i32) (i32.load8_u (i32.const 0))))`));
    const bin = path.resolve('bin/preinit.js');
    const res = spawnSync(process.execPath, [bin, input, '-o', path.join(dir, 'out.wasm'), '--measure=3', '--optimize=Oz', '--deterministic', '--report', path.join(dir, 'r.json')], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/in\.wasm: startup [\d.]+ ms -> [\d.]+ ms \([\d.]+x; cached module [\d.]+x; median of 3\)/);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'));
    const [file] = report.files;
    const output = fs.readFileSync(path.join(dir, 'out.wasm'));
    // The action's report.json schema, so the action takes it as a base report.
    expect(report).toMatchObject({ schema: REPORT_SCHEMA, version: REPORT_VERSION, tool: { name: 'preinit' }, options: { deterministic: true, optimize: 'Oz' } });
    expect(() => parseReport(JSON.stringify(report))).not.toThrow();
    expect(file).toMatchObject({ path: input, status: 'ok', kind: 'module', verified: true, input: { raw: fs.statSync(input).size }, after: { raw: output.length } });
    expect(file.optimized).toMatchObject({ level: 'Oz', after: output.length });
    expect(file.startup).toMatchObject({ iterations: 3, speedup: expect.any(Number), inputMs: expect.any(Number) });
    expect(report.totals).toMatchObject({ files: 1, succeeded: 1, failed: 0 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
