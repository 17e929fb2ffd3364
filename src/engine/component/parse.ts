/**
 * Component stage 1, parse: walk a component binary (layer 1) section by section, recursively
 * through nested components, and list its core modules depth-first in binary order with their
 * byte ranges. Core modules themselves are parsed by the core stage (`parseModule`); this file
 * only knows the component layer.
 *
 * Besides the layout, the top level's component-function index space is scanned (imports,
 * aliases, `canon lift`, exports define functions; `canon lower`, instance arguments and exports
 * use them) so that rewrite can remove the init export and renumber what follows it.
 */
import { Reader } from '../binary.js';
import { fail } from '../errors.js';
import type { Range } from '../parse.js';
import { readAlias, readCanon, readExternName, readSort, skipExternDesc, SORT, Unknown } from './encoding.js';

export const COMPONENT_PREAMBLE = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

export const CSECTION = {
  custom: 0, coreModule: 1, coreInstance: 2, coreType: 3, component: 4, instance: 5, alias: 6,
  type: 7, canon: 8, start: 9, import: 10, export: 11, value: 12,
} as const;

export interface ComponentSection {
  id: number;
  /** The whole section: id byte, size, payload. */
  range: Range;
  payload: Range;
  /** Name of a custom section. */
  name?: string;
  /** For a core module section: its index in `ParsedComponent.modules`. */
  module?: number;
  /** For a nested component section. */
  component?: ComponentNode;
}

export interface ComponentNode {
  /** The whole component, preamble included. */
  range: Range;
  sections: ComponentSection[];
  /** Nesting depth: 0 for the top level. */
  depth: number;
}

export interface CoreModuleRef {
  /** Static index: depth-first binary order, the order jco names its `coreN.wasm` files. */
  index: number;
  /** The module's bytes (a view into the component). */
  bytes: Uint8Array;
  range: Range;
  depth: number;
}

/** A use of a top-level component function index, at a known byte range. */
export interface FuncRef {
  section: number;
  /** Byte range of the u32 LEB holding the index. */
  range: Range;
  index: number;
}

/** A top-level export entry. */
export interface ComponentExport {
  name: string;
  sort: number;
  /** Core sort when `sort` is 0. */
  coreSort?: number;
  /** The item exported. */
  index: number;
  /** The index the export itself defines in its sort's space (exports introduce an index). */
  definesIndex: number;
  /** Section number (position in `root.sections`) and byte range of the whole entry. */
  section: number;
  range: Range;
}

export interface FuncSpace {
  /** Every use of a component function index at the top level. */
  refs: FuncRef[];
  exports: ComponentExport[];
  /** Number of component functions defined so far after each section (by position). */
  total: number;
  /** Every use of a component instance index at the top level, in binary order (byte offset). */
  instanceRefs: number[];
  /** Why the space could not be scanned completely (an encoding we do not know), if so. */
  unknown?: string;
}

/** A top-level import: its name and what it is (`instance`, `function`, ...), as wasmtime describes it. */
export interface ComponentImport {
  name: string;
  desc: string;
}

export interface ParsedComponent {
  bytes: Uint8Array;
  root: ComponentNode;
  imports: ComponentImport[];
  modules: CoreModuleRef[];
  funcs: FuncSpace;
}

function isPreamble(bytes: Uint8Array, at: number): boolean {
  return COMPONENT_PREAMBLE.every((b, i) => bytes[at + i] === b);
}

export function isComponent(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && isPreamble(bytes, 0);
}

/** Walk the component; refuse what cannot be pre-initialized at the layer-1 level. */
export function parseComponent(bytes: Uint8Array): ParsedComponent {
  if (!isComponent(bytes)) fail('INVALID_INPUT', 'input is not a WebAssembly component');
  const modules: CoreModuleRef[] = [];
  const imports: ComponentImport[] = [];
  const root = walk(bytes, 0, bytes.length, 0, modules, { instantiated: new Set(), imports });
  return { bytes, root, imports, modules, funcs: scanFuncSpace(bytes, root) };
}

/** What the walk gathers at the top level while it checks. */
interface TopLevel {
  /** Core modules instantiated so far. */
  instantiated: Set<number>;
  imports: ComponentImport[];
}

