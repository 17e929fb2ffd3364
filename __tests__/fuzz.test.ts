/**
 * Mutation fuzzing, bounded and seeded: thousands of mutants (bit flips, byte insertions and
 * deletions, truncations, LEB corruptions, section id swaps, dropped/duplicated/swapped sections,
 * huge counts) of WAT-built seeds and of the small fixtures/wasm programs. No mutant may escape
 * as anything but a one-line PreinitError, and every success must validate.
 *
 * Hangs: a mutant that V8 rejects never runs code, so those run in this process on src/. A mutant
 * that validates may loop forever in init: those run in a worker (support/fuzz-runner.mjs, on the
 * engine built in lib/) that is killed after a per-case timeout, and the first ones that time out
 * are run again through the engine's own isolation (preinitializeIsolated, lib/engine/isolate.js)
 * to check it ends them with a clean error. The longer run is scripts/fuzz.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { preinitialize, PreinitError, type PreinitOptions } from '../src/engine/index.js';
import { detectKind } from '../src/engine/binary.js';
import { validates, wat } from './support/wasm.js';
import { mutate, SEED_WATS } from './support/mutate.mjs';
import { IsolatedRunner } from './support/fuzz-runner.mjs';

const MUTANTS_PER_WAT_SEED = 450;
const MUTANTS_PER_FIXTURE = 150;
const CASE_TIMEOUT_MS = 3000;
const MAX_MEMORY = 256 * 1024 * 1024;
/** Fixtures small enough to fuzz in the suite (the Rust ones take ~25 ms just to validate). */
const FIXTURE_LIMIT = 100_000;

interface Seed {
  name: string;
  bytes: Uint8Array;
  options: PreinitOptions;
}

interface Outcome {
  seed: string;
  mutation: number;
  op: string;
  section: number;
  where: 'in-process' | 'worker';
  result: 'success' | 'clean-error' | 'crash' | 'timeout' | 'invalid-output' | 'bad-message';
  detail?: string;
}

const base: PreinitOptions = { inheritStdio: false, maxMemory: MAX_MEMORY, stdout: () => {}, stderr: () => {} };

async function seeds(): Promise<Seed[]> {
  const out: Seed[] = [];
  for (const [name, text] of Object.entries(SEED_WATS)) out.push({ name, bytes: await wat(text, true), options: { ...base } });
  const dir = path.resolve('fixtures/wasm');
  if (fs.existsSync(dir)) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.wasm')).sort()) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)));
      if (bytes.length > FIXTURE_LIMIT) continue;
      const options: PreinitOptions = { ...base, allowWasi: true };
      if (file.startsWith('c-readfile')) options.preopens = [{ guest: '/data', host: path.resolve('fixtures/data') }];
      out.push({ name: file, bytes, options });
    }
  }
  return out;
}

function oneLine(message: string): boolean {
  return message.length > 0 && !/[\r\n]/.test(message);
}

