/**
 * Instruction scanner: walks function bodies and constant expressions opcode by opcode (every
 * prefix: 0xFB GC, 0xFC misc/bulk, 0xFD SIMD, 0xFE threads) to find the instructions the
 * reference refuses, even in code that is never called.
 */
import { malformedAt, Reader, skipLeb } from './binary.js';
import { fail } from './errors.js';
import { SCANNER_WASM } from './scanner-wasm.js';

/** Instructions that mutate tables, drop segments or mutate GC objects: state we cannot snapshot. */
const BANNED_FC: Record<number, string> = {
  9: 'data.drop',
  12: 'table.init',
  13: 'elem.drop',
  14: 'table.copy',
  15: 'table.grow',
  17: 'table.fill',
};
const BANNED_FB: Record<number, string> = {
  5: 'struct.set',
  14: 'array.set',
  16: 'array.fill',
  17: 'array.copy',
  18: 'array.init_data',
  19: 'array.init_elem',
};

/** Past the u32 at `pos`: one byte inline, longer ones checked by the Reader. */
function skipU32(b: Uint8Array, pos: number, end: number): number {
  if (pos < end && b[pos] < 0x80) return pos + 1;
  const r = new Reader(b, pos, end);
  r.u32();
  return r.pos;
}

function skipMemarg(b: Uint8Array, pos: number, end: number): number {
  const multi = b[pos] & 0x40; // the alignment's bit 6 (in its first byte): a memory index follows
  pos = skipU32(b, pos, end);
  if (multi) pos = skipU32(b, pos, end);
  return skipLeb(b, pos, end); // offset (u64 for memory64)
}

function skipBlockType(b: Uint8Array, pos: number, end: number): number {
  if (pos < end && (b[pos] === 0x63 || b[pos] === 0x64)) pos++;
  return skipLeb(b, pos, end); // 0x40, a value type, or a type index: all one s33
}

function memarg(r: Reader): void {
  r.pos = skipMemarg(r.bytes, r.pos, r.end);
}

function blockType(r: Reader): void {
  r.pos = skipBlockType(r.bytes, r.pos, r.end);
}

function valType(r: Reader): void {
  const b = r.u8();
  if (b === 0x63 || b === 0x64) r.skipLeb();
}

/**
 * The immediates of each one-byte opcode. The common shapes are skipped inline on the bytes (a
 * module holds millions of instructions: no object, no call per byte); the rest through a Reader.
 */
const NONE = 0, U32 = 1, U32X2 = 2, LEB = 3, BLOCK = 4, MEMARG = 5, F32 = 6, F64 = 7, OTHER = 8, UNKNOWN = 9;
const SHAPE = new Uint8Array(256).fill(UNKNOWN);
const shape = (kind: number, ...ops: number[]) => ops.forEach((op) => (SHAPE[op] = kind));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
shape(NONE, 0x00, 0x01, 0x05, 0x0a, 0x0b, 0x0f, 0x19, 0x1a, 0x1b, ...range(0x45, 0xc4), 0xd1, 0xd3, 0xd4);
shape(BLOCK, 0x02, 0x03, 0x04, 0x06);
shape(U32, 0x07, 0x08, 0x09, 0x0c, 0x0d, 0x10, 0x12, 0x14, 0x15, 0x18, ...range(0x20, 0x26), 0x3f, 0x40, 0xd2, 0xd5, 0xd6);
shape(U32X2, 0x11, 0x13);
shape(LEB, 0x41, 0x42, 0xd0); // i32.const, i64.const, ref.null's heap type
shape(MEMARG, ...range(0x28, 0x3e));
shape(F32, 0x43);
shape(F64, 0x44);
shape(OTHER, 0x0e, 0x1c, 0x1f, 0xfb, 0xfc, 0xfd, 0xfe);

/** The position after the instruction at `pos`, which must end by `end`. */
export function skipInstruction(b: Uint8Array, pos: number, end: number): number {
  if (pos >= end) malformedAt(pos, 'unexpected end of section or function');
  const op = b[pos];
  const p = pos + 1;
  switch (SHAPE[op]) {
    case NONE: return p;
    case U32: return skipU32(b, p, end);
    case U32X2: return skipU32(b, skipU32(b, p, end), end);
    case LEB: return skipLeb(b, p, end);
    case BLOCK: return skipBlockType(b, p, end);
    case MEMARG: return skipMemarg(b, p, end);
    case F32: return 4 <= end - p ? p + 4 : malformedAt(p, 'unexpected end');
    case F64: return 8 <= end - p ? p + 8 : malformedAt(p, 'unexpected end');
    case OTHER: {
      const r = new Reader(b, p, end);
      other(op, r);
      return r.pos;
    }
    default:
      fail('INVALID_INPUT', `failed to parse Wasm: unknown opcode 0x${op.toString(16)} (at offset 0x${pos.toString(16)})`);
  }
}

