/**
 * Component stage 5, rewrite: splice the rewritten core modules back into the component, fixing
 * section sizes recursively through nested components (no index space moves), optionally remove
 * a top-level function export (renumbering the component functions defined after it, and the
 * `component-name` section), and record ourselves in the top-level `producers` section.
 */
import { Reader, Writer } from '../binary.js';
import { fail } from '../errors.js';
import type { Range } from '../parse.js';
import { SORT } from './encoding.js';
import { COMPONENT_PREAMBLE, CSECTION, type ComponentNode, type ComponentExport, type FuncRef, type ParsedComponent } from './parse.js';

export interface ComponentRewriteOptions {
  /** New bytes for core modules, by static index; modules not listed are copied as they are. */
  modules: Map<number, Uint8Array>;
  /** Name of a top-level function export to remove (the init export). */
  removeExport?: string;
  /** Top-level exports to leave out that nothing after them uses, so no index moves. */
  dropExports?: ComponentExport[];
  /** A `processed-by` producers entry: [tool name, version]. */
  processedBy?: [string, string];
}

export function rewriteComponent(pc: ParsedComponent, options: ComponentRewriteOptions): Uint8Array {
  const root = pc.root;
  const patches = new Map<number, SectionPatch>();
  const patchFor = (section: number) => {
    let p = patches.get(section);
    if (!p) patches.set(section, (p = { refs: [], drops: [] }));
    return p;
  };
  const removedIndex = options.removeExport === undefined ? undefined : planExportRemoval(pc, options.removeExport, patchFor);
  for (const exp of options.dropExports ?? []) patchFor(exp.section).drops.push(exp.range);
  for (const [section, p] of patches) {
    if (p.drops.length) p.count = pc.funcs.exports.filter((e) => e.section === section).length - p.drops.length;
  }

  const w = new Writer();
  w.bytes(Uint8Array.from(COMPONENT_PREAMBLE));
  let producersDone = false;
  root.sections.forEach((section, position) => {
    if (section.id === CSECTION.custom && section.name === 'component-name' && removedIndex !== undefined) {
      w.section(CSECTION.custom, renumberNames(pc.bytes, section.payload, removedIndex));
      return;
    }
    if (section.id === CSECTION.custom && section.name === 'producers' && options.processedBy && !producersDone) {
      producersDone = true;
      w.section(CSECTION.custom, addProducer(pc.bytes, section.payload, options.processedBy));
      return;
    }
    const patch = patches.get(position);
    if (patch) {
      const payload = applyPatch(pc.bytes, section.payload, patch);
      if (payload) w.section(section.id, payload);
      return;
    }
    emitSection(w, pc, section, options.modules);
  });
  if (options.processedBy && !producersDone) {
    w.section(CSECTION.custom, addProducer(pc.bytes, undefined, options.processedBy));
  }
  return w.finish();
}

function emitNode(pc: ParsedComponent, node: ComponentNode, modules: Map<number, Uint8Array>): Uint8Array {
  const w = new Writer();
  w.bytes(Uint8Array.from(COMPONENT_PREAMBLE));
  for (const section of node.sections) emitSection(w, pc, section, modules);
  return w.finish();
}

function emitSection(w: Writer, pc: ParsedComponent, section: ComponentNode['sections'][number], modules: Map<number, Uint8Array>): void {
  if (section.module !== undefined && modules.has(section.module)) {
    w.section(CSECTION.coreModule, modules.get(section.module)!);
  } else if (section.component && containsReplaced(section.component, modules)) {
    w.section(CSECTION.component, emitNode(pc, section.component, modules));
  } else {
    w.bytes(pc.bytes.subarray(section.range.start, section.range.end));
  }
}

function containsReplaced(node: ComponentNode, modules: Map<number, Uint8Array>): boolean {
  return node.sections.some((s) => (s.module !== undefined && modules.has(s.module)) || (s.component !== undefined && containsReplaced(s.component, modules)));
}

// ---- export removal ----

interface SectionPatch {
  /** Index LEBs to re-emit with a new value. */
  refs: Array<{ range: Range; value: number }>;
  /** Whole export entries to drop, and the new entry count (first LEB of the payload). */
  drops: Range[];
  count?: number;
}

