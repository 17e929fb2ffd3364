/**
 * Stage 2, instrument: export every defined mutable global and every defined memory under a
 * reserved name so the snapshot can read them. JS cannot read a v128 global and may canonicalize
 * NaN payloads when reading floats, so those are read through small getter functions that
 * reinterpret the bits as integers.
 */
import { Writer } from './binary.js';
import { assemble, vector } from './assemble.js';
import { EXTERNAL, SECTION, VAL, findSection, type ParsedModule } from './parse.js';

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
}

export interface Instrumented {
  bytes: Uint8Array;
  globals: GlobalProbe[];
  memories: MemoryProbe[];
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

export function instrument(mod: ParsedModule): Instrumented {
  const globals: GlobalProbe[] = [];
  const memories: MemoryProbe[] = [];
  const exports = new Writer();
  let exportCount = mod.exports.length;
  const addExport = (name: string, kind: number, index: number) => {
    exports.name(name).byte(kind).u32(index);
    exportCount++;
  };

  // New function types go after the existing ones; getters after the existing functions.
  const newTypes = new Writer();
  const newFuncs = new Writer();
  const newBodies = new Writer();
  const typeIndex = new Map<number, number>();
  let typeCount = mod.types.length;
  let funcCount = mod.funcTypes.length;
  let getters = 0;

  mod.globals.forEach((g, i) => {
    if (!g.mutable) return;
    const index = mod.importedGlobals + i;
    const getter = GETTER[g.type];
    if (!getter) {
      const exportName = `__wizer_global_${index}`;
      addExport(exportName, EXTERNAL.global, index);
      globals.push({ index, type: g.type, exportName, viaGetter: false });
      return;
    }
    if (!typeIndex.has(g.type)) {
      typeIndex.set(g.type, typeCount++);
      newTypes.byte(0x60).u32(0).u32(getter.results.length);
      getter.results.forEach((t) => newTypes.byte(t));
    }
    newFuncs.u32(typeIndex.get(g.type)!);
    const body = new Writer().u32(0);
    getter.body(index, body);
    body.byte(0x0b);
    const bodyBytes = body.finish();
    newBodies.u32(bodyBytes.length).bytes(bodyBytes);
    const exportName = `__wizer_global_get_${index}`;
    addExport(exportName, EXTERNAL.func, funcCount++);
    getters++;
    globals.push({ index, type: g.type, exportName, viaGetter: true });
  });
  mod.memories.forEach((_, i) => {
    const index = mod.importedMemories + i;
    const exportName = `__wizer_memory_${index}`;
    addExport(exportName, EXTERNAL.memory, index);
    memories.push({ index, exportName });
  });

  const edits = new Map<number, Uint8Array | null>();
  edits.set(SECTION.export, vector(exportCount, concat(sectionEntries(mod, SECTION.export), exports.finish())));
  if (getters > 0) {
    edits.set(SECTION.type, vector(typeCount, concat(sectionEntries(mod, SECTION.type), newTypes.finish())));
    const definedFuncs = funcCount - mod.imports.filter((i) => i.kind === EXTERNAL.func).length;
    edits.set(SECTION.function, vector(definedFuncs, concat(sectionEntries(mod, SECTION.function), newFuncs.finish())));
    edits.set(SECTION.code, vector(definedFuncs, concat(sectionEntries(mod, SECTION.code), newBodies.finish())));
  }
  return { bytes: assemble(mod, edits), globals, memories };
}

/** The entries of a vector section, without its count; empty if the section is absent. */
export function sectionEntries(mod: ParsedModule, id: number): Uint8Array {
  const section = findSection(mod, id);
  if (!section) return new Uint8Array(0);
  let pos = section.payload.start;
  while (mod.bytes[pos] & 0x80) pos++;
  return mod.bytes.subarray(pos + 1, section.payload.end);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
