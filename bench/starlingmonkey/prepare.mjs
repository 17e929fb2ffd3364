#!/usr/bin/env node
// Prepares the StarlingMonkey row of the benchmark: runs @bytecodealliance/componentize-js on
// bench/starlingmonkey/app.js with a stand-in for its Wizer binary (`wizerBin`) that records the
// exact invocation (arguments, environment, stdin, the spliced StarlingMonkey core module and the
// sources directory it preopens) and then runs the real Wizer so that componentize finishes and
// checks its own result. The recording goes to bench/.work/starlingmonkey/ (never committed: the
// module comes from the npm package) as invocation.json + in.wasm + sources/, with the temporary
// paths rewritten to the stable sources/ path, ready for bench/run.mjs to replay with both tools.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const work = join(root, 'bench/.work/starlingmonkey');
const raw = join(work, 'raw');

if (process.argv[2] === '--record') {
  // Running as the stand-in Wizer. argv: --record <real wizer> <wizer args...>
  const [, , , realWizer, ...args] = process.argv;
  const stdin = readFileSync(0);
  delete process.env.PWD; // added by the shim's /bin/sh, not by componentize-js
  const input = args[args.length - 1];
  const sourcesDir = args.find((a) => a.startsWith('--dir='))?.slice('--dir='.length);
  rmSync(raw, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  cpSync(input, join(raw, 'in.wasm'));
  if (sourcesDir) cpSync(sourcesDir, join(raw, 'sources'), { recursive: true });
  writeFileSync(join(raw, 'invocation.json'), JSON.stringify({ args, env: process.env, stdin: stdin.toString('utf8'), sourcesDir, cwd: process.cwd() }, null, 2));
  try {
    execFileSync(realWizer, args, { input: stdin, stdio: ['pipe', 'inherit', 'inherit'], env: process.env });
  } catch (err) {
    process.exit(err.status ?? 1);
  }
  process.exit(0);
}

let componentize;
try {
  ({ componentize } = await import('@bytecodealliance/componentize-js'));
} catch {
  console.error('@bytecodealliance/componentize-js is not installed: npm install --no-save @bytecodealliance/componentize-js@0.22.0');
  process.exit(1);
}
// componentize-js's own Wizer (it depends on @bytecodealliance/wizer 10): the one it would call.
const cjsDir = dirname(dirname(fileURLToPath(import.meta.resolve('@bytecodealliance/componentize-js'))));
let realWizer;
for (const candidate of [join(cjsDir, 'node_modules/@bytecodealliance/wizer-linux-x64/wizer'), join(root, 'node_modules/@bytecodealliance/wizer-linux-x64/wizer')]) {
  if (existsSync(candidate)) { realWizer = candidate; break; }
}
if (!realWizer) throw new Error('no Wizer binary found for componentize-js');

mkdirSync(work, { recursive: true });
// componentize-js spawns Wizer with an environment of its own (no PATH): absolute paths only.
const shim = join(work, 'wizer-shim.sh');
writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${fileURLToPath(import.meta.url)}' --record '${realWizer}' "$@"\n`);
chmodSync(shim, 0o755);

const t0 = Date.now();
const { component } = await componentize(readFileSync(join(here, 'app.js'), 'utf8'), {
  witWorld: readFileSync(join(here, 'app.wit'), 'utf8'),
  worldName: 'app',
  wizerBin: shim,
});
console.log(`componentize-js: component of ${component.length} bytes in ${Date.now() - t0} ms (with its Wizer ${realWizer})`);

// Stable replay: the sources directory moves to work/sources, every path to it is rewritten.
const inv = JSON.parse(readFileSync(join(raw, 'invocation.json'), 'utf8'));
const sources = join(work, 'sources');
rmSync(sources, { recursive: true, force: true });
cpSync(join(raw, 'sources'), sources, { recursive: true });
cpSync(join(raw, 'in.wasm'), join(work, 'in.wasm'));
const fix = (s) => s.split(inv.sourcesDir).join(sources);
const args = inv.args.slice(0, -1).filter((a) => !a.startsWith('-o=') && !a.startsWith('-o')).map(fix);
const replay = { tool: 'componentize-js', recordedArgs: inv.args, args, env: inv.env, stdin: fix(inv.stdin), sources };
writeFileSync(join(work, 'invocation.json'), JSON.stringify(replay, null, 2));
rmSync(raw, { recursive: true, force: true });
console.log(`recorded: wizer ${args.join(' ')}\nstdin: ${replay.stdin}\nenv: ${Object.keys(inv.env).length} variables\n-> ${work}`);
