// The instruction scanner against the binary format: opcodes of the reference-type family
// (0xd0–0xd6) carry exactly the immediates the spec gives them. A wrong width swallows or
// invents the next opcode, so a banned instruction is missed or reported where there is none.
import { Reader } from '../src/engine/binary.js';
import { readInstruction } from '../src/engine/instructions.js';

/** Scans a whole expression; returns the opcodes read and the first banned name. */
function scan(bytes: number[]): { ops: number[]; banned?: string } {
  const r = new Reader(Uint8Array.from(bytes));
  const ops: number[] = [];
  while (!r.done) {
    const { op, banned } = readInstruction(r);
    ops.push(op);
    if (banned) return { ops, banned };
  }
  return { ops };
}

describe('instruction scanner', () => {
  test('ref.as_non_null (0xd4) has no immediate: the table.set after it is found', () => {
    // i32.const 0; ref.func 0; ref.as_non_null; table.set 0; end
    expect(scan([0x41, 0x00, 0xd2, 0x00, 0xd4, 0x26, 0x00, 0x0b])).toEqual({ ops: [0x41, 0xd2, 0xd4, 0x26], banned: 'table.set' });
  });

  test('br_on_null (0xd5) takes a label: a label byte 0x26 is not a table.set', () => {
    // block; ref.null func; br_on_null 38; drop; end; end
    expect(scan([0x02, 0x40, 0xd0, 0x70, 0xd5, 0x26, 0x1a, 0x0b, 0x0b])).toEqual({ ops: [0x02, 0xd0, 0xd5, 0x1a, 0x0b, 0x0b] });
  });

  test('br_on_non_null (0xd6) takes a label, ref.is_null and ref.eq none', () => {
    expect(scan([0xd6, 0xcb, 0x01, 0xd1, 0xd3, 0x0b])).toEqual({ ops: [0xd6, 0xd1, 0xd3, 0x0b] });
  });
});

/**
 * Every opcode of every prefix, decoded by our scanner, by wasm-tools' printer (an independent
 * decoder that does not validate) and by V8 (which says whether it knows the opcode at all). Each
 * opcode is followed by zero bytes, which read as a zero immediate of any kind and otherwise as
 * `unreachable`: a scanner that reads one immediate byte too many or too few ends with a
 * different instruction count. npm test runs this suite on Node 24 too.
 */
describe('every opcode against wasm-tools and V8', () => {
  const FILL = new Array<number>(24).fill(0);
  const leb = (n: number) => {
    const out: number[] = [];
    do {
      out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
      n >>>= 7;
    } while (n);
    return out;
  };
  const section = (id: number, payload: number[]) => [id, ...leb(payload.length), ...payload];
  const moduleWith = (body: number[]) => Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]), ...section(3, [1, 0]), ...section(10, [1, ...leb(body.length + 1), 0, ...body]),
  ]);
  /** The body around an opcode: structured ones get the context they need and their own `end`. */
  const bodyFor = (opcode: number[]) => {
    const op = opcode[0];
    if ([0x02, 0x03, 0x04, 0x06, 0x1f].includes(op)) return [...opcode, ...FILL, 0x0b, 0x0b];
    if (op === 0x05) return [0x04, 0x40, ...opcode, ...FILL, 0x0b, 0x0b];
    if (op === 0x07 || op === 0x19) return [0x06, 0x40, ...opcode, ...FILL, 0x0b, 0x0b];
    if (op === 0x18) return [0x06, 0x40, ...opcode, ...FILL, 0x0b];
    return [...opcode, ...FILL, 0x0b];
  };
  const opcodes: number[][] = [];
  for (let op = 0; op <= 0xff; op++) if (op !== 0x0b && (op < 0xfb || op > 0xfe)) opcodes.push([op]);
  for (const [prefix, last] of [[0xfb, 0x40], [0xfc, 0x40], [0xfd, 0x140], [0xfe, 0x80]]) {
    for (let sub = 0; sub <= last; sub++) opcodes.push([prefix, ...leb(sub)]);
  }

  /** Instructions in the body (function `end` excluded), or null when the scanner refuses it. */
  const ours = (body: number[]): number | null => {
    const r = new Reader(Uint8Array.from(body));
    let n = 0;
    try {
      while (!r.done) {
        readInstruction(r);
        n++;
      }
    } catch {
      return null;
    }
    return n - 1;
  };
  const theirs = async (body: number[]): Promise<number | null> => {
    const { print } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    let text: string;
    try {
      text = await print(moduleWith(body));
    } catch {
      return null;
    }
    // One instruction per line between `  (func …` and its closing `  )`.
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('  (func '));
    const end = lines.findIndex((l, i) => i > start && l === '  )');
    return end - start - 1;
  };
  /** V8 knows the opcode when compiling fails for any reason other than the opcode itself. */
  const v8Knows = (body: number[]) => {
    try {
      new WebAssembly.Module(moduleWith(body));
      return true;
    } catch (err) {
      return !/invalid (\w+ )?opcode|Invalid opcode|not available|enable with/.test((err as Error).message);
    }
  };

  test('the scanner reads exactly the immediates wasm-tools reads, for every opcode V8 knows', async () => {
    const mismatches: string[] = [];
    let known = 0;
    for (const opcode of opcodes) {
      const body = bodyFor(opcode);
      const [o, t] = [ours(body), await theirs(body)];
      const name = opcode.map((b) => b.toString(16).padStart(2, '0')).join(' ');
      if (v8Knows(body)) {
        known++;
        if (t === null || o !== t) mismatches.push(`${name}: V8 knows it; ours ${o}, wasm-tools ${t}`);
      } else if (o !== null && o !== t) {
        mismatches.push(`${name}: V8 does not know it, ours decodes ${o}, wasm-tools ${t}`);
      }
    }
    expect(mismatches).toEqual([]);
    console.log(`${known} opcodes known to V8 ${process.versions.node}`);
    // Node 20 has the MVP, SIMD, bulk memory, threads, exceptions and reference types (about 500);
    // Node 24 adds relaxed SIMD and GC.
    expect(known).toBeGreaterThan(Number(process.versions.node.split('.')[0]) >= 24 ? 560 : 500);
  }, 120_000);
});
