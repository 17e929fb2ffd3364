#!/usr/bin/env node
// componentize-js as a real caller: `componentize()` on fixtures/componentize-js/app.js, with
// its own Wizer and with our CLI as `wizerBin`, alternating, N runs each (default 5). Prints the
// medians (and min-max) of the whole componentize() call and of the pre-initializer process it
// spawns (timed by a pass-through shim that execs the tool with the arguments unchanged).
// Usage: node bench/componentize.mjs [N]     (after `npm run build:lib`)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { componentize } from '@bytecodealliance/componentize-js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const work = mkdtempSync(join(tmpdir(), 'bench-componentize-'));
const source = readFileSync(join(root, 'fixtures/componentize-js/app.js'), 'utf8');
const witWorld = readFileSync(join(root, 'fixtures/componentize-js/app.wit'), 'utf8');
// componentize-js's default: the Wizer its own dependency @bytecodealliance/wizer resolves to.
const require = createRequire(import.meta.resolve('@bytecodealliance/componentize-js'));
const ownWizer = (await import(require.resolve('@bytecodealliance/wizer'))).default;

// Wizer 10 keeps wasmtime's compile cache (in ~/.cache/wasmtime): warm after the first run, as it is
// for a user rebuilding the same app; `cold` gives each run an empty cache (XDG_CACHE_HOME).
function shim(name, argv0, pre, cold = false) {
  const file = join(work, name);
  const times = join(work, `${name}.times`);
  const env = cold ? `{ ...process.env, XDG_CACHE_HOME: require('node:fs').mkdtempSync(${JSON.stringify(join(work, 'cache-'))}) }` : 'process.env';
  writeFileSync(file, `#!${process.execPath}
const t0 = process.hrtime.bigint();
const r = require('node:child_process').spawnSync(${JSON.stringify(argv0)}, [...${JSON.stringify(pre)}, ...process.argv.slice(2)], { stdio: 'inherit', env: ${env} });
require('node:fs').appendFileSync(${JSON.stringify(times)}, String(Number(process.hrtime.bigint() - t0) / 1e6) + '\\n');
process.exit(r.status ?? 1);
`, { mode: 0o755 });
  return { file, times };
}

const tools = {
  'its own Wizer, warm compile cache': shim('wizer', ownWizer, []),
  'its own Wizer, cold compile cache': shim('wizer-cold', ownWizer, [], true),
  'preinit (ours)': shim('preinit', process.execPath, [join(root, 'bin/preinit.js')]),
};
const whole = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, tool] of Object.entries(tools)) {
    const t0 = performance.now();
    await componentize(source, { witWorld, worldName: 'app', wizerBin: tool.file });
    whole[name].push(performance.now() - t0);
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = ({ median, min, max }) => `${(median / 1000).toFixed(2)} s (${(min / 1000).toFixed(2)}-${(max / 1000).toFixed(2)})`;
console.log(`componentize-js ${JSON.parse(readFileSync(join(dirname(dirname(fileURLToPath(import.meta.resolve('@bytecodealliance/componentize-js')))), 'package.json'), 'utf8')).version}, ${runs} runs each, alternating; node ${process.version}`);
console.log('| pre-initializer | its process (median, min-max) | whole componentize() |');
console.log('| --- | --- | --- |');
const pre = {};
for (const [name, tool] of Object.entries(tools)) {
  pre[name] = stats(readFileSync(tool.times, 'utf8').trim().split('\n').map(Number));
  console.log(`| ${name} | ${fmt(pre[name])} | ${fmt(stats(whole[name]))} |`);
}
for (const cache of ['warm', 'cold']) {
  console.log(`ours/theirs (pre-initialization, its ${cache} cache): ${(pre['preinit (ours)'].median / pre[`its own Wizer, ${cache} compile cache`].median).toFixed(2)}x`);
}
rmSync(work, { recursive: true, force: true });
