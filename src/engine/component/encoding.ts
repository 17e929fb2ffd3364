/**
 * Readers for the encodings the component binary's sections share (sorts, extern names and
 * descriptors, canonical functions), for parse.ts and types.ts. An encoding they do not know
 * throws `Unknown`, which callers turn into "cannot follow this", never into a refusal.
 */
import type { Reader } from '../binary.js';
import type { Range } from '../parse.js';

/** Component-level sorts (the byte after 0x00 is a core sort). */
export const SORT = { core: 0x00, func: 0x01, value: 0x02, type: 0x03, component: 0x04, instance: 0x05 } as const;

export class Unknown extends Error {}

export function readSort(r: Reader): { sort: number; coreSort?: number } {
  const sort = r.u8();
  if (sort === SORT.core) return { sort, coreSort: r.u8() };
  if (sort > SORT.instance) throw new Unknown(`sort 0x${sort.toString(16)}`);
  return { sort };
}

/**
 * An alias: its sort, its target (0x00 a component instance's export, 0x01 a core instance's,
 * 0x02 an outer item), and for target 0x00 the offset of the instance index it uses.
 */
export function readAlias(r: Reader): { sort: number; coreSort?: number; target: number; instanceAt?: number } {
  const sort = readSort(r);
  const target = r.u8();
  const instanceAt = target === 0x00 ? r.pos : undefined;
  if (target === 0x00 || target === 0x01) { r.u32(); r.name(); }
  else if (target === 0x02) { r.u32(); r.u32(); }
  else throw new Unknown(`alias target 0x${target.toString(16)}`);
  return { ...sort, target, instanceAt };
}

/** importname' / exportname': a discriminant byte, then a string. */
export function readExternName(r: Reader): string {
  const kind = r.u8();
  if (kind !== 0x00 && kind !== 0x01) throw new Unknown(`extern name kind 0x${kind.toString(16)}`);
  return r.name();
}

/**
 * An extern descriptor: its kind (0 module, 1 func, 2 value, 3 type, 4 component, 5 instance)
 * and the type index it names (for a type bound, the `eq` one; none for `sub resource`).
 */
export function skipExternDesc(r: Reader): { kind: number; type?: number } {
  const kind = r.u8();
  switch (kind) {
    case 0x00: // core module
      if (r.u8() !== 0x11) throw new Unknown('core extern desc');
      return { kind, type: r.u32() };
    case 0x01: case 0x04: case 0x05: // func, component, instance: a type index
      return { kind, type: r.u32() };
    case 0x02: { // value bound: eq a value, or a valtype (a primitive's byte or a type index)
      const b = r.u8();
      if (b !== 0x00 && b !== 0x01) throw new Unknown('value bound');
      r.u32();
      return { kind };
    }
    case 0x03: { // type bound
      const b = r.u8();
      if (b === 0x00) return { kind, type: r.u32() };
      if (b !== 0x01) throw new Unknown('type bound');
      return { kind };
    }
    default:
      throw new Unknown(`extern desc 0x${kind.toString(16)}`);
  }
}

export function skipCanonOpts(r: Reader): void {
  const n = r.u32();
  for (let i = 0; i < n; i++) {
    const opt = r.u8();
    switch (opt) {
      case 0x00: case 0x01: case 0x02: case 0x06: case 0x09: break; // encodings, async, gc
      case 0x03: case 0x04: case 0x05: case 0x07: case 0x08: r.u32(); break; // memory, realloc, post-return, callback, core type
      default: throw new Unknown(`canonical option 0x${opt.toString(16)}`);
    }
  }
}

/**
 * One canonical function. Returns the type index of a `canon lift` (which defines a component
 * function); `lowered` hears the component function a `canon lower` uses, with its LEB's range.
 */
export function readCanon(r: Reader, lowered: (range: Range, index: number) => void = () => {}): number | undefined {
  const op = r.u8();
  switch (op) {
    case 0x00: // lift: 0x00 core-func opts type
      if (r.u8() !== 0x00) throw new Unknown('canon lift');
      r.u32();
      skipCanonOpts(r);
      return r.u32();
    case 0x01: { // lower: 0x00 func opts
      if (r.u8() !== 0x00) throw new Unknown('canon lower');
      const start = r.pos;
      const index = r.u32();
      lowered({ start, end: r.pos }, index);
      skipCanonOpts(r);
      return;
    }
    case 0x02: case 0x03: case 0x04: case 0x07: // resource.new / drop / rep / drop async
      r.u32();
      return;
    // Async built-ins (encodings as wasm-tools writes them; none refers to a component function).
    case 0x05: case 0x0d: case 0x1e: case 0x1f: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26: case 0x28: case 0x42:
      return; // task.cancel, subtask.drop, error-context.drop, waitable-set.new/drop, waitable.join, backpressure.inc/dec, thread.index/resume-later/available-parallelism
    case 0x06: case 0x0c: case 0x29: // subtask.cancel async?, thread.yield cancellable?, thread.suspend cancellable?
      r.u8();
      return;
    case 0x08: // backpressure.set (older encoding)
      return;
    case 0x09: { // task.return: result list, options
      const kind = r.u8();
      if (kind === 0x00) r.u32(); // a valtype: a primitive's byte or a type index
      else if (kind !== 0x01 || r.u8() !== 0x00) throw new Unknown('task.return result');
      skipCanonOpts(r);
      return;
    }
    case 0x0a: case 0x0b: // context.get / context.set: i32 and a slot
      if (r.u8() !== 0x7f) throw new Unknown('context type');
      r.u32();
      return;
    case 0x0e: case 0x13: case 0x14: case 0x15: case 0x1a: case 0x1b: case 0x40: // stream/future new and drops, thread.spawn-ref: a type
      r.u32();
      return;
    case 0x0f: case 0x10: case 0x16: case 0x17: // stream/future read and write: a type, options
      r.u32();
      skipCanonOpts(r);
      return;
    case 0x11: case 0x12: case 0x18: case 0x19: // stream/future cancel: a type, async?
      r.u32();
      r.u8();
      return;
    case 0x1c: case 0x1d: // error-context.new / debug-message: options
      skipCanonOpts(r);
      return;
    case 0x20: case 0x21: // waitable-set.wait / poll: cancellable?, a memory
      r.u8();
      r.u32();
      return;
    case 0x41: // thread.spawn-indirect: a type, a table
      r.u32();
      r.u32();
      return;
    default:
      throw new Unknown(`canonical function 0x${op.toString(16)}`);
  }
}
