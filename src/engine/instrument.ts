/**
 * Stage 2, instrument: export every defined mutable global, memory and table under a reserved
 * name so the snapshot can read them (tables only to check them). JS cannot read a v128 global and may canonicalize
 * NaN payloads when reading floats, so those are read through small getter functions that
 * reinterpret the bits as integers.
 *
 * With a memory limit, each memory's maximum is lowered to it and every `memory.grow` on it is
 * routed through a function that raises a flag when growing fails, so hitting the limit is told
 * apart from the program's own behaviour. With a relaxed-SIMD library, relaxed instructions are
 * replaced by their deterministic forms (relaxed-simd.ts). Only the instrumented copy changes: the
 * output is rewritten from the original.
 */
import { Reader, Writer } from './binary.js';
import { assemble, vector } from './assemble.js';
import { fail } from './errors.js';
import { readInstruction } from './instructions.js';
import { EXTERNAL, SECTION, VAL, findSection, type MemoryType, type ParsedModule } from './parse.js';
import { deterministicReplacement, type RelaxedSimdLibrary } from './relaxed-simd.js';

export interface InstrumentOptions {
  maxMemory?: number;
  /** Given: relaxed-SIMD instructions compute wasmtime's deterministic results. */
  relaxedSimd?: RelaxedSimdLibrary;
  /**
   * The module's one memory, defined, becomes an import under this name (verification
   * instantiates an output into a memory it has already).
   */
  memoryImport?: { module: string; name: string };
}

export interface GlobalProbe {
  /** Index in the module's global space. */
  index: number;
  type: number;
  /** Export to read: the global itself (i32, i64) or a getter function (f32, f64, v128). */
  exportName: string;
  viaGetter: boolean;
}

export interface MemoryProbe {
  index: number;
  exportName: string;
  /** Maximum in pages imposed by maxMemory, when lower than the module's own. */
  cap?: bigint;
}

export interface TableProbe {
  index: number;
  exportName: string;
}

export interface Instrumented {
  bytes: Uint8Array;
  globals: GlobalProbe[];
  memories: MemoryProbe[];
  /** Defined tables, exported so verification can check init left them as the output has them. */
  tables: TableProbe[];
  /** Exported i32 global set to 1 when a memory.grow failed at a cap. */
  growFailedExport?: string;
}

/** Getter signatures: f32 -> i32 bits, f64 -> i64 bits, v128 -> two i64 lanes. */
const GETTER: Record<number, { results: number[]; body: (g: number, w: Writer) => void }> = {
  [VAL.f32]: { results: [VAL.i32], body: (g, w) => w.byte(0x23).u32(g).byte(0xbc) },
  [VAL.f64]: { results: [VAL.i64], body: (g, w) => w.byte(0x23).u32(g).byte(0xbd) },
  [VAL.v128]: {
    results: [VAL.i64, VAL.i64],
    body: (g, w) => {
      w.byte(0x23).u32(g).byte(0xfd).u32(29).byte(0);
      w.byte(0x23).u32(g).byte(0xfd).u32(29).byte(1);
    },
  },
};

/** Accumulates the entries appended to each vector section. */
class Additions {
  readonly exports = new Writer();
  readonly types = new Writer();
  readonly funcs = new Writer();
  readonly bodies = new Writer();
  readonly globals = new Writer();
  exportCount: number;
  typeCount: number;
  funcCount: number;
  globalCount: number;
  addedFuncs = 0;
  addedGlobals = 0;
  private typeIndex = new Map<string, number>();

  constructor(readonly mod: ParsedModule) {
    this.exportCount = mod.exports.length;
    this.typeCount = mod.types.length;
    this.funcCount = mod.funcTypes.length;
    this.globalCount = mod.importedGlobals + mod.globals.length;
  }

  export(name: string, kind: number, index: number): string {
    this.exports.name(name).byte(kind).u32(index);
    this.exportCount++;
    return name;
  }

  /** A new function with its own code; returns its index. */
  func(params: number[], results: number[], locals: number[], code: (w: Writer) => void): number {
    const key = `${params}>${results}`;
    if (!this.typeIndex.has(key)) {
      this.typeIndex.set(key, this.typeCount++);
      this.types.byte(0x60).u32(params.length).bytes(Uint8Array.from(params)).u32(results.length).bytes(Uint8Array.from(results));
    }
    this.funcs.u32(this.typeIndex.get(key)!);
    const body = new Writer().u32(locals.length);
    for (const t of locals) body.u32(1).byte(t);
    code(body);
    const bytes = body.byte(0x0b).finish();
    this.bodies.u32(bytes.length).bytes(bytes);
    this.addedFuncs++;
    return this.funcCount++;
  }

