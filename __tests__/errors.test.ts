/**
 * PreinitError.code: one stable code per class of failure, the same in process and across the
 * worker, every code documented in the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, preinitialize, PreinitError, type ErrorCode, type PreinitOptions } from '../src/engine/index.js';
import type * as Lib from '../src/engine/index.js';
import { wat } from './support/wasm.js';

const INIT = '(func (export "wizer-initialize")';
const cases: Array<{ code: ErrorCode; module: string | Uint8Array; options?: PreinitOptions }> = [
  { code: 'INVALID_INPUT', module: new Uint8Array() },
  { code: 'INVALID_INPUT', module: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x0a, 0x7f]) },
  { code: 'INIT_FUNC', module: '(module (func (export "other")))' },
  { code: 'INIT_FUNC', module: '(module (func (export "wizer-initialize") (param i32)))' },
  { code: 'UNSUPPORTED', module: `(module (import "env" "m" (memory 1)) ${INIT}))` },
  { code: 'UNSUPPORTED', module: `(module (table 1 funcref) (func $f) ${INIT} (table.set (i32.const 0) (ref.func $f))) (elem declare func $f))` },
  { code: 'TRAP', module: `(module ${INIT} unreachable))` },
  { code: 'UNKNOWN_IMPORT', module: `(module (import "env" "f" (func $f)) ${INIT} (call $f)))` },
  { code: 'WASI_NOT_ALLOWED', module: `(module (import "wasi_snapshot_preview1" "sched_yield" (func $y (result i32))) ${INIT} (drop (call $y))))` },
  {
    code: 'NONDETERMINISTIC',
    module: `(module (import "wasi_snapshot_preview1" "random_get" (func $r (param i32 i32) (result i32))) (memory (export "memory") 1)
      ${INIT} (drop (call $r (i32.const 0) (i32.const 8)))))`,
    options: { allowWasi: true, deterministic: true },
  },
  { code: 'LIMIT', module: `(module (memory 1) ${INIT} (drop (memory.grow (i32.const 100)))))`, options: { maxMemory: 2 ** 20 } },
  { code: 'USAGE', module: `(module ${INIT}) (func (export "a")))`, options: { renames: [{ dst: 'x', src: 'a' }, { dst: 'x', src: 'a' }] } },
  { code: 'IO', module: `(module ${INIT}))`, options: { allowWasi: true, preopens: [{ guest: '/d', host: '/nonexistent-preinit-dir' }] } },
];

// The worker is the built module (lib/), as users get it; npm test builds lib/ first.
const lib = (): Promise<typeof Lib> => import(path.resolve('lib/engine/index.js'));

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    // lib/'s PreinitError is not src/'s class: compare by name.
    if (!(err instanceof Error) || err.name !== 'PreinitError') throw err;
    expect(err.message).not.toContain('\n');
    return (err as PreinitError).code;
  }
  throw new Error('expected a PreinitError');
}

test.each(cases.map((c, i) => [i, c.code, c] as const))('case %d: %s, in process and in the worker', async (_i, code, c) => {
  const input = typeof c.module === 'string' ? await wat(c.module) : c.module;
  expect(await codeOf(() => preinitialize(input, c.options))).toBe(code);
  const { preinitializeIsolated } = await lib();
  expect(await codeOf(() => preinitializeIsolated(input, c.options))).toBe(code);
});

test('an init that never ends is a LIMIT', async () => {
  const input = await wat(`(module ${INIT} (loop $l (br $l))))`);
  const { preinitializeIsolated } = await lib();
  expect(await codeOf(() => preinitializeIsolated(input, {}, { timeoutMs: 300 }))).toBe('LIMIT');
});

test('every code is documented in the README', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  for (const code of Object.keys(ERROR_CODES)) expect(readme).toMatch(new RegExp(`\\| \`${code}\` \\|`));
});
