// `npm test`: builds lib/, type-checks the tests, runs the whole jest suite on this Node (20 on developer machines),
// then the suites that must also hold on GitHub's runtime (NODE24_SUITES) on Node 24, and
// prints one closing line `total: N passed, N failed` summed from jest's JSON results.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24Path, referenceWizerPath } from './tools.js';

const NODE24_SUITES = '__tests__/(engine-diff|action|component|wasmtime|instructions|relaxed-simd|segment-cap).*\\.test\\.ts';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);

// The oracle is installed before jest starts, once, and handed to every test by path.
const env = { ...process.env, PREINIT_REFERENCE_WIZER: referenceWizerPath() };

function run(cmd, args) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

// Build lib/ (and the CLI bundle in it), then type-check the tests too (ts-jest transpiles them without checking).
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (run(process.execPath, [tsc, '-p', 'tsconfig.json']) !== 0) process.exit(1);
if (run(process.execPath, [path.join(root, 'scripts', 'bundle.js'), '--cli']) !== 0) process.exit(1);
if (run(process.execPath, [tsc, '-p', 'tsconfig.test.json']) !== 0) process.exit(1);
fs.mkdirSync(path.join(root, '.cache'), { recursive: true });

const runs = [
  { label: `node ${process.versions.node}`, node: process.execPath, args: [] },
  { label: 'node 24', node: node24Path(), args: ['--testPathPatterns', NODE24_SUITES] },
];
let passed = 0;
let failed = 0;
let status = 0;
for (const [i, r] of runs.entries()) {
  const out = path.join(root, '.cache', `jest-${i}.json`);
  fs.rmSync(out, { force: true });
  // VM modules are what ts-jest's ESM mode needs; their ExperimentalWarning is noise here.
  const code = run(r.node, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jest, '--json', `--outputFile=${out}`, ...r.args, ...extra]);
  if (code !== 0) status = code;
  if (!fs.existsSync(out)) {
    console.log(`${r.label}: jest wrote no results`);
    status ||= 1;
    failed++;
    continue;
  }
  const res = JSON.parse(fs.readFileSync(out, 'utf8'));
  const suiteErrors = res.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
  passed += res.numPassedTests;
  failed += res.numFailedTests + suiteErrors;
  console.log(`${r.label}: ${res.numPassedTests} passed, ${res.numFailedTests + suiteErrors} failed`);
}
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(status);