function walk(bytes: Uint8Array, start: number, end: number, depth: number, modules: CoreModuleRef[], top: TopLevel): ComponentNode {
  if (end - start < 8 || !isPreamble(bytes, start)) {
    fail('INVALID_INPUT', `failed to parse component: bad preamble of a nested component (at offset 0x${start.toString(16)})`);
  }
  const node: ComponentNode = { range: { start, end }, sections: [], depth };
  const r = new Reader(bytes, start + 8, end);
  while (!r.done) {
    const sectionStart = r.pos;
    const id = r.u8();
    const size = r.u32();
    const payloadStart = r.pos;
    if (size > end - payloadStart) {
      fail('INVALID_INPUT', `failed to parse component: section size out of bounds (at offset 0x${sectionStart.toString(16)})`);
    }
    const payloadEnd = payloadStart + size;
    const section: ComponentSection = {
      id,
      range: { start: sectionStart, end: payloadEnd },
      payload: { start: payloadStart, end: payloadEnd },
    };
    if (id > CSECTION.value) {
      fail('INVALID_INPUT', `failed to parse component: unknown section id ${id} (at offset 0x${sectionStart.toString(16)})`);
    }
    if (id === CSECTION.custom) {
      section.name = new Reader(bytes, payloadStart, payloadEnd).name();
    } else if (id === CSECTION.coreModule) {
      section.module = modules.length;
      modules.push({
        index: modules.length,
        bytes: bytes.subarray(payloadStart, payloadEnd),
        range: { start: payloadStart, end: payloadEnd },
        depth,
      });
    } else if (id === CSECTION.component) {
      section.component = walk(bytes, payloadStart, payloadEnd, depth + 1, modules, { instantiated: new Set(), imports: [] });
    } else {
      checkSection(new Reader(bytes, payloadStart, payloadEnd), id, depth, top);
    }
    node.sections.push(section);
    r.pos = payloadEnd;
  }
  return node;
}

/** The message for a core module instantiated twice (found here at the top level, by run below it). */
export function instantiatedTwice(module: number): string {
  return `modules may be instantiated at most once: core module ${module} is instantiated twice, and its state cannot be snapshotted`;
}

const UNSUPPORTED_KIND: Record<number, string> = { 0x11: 'module', [SORT.component]: 'component', [SORT.value]: 'value' };
/** Extern descriptor kinds in wasmtime's words. */
const DESC = ['module', 'function', 'value', 'type', 'component', 'instance'];

/** wasmtime wizer's refusal for an import, export or alias of a module, component or value. */
function refuseKind(kind: string | undefined, what: 'imports' | 'exports' | 'aliases'): void {
  if (kind) fail('UNSUPPORTED', `wizer does not currently support ${kind} ${what}`);
}

/**
 * wasmtime wizer's refusals (crates/wizer/src/component/parse.rs), with its words, in its order:
 * imports, exports and aliases of modules, components and values, outer aliases of modules and
 * components, start functions, and a top-level module instantiated twice. Beyond it, nested
 * components may hold core modules. An encoding this walk does not know is left to later stages.
 * Top-level imports are listed on the way.
 */
function checkSection(r: Reader, id: number, depth: number, top: TopLevel): void {
  try {
    switch (id) {
      case CSECTION.start:
        fail('UNSUPPORTED', 'wizer does not currently support component start functions');
        break;
      case CSECTION.import:
        for (let n = r.u32(), i = 0; i < n; i++) {
          const name = readExternName(r);
          const { kind } = skipExternDesc(r);
          refuseKind(kind === 0x00 ? 'module' : UNSUPPORTED_KIND[kind], 'imports');
          if (depth === 0) top.imports.push({ name, desc: DESC[kind] });
        }
        break;
      case CSECTION.export:
        for (let n = r.u32(), i = 0; i < n; i++) {
          readExternName(r);
          const { sort, coreSort } = readSort(r);
          refuseKind(UNSUPPORTED_KIND[sort === SORT.core ? coreSort! : sort], 'exports');
          r.u32();
          if (r.u8() === 0x01) skipExternDesc(r);
        }
        break;
      case CSECTION.alias:
        for (let n = r.u32(), i = 0; i < n; i++) {
          const { sort, coreSort, target } = readAlias(r);
          const kind = UNSUPPORTED_KIND[sort === SORT.core ? coreSort! : sort];
          if (target === 0x00 || (target === 0x02 && kind !== 'value')) refuseKind(kind, 'aliases');
        }
        break;
      case CSECTION.coreInstance:
        if (depth > 0) break;
        for (let n = r.u32(), i = 0; i < n; i++) {
          if (r.u8() === 0x01) {
            for (let exports = r.u32(), j = 0; j < exports; j++) { r.name(); r.u8(); r.u32(); }
            continue;
          }
          const module = r.u32();
          if (top.instantiated.has(module)) fail('UNSUPPORTED', instantiatedTwice(module));
          top.instantiated.add(module);
          for (let args = r.u32(), j = 0; j < args; j++) { r.name(); r.u8(); r.u32(); }
        }
        break;
    }
  } catch (err) {
    if (!(err instanceof Unknown)) throw err;
  }
}

