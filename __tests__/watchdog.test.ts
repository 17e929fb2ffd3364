/**
 * Guest code in the calling thread under `timeoutMs` (watchdog.ts): what lets the CLI run a
 * single core module without a worker. Endless starts and inits are stopped; the
 * thread goes on; a component is refused the option; Ctrl-C still ends the CLI at once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preinitialize, PreinitError } from '../src/engine/index.js';
import { BIN } from './support/cli.js';
import { wat } from './support/wasm.js';

const ENDLESS_INIT = '(module (func (export "wizer-initialize") (loop $l (br $l))))';
const ENDLESS_START = '(module (func $s (loop $l (br $l))) (start $s) (func (export "wizer-initialize")))';
const timedOut = (ms: number) => expect.objectContaining({ code: 'LIMIT', message: `pre-initialization did not finish within ${ms / 1000} s (init timeout); stopped` });

test.each([
  ['an endless init', ENDLESS_INIT],
  ['an endless start function', ENDLESS_START],
])('%s is stopped at timeoutMs, and the thread goes on', async (_name, text) => {
  const started = performance.now();
  await expect(preinitialize(await wat(text), { timeoutMs: 300 })).rejects.toEqual(timedOut(300));
  expect(performance.now() - started).toBeLessThan(20_000);
  // Nothing is left stopped or poisoned: the next pre-initialization works.
  const ok = await preinitialize(await wat('(module (memory 1) (func (export "wizer-initialize") (i32.store (i32.const 0) (i32.const 5))))'), { timeoutMs: 10_000 });
  expect(ok.facts.dataSegments).toBe(1);
});

test('a trap under the watchdog is still reported as the trap', async () => {
  const err = await preinitialize(await wat('(module (func (export "wizer-initialize") unreachable))'), { timeoutMs: 5000 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PreinitError);
  expect((err as PreinitError).message).toBe('the `wizer-initialize` function trapped: wasm trap: wasm `unreachable` instruction executed');
});

test('a component is refused timeoutMs (its guest code runs from promises), before anything runs', async () => {
  const component = fs.readFileSync(path.resolve('fixtures/components/heap.wasm'));
  await expect(preinitialize(component, { allowWasi: true, timeoutMs: 1000 })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('timeoutMs stops core modules only') });
});

test('the CLI, running one module in its own thread, still ends on Ctrl-C during init and leaves no file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-watchdog-'));
  try {
    const input = path.join(dir, 'loop.wasm');
    fs.writeFileSync(input, await wat(ENDLESS_INIT));
    const child = spawn(process.execPath, [BIN, input, '-o', path.join(dir, 'out.wasm')], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500)); // well into the init
    const started = performance.now();
    child.kill('SIGINT');
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGINT');
    expect(performance.now() - started).toBeLessThan(5000); // not the 60 s init timeout
    expect(fs.readdirSync(dir)).toEqual(['loop.wasm']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
