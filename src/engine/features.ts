/**
 * The reference's `--wasm-*` switches. V8 has every feature on, so turning one on changes
 * nothing; turning one off refuses a module that uses it, with the cause wasmtime's validator
 * gives and where it gives it. Walked only when a feature is off: the common path pays nothing.
 */
import { Reader } from './binary.js';
import { fail } from './errors.js';
import { readInstruction } from './instructions.js';
import type { WasmFeature, WasmFeatures } from './types.js';

const CAUSE: Record<WasmFeature, string> = {
  'multi-memory': 'multiple memories',
  'multi-value': 'func type returns multiple values but the multi-value feature is not enabled',
  'bulk-memory': 'bulk memory support is not enabled',
  simd: 'SIMD support is not enabled',
  'relaxed-simd': 'relaxed SIMD support is not enabled',
  'reference-types': 'reference types support is not enabled',
};

const V128 = 0x7b;
const NUMERIC = new Set([0x7f, 0x7e, 0x7d, 0x7c]);

/** Fails with the reference's error when `bytes` (a valid core module) uses a feature turned off. */
export function checkFeatures(bytes: Uint8Array, features: WasmFeatures | undefined): void {
  const off = (f: WasmFeature) => features?.[f] === false;
  if (!features || !Object.values(features).includes(false)) return;
  const moduleError = (f: WasmFeature, at: number): never =>
    fail('INVALID_INPUT', `failed to compile the Wasm module: failed to parse WebAssembly module: ${CAUSE[f]} (at offset 0x${at.toString(16)})`);
  /** A value type's feature, if any: v128 is SIMD, references are reference types. */
  const valType = (s: Reader): WasmFeature | undefined => {
    const b = s.u8();
    if (b === 0x63 || b === 0x64) s.skipLeb();
    if (b === V128) return 'simd';
    return NUMERIC.has(b) ? undefined : 'reference-types';
  };
  const checkValType = (s: Reader) => {
    const at = s.pos;
    const f = valType(s);
    if (f && off(f)) moduleError(f, at);
  };
  let memories = 0;
  let tables = 0;
  let funcIndex = 0;
  const r = new Reader(bytes, 8);
  while (!r.done) {
    const id = r.u8();
    const size = r.u32();
    const end = r.pos + size;
    const s = new Reader(bytes, r.pos, end);
    const count = (each: () => void) => {
      for (let n = s.u32(), i = 0; i < n; i++) each();
    };
    const memory = (at: number) => {
      if (++memories > 1 && off('multi-memory')) moduleError('multi-memory', at);
      const flags = s.u8();
      s.skipLeb();
      if (flags & 1) s.skipLeb();
      if (flags & 8) s.u32();
    };
    const table = (at: number) => {
      checkValType(s);
      if (++tables > 1 && off('reference-types')) moduleError('reference-types', at);
      const flags = s.u8();
      s.skipLeb();
      if (flags & 1) s.skipLeb();
    };
    switch (id) {
      case 1: // types: only plain function types matter here (GC types need reference types anyway)
        count(() => {
          const at = s.pos;
          if (s.peek() !== 0x60) {
            s.pos = end;
            return;
          }
          s.u8();
          count(() => checkValType(s));
          const results = s.u32();
          if (results > 1 && off('multi-value')) moduleError('multi-value', at);
          for (let i = 0; i < results; i++) checkValType(s);
        });
        break;
      case 2: // imports
        count(() => {
          s.name();
          s.name();
          const at = s.pos;
          const kind = s.u8();
          if (kind === 0) {
            s.u32();
            funcIndex++;
          } else if (kind === 1) table(at);
          else if (kind === 2) memory(at);
          else if (kind === 3) {
            checkValType(s);
            s.u8();
          } else s.u32();
        });
        break;
      case 4: count(() => table(s.pos)); break;
      case 5: count(() => memory(s.pos)); break;
      case 6: // globals
        count(() => {
          checkValType(s);
          s.u8();
          code(s, bytes, -1, off);
        });
        break;
      case 10: // code
        count(() => {
          const bodyEnd = s.u32() + s.pos;
          count(() => {
            s.u32();
            checkValType(s);
          });
          code(s, bytes, funcIndex++, off, bodyEnd);
        });
        break;
      case 11: // data: passive segments and explicit memories
        count(() => {
          const at = s.pos;
          const flags = s.u32();
          if (flags === 1 && off('bulk-memory')) moduleError('bulk-memory', at);
          if (flags === 2) s.u32();
          if (flags !== 1) code(s, bytes, -1, off);
          s.skip(s.u32());
        });
        break;
      case 12:
        if (off('bulk-memory')) moduleError('bulk-memory', r.pos);
        break;
      default:
        break;
    }
    r.pos = end;
  }
}

/**
 * Walks instructions up to `end` (a function body) or to the `end` closing a constant
 * expression (`end` omitted); fails on one that needs a feature turned off.
 */
function code(s: Reader, bytes: Uint8Array, func: number, off: (f: WasmFeature) => boolean, end?: number): void {
  let depth = 0;
  while (end === undefined || s.pos < end) {
    const at = s.pos;
    const op = bytes[at];
    const sub = op >= 0xfb ? new Reader(bytes, at + 1).u32() : -1;
    const f = instructionFeature(op, sub, bytes, at);
    if (f && off(f)) {
      const where = func >= 0 ? `failed to compile: wasm[0]::function[${func}]: WebAssembly translation error: ` : '';
      fail('INVALID_INPUT', `failed to compile the Wasm module: ${where}Invalid input WebAssembly code at offset ${at}: ${CAUSE[f]}`);
    }
    readInstruction(s);
    if (end !== undefined) continue;
    if (op === 0x02 || op === 0x03 || op === 0x04) depth++;
    else if (op === 0x0b && depth-- === 0) return;
  }
}

/** The feature an instruction needs beyond the MVP, among those that can be turned off. */
function instructionFeature(op: number, sub: number, bytes: Uint8Array, at: number): WasmFeature | undefined {
  if (op === 0xfd) return sub >= 0x100 && sub <= 0x113 ? 'relaxed-simd' : 'simd';
  if (op === 0xfc) {
    if (sub >= 8 && sub <= 14) return 'bulk-memory';
    if (sub >= 15 && sub <= 17) return 'reference-types';
    return undefined;
  }
  if ((op >= 0xd0 && op <= 0xd2) || op === 0x25 || op === 0x26 || op === 0x1c) return 'reference-types';
  if (op === 0x02 || op === 0x03 || op === 0x04) {
    // A block type that is a type index (a non-negative s33) is multi-value's; value types and
    // the empty type are one byte with bit 6 set.
    const b = bytes[at + 1];
    if (b & 0x80 || (b & 0x40) === 0) return 'multi-value';
  }
  return undefined;
}