describe('mutation fuzzing', () => {
  const outcomes: Outcome[] = [];
  let runners: IsolatedRunner[] = [];
  let seedList: Seed[];

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve('lib/engine/index.js'))) throw new Error('lib/ is not built: run `npx tsc -p tsconfig.json` (npm test does)');
    seedList = await seeds();
    // V8-rejected mutants run here first; the ones that validate are queued for the workers.
    const queued: Array<{ seed: Seed; m: number; mutant: ReturnType<typeof mutate> }> = [];
    for (const seed of seedList) {
      const count = seed.name.endsWith('.wasm') ? MUTANTS_PER_FIXTURE : MUTANTS_PER_WAT_SEED;
      for (let m = 0; m < count; m++) {
        const mutant = mutate(seed.bytes, (m + 1) * 7919 + seed.bytes.length);
        const kind = detectKind(mutant.bytes);
        if (!(kind === 'unknown' || (kind === 'module' && !validates(mutant.bytes)))) {
          queued.push({ seed, m, mutant });
          continue;
        }
        const record = (result: Outcome['result'], detail?: string) =>
          outcomes.push({ seed: seed.name, mutation: m, op: mutant.op, section: mutant.section, where: 'in-process', result, detail });
        try {
          const { output } = await preinitialize(mutant.bytes, seed.options);
          record(validates(output) ? 'success' : 'invalid-output');
        } catch (err) {
          if (!(err instanceof PreinitError)) record('crash', String((err as Error)?.stack ?? err).split('\n').slice(0, 3).join(' | '));
          else if (!oneLine(err.message)) record('bad-message', err.message);
          else record('clean-error', err.message);
        }
      }
    }
    runners = [0, 1].map(() => new IsolatedRunner({ resourceLimits: { maxOldGenerationSizeMb: 512 } }));
    let next = 0;
    await Promise.all(runners.map(async (runner) => {
      while (next < queued.length) {
        const { seed, m, mutant } = queued[next++];
        const record = (result: Outcome['result'], detail?: string) =>
          outcomes.push({ seed: seed.name, mutation: m, op: mutant.op, section: mutant.section, where: 'worker', result, detail });
        const { stdout: _o, stderr: _e, ...cloneable } = seed.options;
        const r = await runner.run(mutant.bytes, cloneable, CASE_TIMEOUT_MS);
        if (r.timeout) record('timeout');
        else if (r.ok) record(r.outputValid ? 'success' : 'invalid-output');
        else if (r.errorName !== 'PreinitError') record('crash', `${r.errorName}: ${r.stack ?? r.message}`.split('\n').slice(0, 3).join(' | '));
        else if (!r.message || !oneLine(r.message)) record('bad-message', r.message);
        else record('clean-error', r.message);
      }
      await runner.close();
    }));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(runners.map((r) => r.close()));
  });

  const pick = (result: Outcome['result']) => outcomes.filter((o) => o.result === result);

  test('thousands of mutants ran, in process and isolated', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(2500);
    expect(outcomes.filter((o) => o.where === 'worker').length).toBeGreaterThan(100);
    expect(pick('success').length).toBeGreaterThan(50);
    expect(pick('clean-error').length).toBeGreaterThan(1500);
  });

  test('no mutant escapes as anything but a PreinitError', () => {
    expect(pick('crash').map((o) => `${o.seed} #${o.mutation} ${o.op}: ${o.detail}`)).toEqual([]);
  });

  test('every PreinitError is one line', () => {
    expect(pick('bad-message').map((o) => `${o.seed} #${o.mutation} ${o.op}: ${JSON.stringify(o.detail)}`)).toEqual([]);
  });

  test('every success validates', () => {
    expect(pick('invalid-output').map((o) => `${o.seed} #${o.mutation} ${o.op}`)).toEqual([]);
  });

  test('mutants that never finish are ended by the engine\'s own isolation with a clean error', async () => {
    const isolate = await import(pathToFileURL(path.resolve('lib/engine/isolate.js')).href);
    // A deliberate endless init, plus the first mutants that timed out in the fuzz run.
    const endless = await wat('(module (func (export "wizer-initialize") (loop $l (br $l))))');
    const hung = pick('timeout').slice(0, 2).map((o) => {
      const seed = seedList.find((s) => s.name === o.seed)!;
      const { stdout: _o, stderr: _e, ...options } = seed.options;
      return { bytes: mutate(seed.bytes, (o.mutation + 1) * 7919 + seed.bytes.length).bytes, options };
    });
    const run = (bytes: Uint8Array, options: PreinitOptions) =>
      isolate.preinitializeIsolated(bytes, { ...options, ...base }, { timeoutMs: 1000 }).then(() => undefined, (e: unknown) => e);
    const err = await run(endless, {});
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('PreinitError');
    expect((err as Error).message).toMatch(/timeout|did not finish/);
    expect(oneLine((err as Error).message)).toBe(true);
    // A mutant that timed out here may just have been slow on a loaded machine: it must end
    // cleanly, by success or by a one-line PreinitError (a timeout or any other).
    for (const c of hung) {
      const e = await run(c.bytes, c.options);
      if (e === undefined) continue;
      expect((e as Error).name).toBe('PreinitError');
      expect(oneLine((e as Error).message)).toBe(true);
    }
  }, 30_000);

  test('figures', () => {
    const by = (key: (o: Outcome) => string) => outcomes.reduce<Record<string, number>>((acc, o) => ((acc[key(o)] = (acc[key(o)] ?? 0) + 1), acc), {});
    // Printed for the record; the assertions are above.
    console.log(`fuzz: ${outcomes.length} mutants of ${seedList.length} seeds`, by((o) => o.result), by((o) => o.where));
  });
});
