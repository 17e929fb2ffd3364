/**
 * Differential tests: each WAT case goes through our engine and the reference Wizer binary with
 * the same options; outputs must be byte-identical, or both must fail with the same message.
 * Where a case has an entry, the snapshot's entry must return what init(); entry() returns.
 */
import { preinitialize, type PreinitOptions } from '../src/engine/index.js';
import { behaviour, reference, wat } from './support/wasm.js';
import { parse } from '@bytecodealliance/jco';
import { DIFF_CASES } from './support/diff-cases.js';

async function ours(bytes: Uint8Array, options: PreinitOptions) {
  try {
    return { ok: true as const, bytes: (await preinitialize(bytes, options)).output };
  } catch (err) {
    return { ok: false as const, error: (err as Error).message };
  }
}

// Node 20 cannot compile multi-memory, memory64 or GC modules: those cases run under Node 24 (npm test).
const NODE24 = Number(process.versions.node.split('.')[0]) >= 24;

describe.each(DIFF_CASES.filter((c) => NODE24 || !c.node24))('$name', (c) => {
  test('matches the reference', async () => {
    const input = c.wasmTools ? await parse(c.wat) : await wat(c.wat, c.names);
    const mine = await ours(input, c.options ?? {});
    const ref = reference(input, c.refArgs ?? []);
    if (c.error) {
      expect(mine).toEqual({ ok: false, error: expect.stringContaining(c.error) });
      expect(ref).toEqual({ ok: false, error: expect.stringContaining(c.error) });
      return;
    }
    if (!mine.ok) throw new Error(`ours failed: ${mine.error}`);
    if (c.beyondReference) {
      expect(ref).toEqual({ ok: false, error: expect.stringContaining(c.beyondReference) });
    } else if (!ref.ok) {
      throw new Error(`reference failed: ${ref.error}`);
    } else {
      expect(Buffer.from(mine.bytes).equals(Buffer.from(ref.bytes))).toBe(true);
    }
    if (c.entry) {
      const { expected, actual } = await behaviour(input, mine.bytes, c.entry, c.options?.initFunc);
      expect(actual).toEqual(expected);
    }
  });
});
