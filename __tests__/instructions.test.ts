// The instruction scanner against the binary format: opcodes of the reference-type family
// (0xd0–0xd6) carry exactly the immediates the spec gives them. A wrong width swallows or
// invents the next opcode, so a banned instruction is missed or reported where there is none.
import { Reader } from '../src/engine/binary.js';
import fs from 'node:fs';
import path from 'node:path';
import { bodyScanner, readInstruction, scanBody } from '../src/engine/instructions.js';
import { parseModule } from '../src/engine/parse.js';
import { SCANNER_WASM } from '../src/engine/scanner-wasm.js';

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

describe('every opcode against wasm-tools and V8', () => {
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

describe('the wasm fast path (scanner.wat) against the JS scanner', () => {
  /** Where a scan of the whole of `bytes` ends, or its error. */
  const outcome = (bytes: Uint8Array, wasm: boolean): string => {
    const r = new Reader(bytes);
    try {
      (wasm ? bodyScanner(bytes, 0, bytes.length, true) : scanBody)(r, bytes.length);
      return `end ${r.pos}`;
    } catch (err) {
      return (err as Error).message;
    }
  };
  /** The body with its first immediate byte (if a one-byte LEB) written in `n` bytes, the last one `last`. */
  const padded = (body: number[], at: number, n: number, last = 0) =>
    body[at] === undefined || body[at] >= 0x80 ? undefined : [...body.slice(0, at), body[at] | 0x80, ...new Array<number>(n - 2).fill(0x80), last, ...body.slice(at + 1)];

  test('scanner-wasm.ts is scanner.wat, compiled (npm run build:scanner)', async () => {
    const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const bytes = await parse(fs.readFileSync('src/engine/scanner.wat', 'utf8'));
    expect(Buffer.from(bytes).toString('base64')).toBe(SCANNER_WASM);
  });

  test('every opcode, cut at every byte, its first immediate padded to 5 bytes, overlong and out of range: the same end or error', () => {
    const differ: string[] = [];
    let cases = 0;
    for (const opcode of opcodes) {
      const body = bodyFor(opcode);
      const at = opcode.length; // the first immediate byte, if any
      const variants = [
        body,
        ...body.map((_, k) => body.slice(0, k)),
        padded(body, at, 5), padded(body, at, 5, 0x10), padded(body, at, 6), padded(body, at, 10), padded(body, at, 11), padded(body, at, 12),
      ];
      for (const v of variants) {
        if (!v) continue;
        const bytes = Uint8Array.from(v);
        const [js, wasm] = [outcome(bytes, false), outcome(bytes, true)];
        cases++;
        if (js !== wasm) differ.push(`${v.map((b) => b.toString(16)).join(' ')}: js ${js}; wasm ${wasm}`);
      }
    }
    expect(differ.slice(0, 10)).toEqual([]);
    expect(cases).toBeGreaterThan(10_000);
    // A body that runs past the end of its section is read as the JS scanner reads it.
    const body = Uint8Array.from([0x20, 0x00, 0x1a, 0x26, 0x00, 0x0b]);
    expect(() => bodyScanner(body, 0, 3, true)(new Reader(body), body.length)).toThrow('unsupported `table.set` instruction');
  });

  test('real modules: every body scans to the same end either way (fixtures and the StarlingMonkey engine)', () => {
    const files = [
      ...fs.readdirSync('fixtures/wasm').map((f) => path.join('fixtures/wasm', f)),
      'node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm',
    ];
    for (const file of files) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const code = parseModule(bytes, { scanCode: false, validate: false }).sections.find((x) => x.id === 10)!;
      const ends = (wasm: boolean) => {
        const scan = bodyScanner(bytes, code.payload.start, code.payload.end, wasm);
        const r = new Reader(bytes, code.payload.start, code.payload.end);
        const out: number[] = [];
        for (let n = r.u32(); n > 0; n--) {
          const end = r.u32() + r.pos;
          for (let groups = r.u32(); groups > 0; groups--) {
            r.u32();
            if ([0x63, 0x64].includes(r.u8())) r.skipLeb();
          }
          scan(r, end);
          out.push(r.pos);
        }
        return out;
      };
      const wasm = ends(true);
      expect({ file, ends: wasm }).toEqual({ file, ends: ends(false) });
      expect(wasm.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
