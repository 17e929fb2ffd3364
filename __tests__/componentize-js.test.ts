/**
 * A real caller, unchanged: componentize-js's `componentize()` with `wizerBin` set to our CLI
 * builds a component from a small JS app whose state is built at top level (fixtures/
 * componentize-js). componentize-js spawns the pre-initializer with its own arguments, an
 * environment without PATH and the engine's arguments on stdin, then checks the result itself;
 * jco runs the component and its exports answer from the snapshotted state. Then reproducibly:
 * two componentize() runs (each in its own temporary directory) with `--reproducible` give the
 * same snapshot bytes. The time against componentize-js's own Wizer is measured by
 * bench/componentize.mjs, not here.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { componentize } from '@bytecodealliance/componentize-js';
import { BIN } from './support/cli.js';
import { instantiate } from './support/components.js';

const APP = path.resolve('fixtures/componentize-js');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-componentize-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * componentize() on the app with `wizerBin` = a script that runs `body` (JS, given `args`, the
 * arguments componentize-js passed) and then exits with the status of `r`, the child it spawned.
 */
async function componentizeWith(name: string, body: string): Promise<Uint8Array> {
  const bin = path.join(dir, name);
  fs.writeFileSync(bin, `#!${process.execPath}
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
${body}
process.exit(r.status ?? 1);
`, { mode: 0o755 });
  // The (source, options) form with the WIT as text, as bench/starlingmonkey/prepare.mjs calls it
  // (its WIT path reader fails under jest's VM modules). componentize-js's typings still demand
  // `sourcePath` and lack `witWorld`, which its code takes: hence the cast.
  const source = fs.readFileSync(path.join(APP, 'app.js'), 'utf8');
  const options = { witWorld: fs.readFileSync(path.join(APP, 'app.wit'), 'utf8'), worldName: 'app', wizerBin: bin };
  return (await componentize(source, options as unknown as Parameters<typeof componentize>[1] & object)).component;
}

test('componentize() with wizerBin = preinit: the component answers from its top-level state', async () => {
  // Between componentize-js and our CLI only a recorder of the invocation (args unchanged).
  const log = path.join(dir, 'invocation.json');
  const component = await componentizeWith('wizer', `
fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args, env: process.env }));
const r = spawnSync(process.execPath, [${JSON.stringify(BIN)}, ...args], { stdio: 'inherit' });`);

  const invocation = JSON.parse(fs.readFileSync(log, 'utf8')) as { args: string[]; env: Record<string, string> };
  expect(invocation.args).toEqual(expect.arrayContaining(['--allow-wasi', '--wasm-bulk-memory=true', '--inherit-env=true']));
  expect(invocation.args.some((a) => a.startsWith('-o='))).toBe(true);
  expect(invocation.env.PATH).toBeUndefined();

  const exports = await instantiate(component);
  expect(exports.nthPrime(0)).toBe(2);
  expect(exports.nthPrime(1999)).toBe(17389);
  expect(exports.describe()).toBe('2000 primes, last 17389, 2 call(s)');
});

test('reproducible: two componentize() runs with --reproducible give the same snapshot bytes', async () => {
  // componentize-js preopens its temporary sources directory under its host path (--dir), which
  // reproducible mode refuses: the wrapper shows it to the guest as /src instead (in the
  // arguments and in the engine's arguments on stdin), adds --reproducible, and keeps a copy of
  // the snapshot, which componentize-js then checks and turns into the component as usual.
  const snapshots: string[] = [];
  const components: Uint8Array[] = [];
  for (const n of [1, 2]) {
    const copy = path.join(dir, `snapshot-${n}.wasm`);
    components.push(await componentizeWith(`wizer-reproducible-${n}`, `
const src = args.find((a) => a.startsWith('--dir=')).slice('--dir='.length);
const mapped = args.map((a) => (a === '--dir=' + src ? '--mapdir=/src::' + src : a));
const stdin = fs.readFileSync(0, 'utf8').split(src).join('/src');
const r = spawnSync(process.execPath, [${JSON.stringify(BIN)}, '--reproducible', ...mapped], { input: stdin, stdio: ['pipe', 'inherit', 'inherit'] });
if (r.status === 0) fs.copyFileSync(mapped.find((a) => a.startsWith('-o=')).slice(3), ${JSON.stringify(copy)});`));
    snapshots.push(createHash('sha256').update(fs.readFileSync(copy)).digest('hex'));
  }
  expect(snapshots[1]).toBe(snapshots[0]);
  for (const component of components) {
    const exports = await instantiate(component);
    expect(exports.nthPrime(1999)).toBe(17389);
    expect(exports.describe()).toBe('2000 primes, last 17389, 1 call(s)');
  }
});