  /** Appends the functions of `lib` (a module without imports) and their types; returns the index of its first function. */
  library(lib: ParsedModule): number {
    const base = this.funcCount;
    const typeBase = this.typeCount;
    this.types.bytes(sectionEntries(lib, SECTION.type));
    this.typeCount += lib.types.length;
    for (const t of lib.funcTypes) this.funcs.u32(typeBase + t);
    // The library's calls and multi-value block types name its own functions and types: shift them.
    this.bodies.bytes(rewriteCode(lib, (op, start) => {
      if (op === 0x10) return new Writer().byte(op).u32(base + immediate(lib, start)).finish();
      if (op < 0x02 || op > 0x04) return undefined;
      const blockType = new Reader(lib.bytes, start + 1, lib.bytes.length).sleb(33);
      return blockType < 0n ? undefined : new Writer().byte(op).sleb(BigInt(typeBase) + blockType).finish();
    }));
    this.addedFuncs += lib.funcTypes.length;
    this.funcCount += lib.funcTypes.length;
    return base;
  }

  /** A new mutable i32 global initialized to 0; returns its index. */
  flagGlobal(): number {
    this.globals.byte(VAL.i32).byte(1).byte(0x41).byte(0).byte(0x0b);
    this.addedGlobals++;
    return this.globalCount++;
  }
}

export function instrument(mod: ParsedModule, options: InstrumentOptions = {}): Instrumented {
  const { maxMemory, relaxedSimd, memoryImport } = options;
  const add = new Additions(mod);
  const globals = mod.globals.flatMap((g, i): GlobalProbe[] => {
    if (!g.mutable) return [];
    const index = mod.importedGlobals + i;
    const getter = GETTER[g.type];
    if (!getter) return [{ index, type: g.type, exportName: add.export(`__wizer_global_${index}`, EXTERNAL.global, index), viaGetter: false }];
    const func = add.func([], getter.results, [], (w) => getter.body(index, w));
    return [{ index, type: g.type, exportName: add.export(`__wizer_global_get_${index}`, EXTERNAL.func, func), viaGetter: true }];
  });
  const memories = mod.memories.map((m, i): MemoryProbe => {
    const index = mod.importedMemories + i;
    return { index, exportName: add.export(`__wizer_memory_${index}`, EXTERNAL.memory, index), cap: memoryCap(m, maxMemory) };
  });

  const tables = Array.from({ length: mod.definedTables }, (_, i): TableProbe => {
    const index = mod.importedTables + i;
    return { index, exportName: add.export(`__wizer_table_${index}`, EXTERNAL.table, index) };
  });

  const edits = new Map<number, Uint8Array | null>();
  let growFailedExport: string | undefined;
  let code: Uint8Array | undefined;
  // Grows to watch: capped memories of this module, and (inside a component) imported memories,
  // whose owner's cap makes a grow from here fail too.
  const importedMemories = mod.imports.filter((i) => i.kind === EXTERNAL.memory).map((i, index) => ({ index, memory64: i.memory!.memory64 }));
  const watched = [
    ...(maxMemory === undefined ? [] : importedMemories),
    ...memories.filter((m) => m.cap !== undefined).map((m) => ({ index: m.index, memory64: mod.memories[m.index - mod.importedMemories].memory64 })),
  ];
  if (memories.some((m) => m.cap !== undefined)) edits.set(SECTION.memory, cappedMemories(mod, memories));
  let hooks = new Map<number, number>();
  if (watched.length) {
    const flag = add.flagGlobal();
    growFailedExport = add.export('__wizer_grow_failed', EXTERNAL.global, flag);
    hooks = new Map(watched.map((m) => [m.index, growHook(add, m.index, m.memory64 ? VAL.i64 : VAL.i32, flag)]));
  }
  let libraryBase: number | undefined;
  const helper = (name: string) => {
    libraryBase ??= add.library(relaxedSimd!);
    return libraryBase + relaxedSimd!.exports.find((e) => e.name === name)!.index;
  };
  if (hooks.size || relaxedSimd) {
    code = rewriteCode(mod, (op, start) => {
      if (op === 0x40) {
        const hook = hooks.get(immediate(mod, start));
        return hook === undefined ? undefined : new Writer().byte(0x10).u32(hook).finish();
      }
      return op === 0xfd && relaxedSimd ? deterministicReplacement(immediate(mod, start), helper) : undefined;
    });
  }
  edits.set(SECTION.export, vector(add.exportCount, concat(sectionEntries(mod, SECTION.export), add.exports.finish())));
  if (add.addedGlobals) edits.set(SECTION.global, vector(add.globalCount - mod.importedGlobals, concat(sectionEntries(mod, SECTION.global), add.globals.finish())));
  if (add.addedFuncs || code) {
    const defined = add.funcCount - mod.imports.filter((i) => i.kind === EXTERNAL.func).length;
    edits.set(SECTION.type, vector(add.typeCount, concat(sectionEntries(mod, SECTION.type), add.types.finish())));
    edits.set(SECTION.function, vector(defined, concat(sectionEntries(mod, SECTION.function), add.funcs.finish())));
    edits.set(SECTION.code, vector(defined, concat(code ?? sectionEntries(mod, SECTION.code), add.bodies.finish())));
  }
  if (memoryImport) {
    if (mod.memories.length !== 1 || mod.importedMemories !== 0 || memories[0].cap !== undefined) fail('INTERNAL', 'internal error: only a module\'s one defined, uncapped memory can become an import');
    const { range } = mod.memories[0];
    const entry = new Writer().name(memoryImport.module).name(memoryImport.name).byte(EXTERNAL.memory).bytes(mod.bytes.subarray(range.start, range.end)).finish();
    edits.set(SECTION.import, vector(mod.imports.length + 1, concat(sectionEntries(mod, SECTION.import), entry)));
    edits.set(SECTION.memory, null);
  }
  return { bytes: assemble(mod, edits), globals, memories, tables, growFailedExport };
}