/** The immediates of br_table, typed select, try_table and the prefixed opcodes. */
function other(op: number, r: Reader): void {
  switch (op) {
    case 0x0e: {
      const n = r.u32();
      for (let i = 0; i <= n; i++) r.u32();
      break;
    }
    case 0x1c: {
      const n = r.u32();
      for (let i = 0; i < n; i++) valType(r);
      break;
    }
    case 0x1f: {
      blockType(r);
      const n = r.u32();
      for (let i = 0; i < n; i++) {
        const kind = r.u8();
        if (kind === 0 || kind === 1) r.u32();
        r.u32();
      }
      break;
    }
    case 0xfb: gcInstruction(r); break;
    case 0xfc: miscInstruction(r); break;
    case 0xfd: simdInstruction(r); break;
    default: atomicInstruction(r);
  }
}

/** The name of the instruction at `pos` if the reference refuses it. */
function bannedAt(b: Uint8Array, pos: number): string | undefined {
  const op = b[pos];
  if (op === 0x26) return 'table.set';
  if (op !== 0xfb && op !== 0xfc) return undefined;
  const sub = new Reader(b, pos + 1).u32();
  return op === 0xfb ? BANNED_FB[sub] : BANNED_FC[sub];
}

export interface Instruction {
  readonly op: number;
  readonly banned?: string;
}

/** One shared result per opcode: none allocates. */
const PLAIN: readonly Instruction[] = Array.from({ length: 256 }, (_, op) => Object.freeze({ op }));

/**
 * Reads one instruction. Returns its opcode (the prefix byte for prefixed ones) and, for a
 * banned instruction, its name.
 */
export function readInstruction(r: Reader): Instruction {
  const at = r.pos;
  r.pos = skipInstruction(r.bytes, at, r.end);
  const op = r.bytes[at];
  const banned = bannedAt(r.bytes, at);
  return banned ? { op, banned } : PLAIN[op];
}

function gcInstruction(r: Reader): void {
  const sub = r.u32();
  switch (sub) {
    case 0: case 1: case 6: case 7: case 11: case 12: case 13: case 14: case 16:
      r.u32();
      break;
    case 2: case 3: case 4: case 5: case 8: case 9: case 10: case 17: case 18: case 19:
      r.u32();
      r.u32();
      break;
    case 15: case 26: case 27: case 28: case 29: case 30:
      break;
    case 20: case 21: case 22: case 23:
      r.skipLeb();
      break;
    case 24: case 25:
      r.u8();
      r.u32();
      r.skipLeb();
      r.skipLeb();
      break;
    default:
      fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfb subopcode ${sub}`);
  }
}

function miscInstruction(r: Reader): void {
  const sub = r.u32();
  if (sub <= 7 || (sub >= 19 && sub <= 22)) return;
  switch (sub) {
    case 8: case 10: case 12: case 14:
      r.u32();
      r.u32();
      break;
    case 9: case 11: case 13: case 15: case 16: case 17:
      r.u32();
      break;
    default:
      fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfc subopcode ${sub}`);
  }
}

/** Subopcodes inside 0xfd's range that no proposal assigns. */
const SIMD_UNASSIGNED = new Set([0x9a, 0xa2, 0xa5, 0xa6, 0xaf, 0xb0, 0xb2, 0xb3, 0xb4, 0xbb, 0xc2, 0xc5, 0xc6, 0xcf, 0xd0, 0xd2, 0xd3, 0xd4, 0xe2, 0xee]);

function simdInstruction(r: Reader): void {
  const sub = r.u32();
  if (SIMD_UNASSIGNED.has(sub)) fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfd subopcode ${sub}`);
  if (sub <= 11 || sub === 92 || sub === 93) memarg(r);
  else if (sub === 12 || sub === 13) r.skip(16);
  else if (sub >= 21 && sub <= 34) r.u8();
  else if (sub >= 84 && sub <= 91) {
    memarg(r);
    r.u8();
  } else if (sub > 0x113) fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfd subopcode ${sub}`);
}