/** Plans the removal of export `name` into the patches; returns the function index it defined. */
function planExportRemoval(pc: ParsedComponent, name: string, patchFor: (section: number) => SectionPatch): number {
  const space = pc.funcs;
  const exp = space.exports.find((e) => e.name === name);
  if (!exp) fail('INIT_FUNC', `the component does not have a \`${name}\` export`);
  if (exp.sort !== SORT.func) fail('INIT_FUNC', `the component's \`${name}\` export is not a function`);
  if (space.unknown) {
    fail('UNSUPPORTED', `cannot remove the init export: the component uses an encoding this tool does not know (${space.unknown}); use keep-init-func`);
  }
  const removed = exp.definesIndex;
  const user = space.refs.find((ref) => ref.index === removed && !isEntryOf(ref, exp));
  if (user) fail('UNSUPPORTED', `cannot remove the init export \`${name}\`: the component uses it internally; use keep-init-func`);
  for (const ref of space.refs as FuncRef[]) {
    if (ref.index > removed) patchFor(ref.section).refs.push({ range: ref.range, value: ref.index - 1 });
  }
  patchFor(exp.section).drops.push(exp.range);
  return removed;
}

function isEntryOf(ref: FuncRef, exp: ComponentExport): boolean {
  return ref.range.start >= exp.range.start && ref.range.end <= exp.range.end;
}

/** The payload with its patches applied, or undefined when a section ends up empty. */
function applyPatch(bytes: Uint8Array, payload: Range, patch: SectionPatch): Uint8Array | undefined {
  const w = new Writer();
  let pos = payload.start;
  if (patch.count !== undefined) {
    if (patch.count === 0) return undefined;
    const r = new Reader(bytes, payload.start, payload.end);
    r.u32();
    w.u32(patch.count);
    pos = r.pos;
  }
  const edits: Array<{ range: Range; value?: number }> = [...patch.refs, ...patch.drops.map((range) => ({ range }))];
  edits.sort((a, b) => a.range.start - b.range.start);
  for (const edit of edits) {
    if (edit.range.start < pos) continue; // a ref inside the dropped entry
    w.bytes(bytes.subarray(pos, edit.range.start));
    if (edit.value !== undefined) w.u32(edit.value);
    pos = edit.range.end;
  }
  w.bytes(bytes.subarray(pos, payload.end));
  return w.finish();
}

/** The `component-name` section with the removed function's name dropped and later ones renumbered. */
function renumberNames(bytes: Uint8Array, payload: Range, removed: number): Uint8Array {
  const r = new Reader(bytes, payload.start, payload.end);
  const w = new Writer();
  w.name(r.name());
  while (!r.done) {
    const start = r.pos;
    const id = r.u8();
    const size = r.u32();
    const end = r.pos + size;
    if (id === 0x01) {
      const sub = new Reader(bytes, r.pos, end);
      const sort = sub.u8();
      if (sort === SORT.func) {
        const entries: Array<[number, string]> = [];
        const n = sub.u32();
        for (let i = 0; i < n; i++) entries.push([sub.u32(), sub.name()]);
        const body = new Writer().byte(sort);
        const kept = entries.filter(([i]) => i !== removed).map(([i, s]): [number, string] => [i > removed ? i - 1 : i, s]);
        body.u32(kept.length);
        for (const [i, s] of kept) body.u32(i).name(s);
        w.section(id, body.finish());
        r.pos = end;
        continue;
      }
    }
    w.bytes(bytes.subarray(start, end));
    r.pos = end;
  }
  return w.finish();
}

/** A `producers` payload with `processed-by: tool version` added (replacing an older entry of ours). */
export function addProducer(bytes: Uint8Array, payload: Range | undefined, [tool, version]: [string, string]): Uint8Array {
  const fields: Array<[string, Array<[string, string]>]> = [];
  if (payload) {
    const r = new Reader(bytes, payload.start, payload.end);
    if (r.name() !== 'producers') fail('INTERNAL', 'internal error: not a producers section');
    const n = r.u32();
    for (let i = 0; i < n; i++) {
      const field = r.name();
      const values: Array<[string, string]> = [];
      const m = r.u32();
      for (let j = 0; j < m; j++) values.push([r.name(), r.name()]);
      fields.push([field, values]);
    }
  }
  let processed = fields.find(([f]) => f === 'processed-by');
  if (!processed) fields.push((processed = ['processed-by', []]));
  processed[1] = processed[1].filter(([name]) => name !== tool);
  processed[1].push([tool, version]);
  const w = new Writer().name('producers').u32(fields.length);
  for (const [field, values] of fields) {
    w.name(field).u32(values.length);
    for (const [name, value] of values) w.name(name).name(value);
  }
  return w.finish();
}
