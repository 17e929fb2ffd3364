/** Re-emits a parsed module with some sections replaced, dropped or added; the rest byte for byte. */
import { FileWriter, Writer, u32Size, type StreamedPayload } from './binary.js';
import { SECTION, type ParsedModule } from './parse.js';

/** Position of each known section id in the required order. */
const ORDER: number[] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
const rank = (id: number) => ORDER.indexOf(id);

/**
 * `edits` maps a section id to its new payload, or to null to drop it. An edited id the module
 * lacks is inserted before the first later section in the required order; a new data section
 * goes before the `name` custom section if nothing but custom sections follows it (some tools
 * expect `name` last), else after the last section it must follow.
 */
export function assemble(mod: ParsedModule, edits: Map<number, Payload | null>): Uint8Array {
  // Sized exactly, so an output as large as a memory is written once, never regrown.
  return emit(mod, edits, (size) => new Writer(size)).finish();
}

/** As `assemble`, written to `out` as it is made; returns the size. */
export function assembleTo(mod: ParsedModule, edits: Map<number, Payload | null>, out: FileWriter): number {
  emit(mod, edits, () => out).flush();
  return out.written;
}

function emit<W extends Writer>(mod: ParsedModule, edits: Map<number, Payload | null>, writer: (size: number) => W): W {
  const present = new Set(mod.sections.map((s) => s.id));
  const pending = [...edits.entries()]
    .filter(([id, payload]) => payload !== null && !present.has(id))
    .sort((a, b) => rank(a[0]) - rank(b[0])) as Array<[number, Payload]>;
  let size = 8;
  for (const section of mod.sections) {
    const edit = section.id === SECTION.custom ? undefined : edits.get(section.id);
    size += edit === undefined ? section.range.end - section.range.start : edit === null ? 0 : sectionSize(edit);
  }
  for (const [, payload] of pending) size += sectionSize(payload);
  const out = writer(size).bytes(mod.bytes.subarray(0, 8));
  const put = (id: number, payload: Payload) => {
    out.byte(id).u32(payload.length);
    if (payload instanceof Uint8Array) out.bytes(payload);
    else payload.writeTo(out);
  };
  const flushBefore = (limit: number) => {
    while (pending.length && rank(pending[0][0]) < limit) {
      const [id, payload] = pending.shift()!;
      put(id, payload);
    }
  };
  // Past the last non-custom section, new sections may go before `name`; earlier they would
  // break the section order.
  let lastKnown = -1;
  mod.sections.forEach((section, i) => {
    if (section.id !== SECTION.custom) lastKnown = i;
  });
  for (const [i, section] of mod.sections.entries()) {
    if (section.id === SECTION.custom) {
      if (section.name === 'name' && i > lastKnown) flushBefore(ORDER.length);
    } else {
      flushBefore(rank(section.id));
    }
    const edit = edits.get(section.id);
    if (edit === undefined || section.id === SECTION.custom) out.bytes(mod.bytes.subarray(section.range.start, section.range.end));
    else if (edit !== null) put(section.id, edit);
  }
  flushBefore(ORDER.length);
  if (out.written !== size) throw new Error(`internal: assembled ${out.written} bytes, expected ${size}`);
  return out;
}

export type Payload = Uint8Array | StreamedPayload;

function sectionSize(payload: Payload): number {
  return 1 + u32Size(payload.length) + payload.length;
}

/** A section payload: the vector count followed by the entries' bytes. */
export function vector(count: number, entries: Uint8Array): Uint8Array {
  return new Writer().u32(count).bytes(entries).finish();
}
