/**
 * Stage 1, parse: validate the input, scan every body for instructions we cannot snapshot, and
 * record the layout the later stages need (sections by byte range, globals, memories, exports,
 * data segments). Sections are never decoded further than that: rewrite copies them verbatim.
 */
import { Reader, bufferSource } from './binary.js';
import { fail } from './errors.js';
import { checkFeatures } from './features.js';
import { bodyScanner, skipConstExpr } from './instructions.js';
import type { WasmFeatures } from './types.js';

export const SECTION = {
  custom: 0, type: 1, import: 2, function: 3, table: 4, memory: 5, global: 6, export: 7,
  start: 8, element: 9, code: 10, data: 11, dataCount: 12, tag: 13,
} as const;

export const EXTERNAL = { func: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

export const RESERVED_PREFIX = '__wizer_';

export interface Range {
  start: number;
  end: number;
}

export interface RawSection {
  id: number;
  /** The whole section: id byte, size, payload. */
  range: Range;
  payload: Range;
  /** Name of a custom section. */
  name?: string;
}

export interface MemoryType {
  /** Byte range of the memory type in the input (limits as written). */
  range: Range;
  flags: number;
  min: bigint;
  max?: bigint;
  shared: boolean;
  memory64: boolean;
  /** log2 of the page size (16 unless custom-page-sizes says otherwise). */
  pageSizeLog2: number;
}

/** First byte of a value type: 0x7f i32, 0x7e i64, 0x7d f32, 0x7c f64, 0x7b v128; others are references. */
export type ValType = number;
export const VAL = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b } as const;

export interface GlobalDef {
  type: ValType;
  mutable: boolean;
  /** Bytes of the value type and mutability flag. */
  typeRange: Range;
  /** Bytes of the initializer expression, including its `end`. */
  init: Range;
}

export interface Import {
  module: string;
  name: string;
  kind: number;
  /** Type index for a function import. */
  typeIndex?: number;
  /** Limits of a memory import. */
  memory?: MemoryType;
}

export interface Export {
  name: string;
  kind: number;
  index: number;
  /** Bytes of the whole export entry in the input. */
  range: Range;
}

export interface DataSegmentDef {
  passive: boolean;
  memory: number;
  range: Range;
}

export interface FuncSig {
  params: number;
  results: number;
  /** The type's encoding when it has a v128 (JS cannot call or implement it) and no references. */
  v128Encoding?: Uint8Array;
}

export interface ParsedModule {
  bytes: Uint8Array;
  sections: RawSection[];
  /** Function signatures by type index; null for non-function types (GC structs and arrays). */
  types: Array<FuncSig | null>;
  imports: Import[];
  /** Type index of every function, imported ones first. */
  funcTypes: number[];
  importedGlobals: number;
  importedMemories: number;
  importedTables: number;
  /** Defined tables (their count: tables are not snapshotted, only checked). */
  definedTables: number;
  /** Defined memories and globals, in index order after the imported ones. */
  memories: MemoryType[];
  globals: GlobalDef[];
  exports: Export[];
  data: DataSegmentDef[];
  dataCount?: number;
}

export interface ParseOptions {
  /**
   * Allow imported memories, globals and tables. A core module inside a component may import
   * state another module owns; a top-level module may not (the reference refuses it).
   */
  allowImportedState?: boolean;
  /** Features turned off: a module using one is refused after validation, before anything else. */
  features?: WasmFeatures;
  /**
   * Walk function bodies for refused instructions (default true). Verification turns it off: an
   * output's code is its input's, already walked, and walking 10 MB of code costs 100 ms.
   */
  scanCode?: boolean;
  /**
   * Validate with V8 first (default true). Verification turns it off: it compiles the
   * instrumented copy right away, which validates it, and may parse only the part before the data.
   */
  validate?: boolean;
}