// ---- the top-level function index space ----

/** Read a sortidx; record it if it names a component function or instance. */
function readSortIdx(r: Reader, section: number, space: FuncSpace): { sort: number; coreSort?: number; index: number } {
  const s = readSort(r);
  const start = r.pos;
  const index = r.u32();
  if (s.sort === SORT.func) space.refs.push({ section, range: { start, end: r.pos }, index });
  if (s.sort === SORT.instance) space.instanceRefs.push(start);
  return { ...s, index };
}

function scanFuncSpace(bytes: Uint8Array, root: ComponentNode): FuncSpace {
  const space: FuncSpace = { refs: [], exports: [], total: 0, instanceRefs: [] };
  // Indices that other sorts' exports define are not needed; only functions are counted.
  try {
    root.sections.forEach((section, position) => {
      const r = new Reader(bytes, section.payload.start, section.payload.end);
      switch (section.id) {
        case CSECTION.import: {
          const n = r.u32();
          for (let i = 0; i < n; i++) {
            readExternName(r);
            if (skipExternDesc(r).kind === 0x01) space.total++;
          }
          break;
        }
        case CSECTION.alias: {
          const n = r.u32();
          for (let i = 0; i < n; i++) {
            const { sort, instanceAt } = readAlias(r);
            if (instanceAt !== undefined) space.instanceRefs.push(instanceAt);
            if (sort === SORT.func) space.total++;
          }
          break;
        }
        case CSECTION.canon: {
          const n = r.u32();
          for (let i = 0; i < n; i++) {
            if (readCanon(r, (range, index) => space.refs.push({ section: position, range, index })) !== undefined) space.total++;
          }
          break;
        }
        case CSECTION.instance: {
          const n = r.u32();
          for (let i = 0; i < n; i++) {
            const kind = r.u8();
            if (kind === 0x00) {
              r.u32();
              const args = r.u32();
              for (let j = 0; j < args; j++) { r.name(); readSortIdx(r, position, space); }
            } else if (kind === 0x01) {
              const exports = r.u32();
              for (let j = 0; j < exports; j++) { readExternName(r); readSortIdx(r, position, space); }
            } else {
              throw new Unknown(`instance kind 0x${kind.toString(16)}`);
            }
          }
          break;
        }
        case CSECTION.export: {
          const n = r.u32();
          for (let i = 0; i < n; i++) {
            const start = r.pos;
            const name = readExternName(r);
            const s = readSortIdx(r, position, space);
            const hasType = r.u8();
            if (hasType === 0x01) skipExternDesc(r);
            else if (hasType !== 0x00) throw new Unknown('export type ascription');
            const definesIndex = s.sort === SORT.func ? space.total++ : -1;
            space.exports.push({ name, sort: s.sort, coreSort: s.coreSort, index: s.index, definesIndex, section: position, range: { start, end: r.pos } });
          }
          break;
        }
        default:
          break;
      }
      if (section.id !== CSECTION.custom && section.id !== CSECTION.coreModule && section.id !== CSECTION.component
        && section.id !== CSECTION.coreInstance && section.id !== CSECTION.coreType && section.id !== CSECTION.type
        && !r.done) {
        throw new Unknown(`trailing bytes in section ${section.id}`);
      }
    });
  } catch (err) {
    if (!(err instanceof Unknown)) throw err;
    space.unknown = err.message;
  }
  return space;
}