/** `(delta) -> old size` like memory.grow, setting the flag global when it returns -1. */
function growHook(add: Additions, memory: number, t: number, flag: number): number {
  const minusOne = (w: Writer) => (t === VAL.i64 ? w.byte(0x42) : w.byte(0x41)).sleb(-1n);
  return add.func([t], [t], [t], (w) => {
    w.byte(0x20).u32(0).byte(0x40).u32(memory).byte(0x22).u32(1); // local.get 0; memory.grow; local.tee 1
    minusOne(w);
    w.byte(t === VAL.i64 ? 0x51 : 0x46); // eq
    w.byte(0x04).byte(0x40).byte(0x41).byte(1).byte(0x24).u32(flag).byte(0x0b); // if: flag = 1
    w.byte(0x20).u32(1);
  });
}

/** The u32 immediate (or SIMD sub-opcode) of the instruction at `start`. */
function immediate(mod: ParsedModule, start: number): number {
  return new Reader(mod.bytes, start + 1, mod.bytes.length).u32();
}

/**
 * The code section's entries with each instruction for which `replace` returns bytes replaced
 * by them (`op` is the first byte of the instruction at `start`).
 */
function rewriteCode(mod: ParsedModule, replace: (op: number, start: number) => Uint8Array | undefined): Uint8Array {
  const section = findSection(mod, SECTION.code);
  if (!section) return new Uint8Array(0);
  const r = new Reader(mod.bytes, section.payload.start, section.payload.end);
  const out = new Writer();
  const count = r.u32();
  for (let f = 0; f < count; f++) {
    const size = r.u32();
    const end = r.pos + size;
    const body = new Writer();
    let copied = r.pos;
    const localGroups = r.u32();
    for (let i = 0; i < localGroups; i++) {
      r.u32();
      const t = r.u8();
      if (t === 0x63 || t === 0x64) r.sleb(33);
    }
    while (r.pos < end) {
      const start = r.pos;
      const { op } = readInstruction(r);
      const replacement = replace(op, start);
      if (!replacement) continue;
      body.bytes(mod.bytes.subarray(copied, start)).bytes(replacement);
      copied = r.pos;
    }
    body.bytes(mod.bytes.subarray(copied, end));
    const bytes = body.finish();
    out.u32(bytes.length).bytes(bytes);
  }
  return out.finish();
}

/** Pages allowed by maxMemory, if that is below the memory's own (or implicit) maximum. */
function memoryCap(m: MemoryType, maxMemory: number | undefined): bigint | undefined {
  if (maxMemory === undefined) return undefined;
  const cap = BigInt(Math.floor(maxMemory / 2 ** m.pageSizeLog2));
  if (m.min > cap) fail('LIMIT', `memory ${m.min} pages (${formatBytes(Number(m.min) * 2 ** m.pageSizeLog2)}) is over max-memory (${formatBytes(maxMemory)}) before init even runs`);
  const implicitMax = m.memory64 ? 2n ** BigInt(64 - m.pageSizeLog2) : 2n ** BigInt(32 - m.pageSizeLog2);
  return cap < (m.max ?? implicitMax) ? cap : undefined;
}

/** The memory section with each capped memory's maximum lowered. */
function cappedMemories(mod: ParsedModule, probes: MemoryProbe[]): Uint8Array {
  const w = new Writer();
  mod.memories.forEach((m, i) => {
    const cap = probes[i].cap;
    w.byte(cap === undefined ? m.flags : m.flags | 1).u64(m.min);
    if (cap !== undefined || m.max !== undefined) w.u64(cap ?? m.max!);
    if (m.flags & 8) w.u32(m.pageSizeLog2);
  });
  return vector(mod.memories.length, w.finish());
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[i]}`;
}

/** The entries of a vector section, without its count; empty if the section is absent. */
export function sectionEntries(mod: ParsedModule, id: number): Uint8Array {
  const section = findSection(mod, id);
  if (!section) return new Uint8Array(0);
  const r = new Reader(mod.bytes, section.payload.start, section.payload.end);
  r.u32();
  return mod.bytes.subarray(r.pos, section.payload.end);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