export function parseModule(bytes: Uint8Array, options: ParseOptions = {}): ParsedModule {
  if (options.validate !== false) validate(bytes);
  checkFeatures(bytes, options.features);
  const mod: ParsedModule = {
    bytes, sections: [], types: [], imports: [], funcTypes: [], importedGlobals: 0,
    importedMemories: 0, importedTables: 0, definedTables: 0, memories: [], globals: [], exports: [], data: [],
  };
  const r = new Reader(bytes, 8);
  while (!r.done) {
    const start = r.pos;
    const id = r.u8();
    const size = r.u32();
    const payload = { start: r.pos, end: r.pos + size };
    if (payload.end > bytes.length) fail('INVALID_INPUT', 'failed to parse Wasm: section extends past the end of the file');
    const section: RawSection = { id, range: { start, end: payload.end }, payload };
    const s = new Reader(bytes, payload.start, payload.end);
    if (id === SECTION.custom) section.name = s.name();
    else if (id !== SECTION.code || options.scanCode !== false) readSection(mod, id, s);
    mod.sections.push(section);
    r.pos = payload.end;
  }
  checkSupported(mod, options);
  return mod;
}

/** The V8 of an older Node lacks proposals that the reference and Node 24 take: say so. */
export function proposalHint(message: string): string {
  const lacking = /enable (?:via|with) --experimental-|memory count of \d+ exceeds internal limit of 1/.test(message);
  return lacking ? ` (Node ${process.versions.node} lacks this WebAssembly proposal; Node 24 has it)` : '';
}

/** V8 validates; on failure we compile once more only to get its message. */
function validate(bytes: Uint8Array): void {
  if (WebAssembly.validate(bufferSource(bytes))) return;
  try {
    new WebAssembly.Module(bufferSource(bytes));
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/^WebAssembly\.Module\(\): /, '') : String(err);
    fail('INVALID_INPUT', `wasm validation failed: ${message}${proposalHint(message)}`);
  }
  fail('INVALID_INPUT', 'wasm validation failed');
}

function count(s: Reader, each: () => void): void {
  const n = s.u32();
  for (let i = 0; i < n; i++) each();
}

function readSection(mod: ParsedModule, id: number, s: Reader): void {
  switch (id) {
    case SECTION.type:
      count(s, () => readRecGroup(mod, s));
      break;
    case SECTION.import:
      count(s, () => {
        const imp: Import = { module: s.name(), name: s.name(), kind: s.u8() };
        switch (imp.kind) {
          case EXTERNAL.func:
            imp.typeIndex = s.u32();
            mod.funcTypes.push(imp.typeIndex);
            break;
          case EXTERNAL.table: readTableType(s); mod.importedTables++; break;
          case EXTERNAL.memory: imp.memory = readMemoryType(s); mod.importedMemories++; break;
          case EXTERNAL.global: readValType(s); s.u8(); mod.importedGlobals++; break;
          case EXTERNAL.tag: s.u8(); s.u32(); break;
          default: fail('INVALID_INPUT', `failed to parse Wasm: unknown import kind ${imp.kind}`);
        }
        mod.imports.push(imp);
      });
      break;
    case SECTION.function:
      count(s, () => mod.funcTypes.push(s.u32()));
      break;
    case SECTION.table:
      mod.definedTables = s.u32();
      break;
    case SECTION.memory:
      count(s, () => mod.memories.push(readMemoryType(s)));
      break;
    case SECTION.global:
      count(s, () => {
        const start = s.pos;
        const type = readValType(s);
        const mutable = s.u8() === 1;
        // Here, not after the scan: the reference checks sections in order, globals before code.
        if (mutable && !isNumeric(type)) fail('UNSUPPORTED', 'unsupported mutable global containing a reference type');
        const typeRange = { start, end: s.pos };
        mod.globals.push({ type, mutable, typeRange, init: skipConstExpr(s) });
      });
      break;
    case SECTION.export:
      count(s, () => {
        const start = s.pos;
        const name = s.name();
        const kind = s.u8();
        const index = s.u32();
        mod.exports.push({ name, kind, index, range: { start, end: s.pos } });
      });
      break;
    case SECTION.dataCount:
      mod.dataCount = s.u32();
      break;
    case SECTION.code: {
      const scan = bodyScanner(s.bytes, s.pos, s.end);
      count(s, () => {
        const size = s.u32();
        const end = s.pos + size;
        count(s, () => {
          s.u32();
          readValType(s);
        });
        scan(s, end);
      });
      break;
    }
    case SECTION.data:
      count(s, () => {
        const start = s.pos;
        const flags = s.u32();
        const passive = flags === 1;
        const memory = flags === 2 ? s.u32() : 0;
        if (!passive) skipConstExpr(s);
        s.skip(s.u32());
        mod.data.push({ passive, memory, range: { start, end: s.pos } });
      });
      break;
    default:
      // start, element, tag: copied verbatim, nothing to learn.
      break;
  }
}

