/**
 * A real caller, unchanged: componentize-js's `componentize()` with `wizerBin` set to our CLI
 * builds a component from a small JS app whose state is built at top level (fixtures/
 * componentize-js). componentize-js spawns the pre-initializer with its own arguments, an
 * environment without PATH and the engine's arguments on stdin, then checks the result itself;
 * jco runs the component and its exports answer from the snapshotted state. The time against
 * componentize-js's own Wizer is measured by bench/componentize.mjs, not here.
 */
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

test('componentize() with wizerBin = preinit: the component answers from its top-level state', async () => {
  // Between componentize-js and our CLI only a recorder of the invocation (exec, args unchanged).
  const log = path.join(dir, 'invocation.json');
  const recorder = path.join(dir, 'wizer');
  fs.writeFileSync(recorder, `#!${process.execPath}
const fs = require('node:fs');
fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), env: process.env }));
const r = require('node:child_process').spawnSync(process.execPath, [${JSON.stringify(BIN)}, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
`, { mode: 0o755 });

  // The (source, options) form with the WIT as text, as bench/starlingmonkey/prepare.mjs calls it
  // (its WIT path reader fails under jest's VM modules). componentize-js's typings still demand
  // `sourcePath` and lack `witWorld`, which its code takes: hence the cast.
  const source = fs.readFileSync(path.join(APP, 'app.js'), 'utf8');
  const options = { witWorld: fs.readFileSync(path.join(APP, 'app.wit'), 'utf8'), worldName: 'app', wizerBin: recorder };
  const { component } = await componentize(source, options as unknown as Parameters<typeof componentize>[1] & object);

  const invocation = JSON.parse(fs.readFileSync(log, 'utf8')) as { args: string[]; env: Record<string, string> };
  expect(invocation.args).toEqual(expect.arrayContaining(['--allow-wasi', '--wasm-bulk-memory=true', '--inherit-env=true']));
  expect(invocation.args.some((a) => a.startsWith('-o='))).toBe(true);
  expect(invocation.env.PATH).toBeUndefined();

  const exports = await instantiate(component);
  expect(exports.nthPrime(0)).toBe(2);
  expect(exports.nthPrime(1999)).toBe(17389);
  expect(exports.describe()).toBe('2000 primes, last 17389, 2 call(s)');
});