function atomicInstruction(r: Reader): void {
  const sub = r.u32();
  if (sub === 3) r.u8();
  else if (sub <= 2 || (sub >= 0x10 && sub <= 0x4e)) memarg(r);
  else fail('INVALID_INPUT', `failed to parse Wasm: unknown 0xfe subopcode ${sub}`);
}

/** Scans a function body's instructions (after its locals) up to `end`; fails on a banned one. */
export function scanBody(r: Reader, end: number): void {
  const b = r.bytes;
  let pos = r.pos;
  while (pos < end) {
    const next = skipInstruction(b, pos, end);
    const op = b[pos];
    if (op === 0x26 || op === 0xfb || op === 0xfc) {
      const banned = bannedAt(b, pos);
      if (banned) fail('UNSUPPORTED', `unsupported \`${banned}\` instruction`);
    }
    pos = next;
  }
  r.pos = pos;
}

/** Code sections from this size are scanned with the wasm fast path (its instance costs more than a small scan). */
const WASM_SCAN_FROM = 4096;

/**
 * A `scanBody` for the code section in `bytes` [start, end): from WASM_SCAN_FROM bytes, the
 * common instructions are skipped by scanner.wat (cold JavaScript scans several times slower,
 * and a module holds millions of instructions) and the rest by `scanBody`'s own code, one at a
 * time. The code goes through the scanner's memory a window of whole bodies at a time, which
 * stays small: a fresh page costs more than copying into one already used.
 */
export function bodyScanner(bytes: Uint8Array, start: number, end: number, wasm = end - start >= WASM_SCAN_FROM): (r: Reader, bodyEnd: number) => void {
  if (!wasm) return scanBody;
  const { scan, memory } = (wasmScanner ??= newScanner());
  let heap = new Uint8Array(memory.buffer);
  // The window: `bytes` [base, limit) is at CODE_AT in the scanner's memory.
  let base = 0;
  let limit = 0;
  const load = (from: number, to: number) => {
    limit = Math.min(end, Math.max(to, from + WINDOW));
    const need = CODE_AT + limit - from - memory.buffer.byteLength;
    if (need > 0) {
      memory.grow(Math.ceil(need / 65536));
      heap = new Uint8Array(memory.buffer);
    }
    heap.set(bytes.subarray(from, limit), CODE_AT);
    base = from;
  };
  return (r, bodyEnd) => {
    if (bodyEnd > end) return scanBody(r, bodyEnd); // a body past its section: as the JS scanner reads it
    let pos = r.pos;
    if (pos < base || bodyEnd > limit) load(pos, bodyEnd);
    const shift = CODE_AT - base;
    for (;;) {
      pos = scan(pos + shift, bodyEnd + shift) - shift;
      if (pos >= bodyEnd) break;
      r.pos = pos;
      scanBody(r, skipInstruction(bytes, pos, bodyEnd)); // the one instruction the wasm left
      pos = r.pos;
    }
    r.pos = pos;
  };
}

interface ScannerExports {
  scan(pos: number, end: number): number;
  memory: WebAssembly.Memory;
}

/** Where scanner.wat's memory holds the code (after the shape table), and how much at a time at least. */
const CODE_AT = 256;
const WINDOW = 256 * 1024;
/** The shape scanner.wat leaves to `scanBody`. */
const LEAVE = 8;
/** One per thread, kept: its memory holds a window, or the largest body seen. */
let wasmScanner: ScannerExports | undefined;

function newScanner(): ScannerExports {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(SCANNER_WASM, 'base64')), {});
  const exports = instance.exports as unknown as ScannerExports;
  const shapes = new Uint8Array(exports.memory.buffer, 0, CODE_AT);
  for (let op = 0; op < 256; op++) shapes[op] = SHAPE[op] <= F64 && op !== 0x26 ? SHAPE[op] : LEAVE;
  return exports;
}

/** Skips a constant expression up to and including its final `end`; returns its byte range. */
export function skipConstExpr(r: Reader): { start: number; end: number } {
  const start = r.pos;
  let depth = 0;
  for (;;) {
    const { op } = readInstruction(r);
    if (op === 0x02 || op === 0x03 || op === 0x04) depth++;
    else if (op === 0x0b && depth-- === 0) return { start, end: r.pos };
  }
}