function readRecGroup(mod: ParsedModule, s: Reader): void {
  if (s.peek() === 0x4e) {
    s.u8();
    count(s, () => readSubType(mod, s));
  } else {
    readSubType(mod, s);
  }
}

function readSubType(mod: ParsedModule, s: Reader): void {
  let form = s.u8();
  if (form === 0x50 || form === 0x4f) {
    count(s, () => s.u32());
    form = s.u8();
  }
  switch (form) {
    case 0x60: {
      const start = s.pos - 1;
      const types: ValType[] = [];
      let params = 0;
      count(s, () => { types.push(readValType(s)); params++; });
      count(s, () => types.push(readValType(s)));
      const v128Only = types.includes(VAL.v128) && types.every(isNumeric);
      mod.types.push({ params, results: types.length - params, v128Encoding: v128Only ? mod.bytes.subarray(start, s.pos) : undefined });
      return;
    }
    case 0x5f:
      count(s, () => { readStorageType(s); s.u8(); });
      break;
    case 0x5e:
      readStorageType(s);
      s.u8();
      break;
    default:
      fail('INVALID_INPUT', `failed to parse Wasm: unknown type form 0x${form.toString(16)}`);
  }
  mod.types.push(null);
}

function readStorageType(s: Reader): void {
  const b = s.peek();
  if (b === 0x78 || b === 0x77) s.u8();
  else readValType(s);
}

function readValType(s: Reader): ValType {
  const b = s.u8();
  if (b === 0x63 || b === 0x64) s.sleb(33);
  return b;
}

function readTableType(s: Reader): void {
  readValType(s);
  readLimits(s);
}

function readLimits(s: Reader): { flags: number; min: bigint; max?: bigint } {
  const flags = s.u8();
  const min = s.u64();
  const max = flags & 1 ? s.u64() : undefined;
  return { flags, min, max };
}

function readMemoryType(s: Reader): MemoryType {
  const start = s.pos;
  const { flags, min, max } = readLimits(s);
  const pageSizeLog2 = flags & 8 ? s.u32() : 16;
  return {
    range: { start, end: s.pos }, flags, min, max, pageSizeLog2,
    shared: (flags & 2) !== 0, memory64: (flags & 4) !== 0,
  };
}

const IMPORTED_STATE: Partial<Record<number, string>> = { [EXTERNAL.global]: 'globals', [EXTERNAL.table]: 'tables', [EXTERNAL.memory]: 'memories' };

/** The reference's refusals after validation, in its order. */
function checkSupported(mod: ParsedModule, options: ParseOptions): void {
  if (mod.imports.some((i) => i.module.startsWith(RESERVED_PREFIX) || i.name.startsWith(RESERVED_PREFIX))) {
    fail('UNSUPPORTED', 'input Wasm module already imports entities named with the `__wizer_*` prefix');
  }
  if (mod.exports.some((e) => e.name.startsWith(RESERVED_PREFIX))) {
    fail('UNSUPPORTED', 'input Wasm module already exports entities named with the `__wizer_*` prefix');
  }
  if (options.allowImportedState) return;
  // The first imported state in import order, as the reference names it.
  const state = mod.imports.find((i) => IMPORTED_STATE[i.kind]);
  if (state) fail('UNSUPPORTED', `imported ${IMPORTED_STATE[state.kind]} are not supported`);
}

export function isNumeric(type: ValType): boolean {
  return type >= VAL.v128 && type <= VAL.i32;
}

export function findSection(mod: ParsedModule, id: number): RawSection | undefined {
  return mod.sections.find((s) => s.id === id);
}
