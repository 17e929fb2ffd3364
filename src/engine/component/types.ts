/**
 * The WIT type of a component function, read from the component binary's top level: its type,
 * function, instance and export index spaces, enough to find what an init call returns so its
 * results can be printed in WAVE (wave.ts). Functions of an exported interface are followed
 * through the instance that exports them, also when wit-component wraps them in a nested shim
 * component. Anything this reader does not follow gives `undefined`, never a guess.
 */
import { Reader } from '../binary.js';
import { readAlias, readCanon, readExternName, readSort, skipExternDesc, SORT, Unknown } from './encoding.js';
import type { InitCall } from './init.js';
import { CSECTION, type ComponentNode, type ParsedComponent } from './parse.js';

export type ValType =
  | { kind: 'bool' | 's8' | 'u8' | 's16' | 'u16' | 's32' | 'u32' | 's64' | 'u64' | 'f32' | 'f64' | 'char' | 'string' }
  | { kind: 'record'; fields: Array<[string, ValType]> }
  | { kind: 'variant'; cases: Array<[string, ValType | undefined]> }
  | { kind: 'list'; element: ValType }
  | { kind: 'tuple'; types: ValType[] }
  | { kind: 'flags' | 'enum'; names: string[] }
  | { kind: 'option'; some: ValType }
  | { kind: 'result'; ok?: ValType; err?: ValType }
  /** Resources, streams, futures: values WAVE cannot write. */
  | { kind: 'unprintable'; what: string };

const PRIMITIVES: Record<number, ValType['kind']> = {
  0x7f: 'bool', 0x7e: 's8', 0x7d: 'u8', 0x7c: 's16', 0x7b: 'u16', 0x7a: 's32', 0x79: 'u32',
  0x78: 's64', 0x77: 'u64', 0x76: 'f32', 0x75: 'f64', 0x74: 'char', 0x73: 'string',
};

/** A valtype as read: a primitive, or a type index to resolve later. */
type RawVal = ValType | number;

/** A top-level type: a value type, a function type, or something else (instance, resource, ...). */
type RawType =
  | { def: 'val'; read: (resolve: (t: RawVal) => ValType) => ValType }
  | { def: 'func'; result?: RawVal }
  | { def: 'other'; what: string };

function valType(r: Reader): RawVal {
  const b = r.u8();
  if (b in PRIMITIVES) return { kind: PRIMITIVES[b] } as ValType;
  if (b >= 0x64 && b < 0x80) throw new Unknown(`value type 0x${b.toString(16)}`);
  r.pos--;
  return r.u32();
}

function optional<T>(r: Reader, read: () => T): T | undefined {
  const flag = r.u8();
  if (flag === 0x00) return undefined;
  if (flag !== 0x01) throw new Unknown('optional');
  return read();
}

function vec<T>(r: Reader, read: () => T): T[] {
  return Array.from({ length: r.u32() }, read);
}

/** One type definition; component, instance and resource types are skipped over. */
function readType(r: Reader): RawType {
  const op = r.u8();
  if (op in PRIMITIVES) return { def: 'val', read: () => ({ kind: PRIMITIVES[op] }) as ValType };
  switch (op) {
    case 0x72: {
      const fields = vec(r, () => [r.name(), valType(r)] as const);
      return { def: 'val', read: (resolve) => ({ kind: 'record', fields: fields.map(([n, t]) => [n, resolve(t)]) }) };
    }
    case 0x71: {
      const cases = vec(r, () => {
        const c = [r.name(), optional(r, () => valType(r))] as const;
        if (r.u8() !== 0x00) throw new Unknown('variant refines');
        return c;
      });
      return { def: 'val', read: (resolve) => ({ kind: 'variant', cases: cases.map(([n, t]) => [n, t === undefined ? undefined : resolve(t)]) }) };
    }
    case 0x70: case 0x67: {
      const element = valType(r);
      if (op === 0x67) r.u32();
      return { def: 'val', read: (resolve) => ({ kind: 'list', element: resolve(element) }) };
    }
    case 0x6f: {
      const types = vec(r, () => valType(r));
      return { def: 'val', read: (resolve) => ({ kind: 'tuple', types: types.map(resolve) }) };
    }
    case 0x6e: case 0x6d: {
      const names = vec(r, () => r.name());
      return { def: 'val', read: () => ({ kind: op === 0x6e ? 'flags' : 'enum', names }) };
    }
    case 0x6b: {
      const some = valType(r);
      return { def: 'val', read: (resolve) => ({ kind: 'option', some: resolve(some) }) };
    }
    case 0x6a: {
      const ok = optional(r, () => valType(r));
      const err = optional(r, () => valType(r));
      return { def: 'val', read: (resolve) => ({ kind: 'result', ok: ok === undefined ? undefined : resolve(ok), err: err === undefined ? undefined : resolve(err) }) };
    }
    case 0x69: case 0x68:
      r.u32();
      return { def: 'val', read: () => ({ kind: 'unprintable', what: 'a resource handle' }) };
    case 0x66: case 0x65:
      optional(r, () => valType(r));
      return { def: 'val', read: () => ({ kind: 'unprintable', what: op === 0x66 ? 'a stream' : 'a future' }) };
    case 0x40: case 0x43: {
      vec(r, () => [r.name(), valType(r)]);
      const kind = r.u8();
      if (kind === 0x00) return { def: 'func', result: valType(r) };
      if (kind !== 0x01 || r.u8() !== 0x00) throw new Unknown('result list');
      return { def: 'func' };
    }
    case 0x41: case 0x42:
      vec(r, () => skipDecl(r));
      return { def: 'other', what: op === 0x41 ? 'component' : 'instance' };
    case 0x3f:
      if (r.u8() !== 0x7f) throw new Unknown('resource rep');
      optional(r, () => r.u32());
      return { def: 'other', what: 'resource' };
    default:
      throw new Unknown(`type 0x${op.toString(16)}`);
  }
}

function skipDecl(r: Reader): void {
  const kind = r.u8();
  switch (kind) {
    case 0x00: skipCoreType(r); return;
    case 0x01: readType(r); return;
    case 0x02: readAlias(r); return;
    case 0x03: case 0x04: readExternName(r); skipExternDesc(r); return;
    default: throw new Unknown(`declaration 0x${kind.toString(16)}`);
  }
}

function skipCoreType(r: Reader): void {
  const op = r.u8();
  if (op === 0x60) {
    vec(r, () => r.u8());
    vec(r, () => r.u8());
  } else if (op === 0x50) {
    vec(r, () => {
      const decl = r.u8();
      if (decl === 0x00) { r.name(); r.name(); skipCoreImportDesc(r); }
      else if (decl === 0x01) skipCoreType(r);
      else if (decl === 0x02) { r.u8(); r.u8(); r.u32(); r.u32(); }
      else if (decl === 0x03) { r.name(); skipCoreImportDesc(r); }
      else throw new Unknown('module declaration');
    });
  } else {
    throw new Unknown(`core type 0x${op.toString(16)}`);
  }
}

function skipCoreImportDesc(r: Reader): void {
  const kind = r.u8();
  if (kind === 0x00) r.u32();
  else throw new Unknown('core import other than a function');
}

/** A sort as one number: core sorts as 0x100 | the core sort. */
function sortNumber({ sort, coreSort }: { sort: number; coreSort?: number }): number {
  return coreSort === undefined ? sort : 0x100 | coreSort;
}

function sortOf(r: Reader): number {
  return sortNumber(readSort(r));
}

/** An item of a sort, by index: where a function or instance came from. */
type Item =
  | { from: 'type'; type: number }
  | { from: 'bundle'; exports: Map<string, { sort: number; index: number }> }
  | { from: 'instantiate'; component: number; args: Map<string, { sort: number; index: number }> }
  | { from: 'import'; name: string }
  | { from: 'opaque' };

/** The index spaces of one component level, as far as functions and their types need. */
interface Spaces {
  types: RawType[];
  funcs: Item[];
  instances: Item[];
  components: Array<ComponentNode | undefined>;
  exports: Map<string, { sort: number; index: number }>;
}

function spacesOf(bytes: Uint8Array, node: ComponentNode): Spaces {
  const s: Spaces = { types: [], funcs: [], instances: [], components: [], exports: new Map() };
  // An alias, import or export: a copy of item `copyOf` of its sort, or one nothing here follows.
  const define = (sortId: number, copyOf?: number) => {
    const copy = <T>(space: T[], opaque: T) => space.push(copyOf === undefined ? opaque : space[copyOf] ?? opaque);
    if (sortId === SORT.type) copy(s.types, { def: 'other', what: 'type' });
    else if (sortId === SORT.func) copy(s.funcs, { from: 'opaque' });
    else if (sortId === SORT.instance) copy(s.instances, { from: 'opaque' });
    else if (sortId === SORT.component) copy(s.components, undefined);
  };
  for (const section of node.sections) {
    if (section.component) {
      s.components.push(section.component);
      continue;
    }
    const r = new Reader(bytes, section.payload.start, section.payload.end);
    switch (section.id) {
      case CSECTION.type:
        vec(r, () => s.types.push(readType(r)));
        break;
      case CSECTION.import:
        vec(r, () => {
          const name = readExternName(r);
          const desc = skipExternDesc(r);
          if (desc.kind === 0x01) s.funcs.push({ from: 'import', name });
          else if (desc.kind === 0x03 && desc.type === undefined) s.types.push({ def: 'other', what: 'resource' });
          else if (desc.kind === 0x05) s.instances.push({ from: 'import', name });
          else define(desc.kind, desc.kind === SORT.type ? desc.type : undefined);
        });
        break;
      case CSECTION.alias:
        vec(r, () => define(sortNumber(readAlias(r))));
        break;
      case CSECTION.canon:
        vec(r, () => {
          const lifted = readCanon(r);
          if (lifted !== undefined) s.funcs.push({ from: 'type', type: lifted });
        });
        break;
      case CSECTION.instance:
        vec(r, () => {
          const kind = r.u8();
          const args = new Map<string, { sort: number; index: number }>();
          if (kind === 0x00) {
            const component = r.u32();
            vec(r, () => args.set(r.name(), { sort: sortOf(r), index: r.u32() }));
            s.instances.push({ from: 'instantiate', component, args });
          } else {
            vec(r, () => args.set(readExternName(r), { sort: sortOf(r), index: r.u32() }));
            s.instances.push({ from: 'bundle', exports: args });
          }
        });
        break;
      case CSECTION.export:
        vec(r, () => {
          const name = readExternName(r);
          const item = { sort: sortOf(r), index: r.u32() };
          optional(r, () => skipExternDesc(r));
          s.exports.set(name, item);
          define(item.sort, item.index);
        });
        break;
      default:
        break;
    }
  }
  return s;
}

/**
 * The result types of the init function `call` names (empty: no result), or undefined when the
 * component's layout is one this reader does not follow.
 */
export function initResultTypes(pc: ParsedComponent, call: InitCall): ValType[] | undefined {
  try {
    const top = spacesOf(pc.bytes, pc.root);
    const func = call.iface === undefined ? top.exports.get(call.func) : interfaceFunc(pc.bytes, top, call.iface, call.func);
    if (func?.sort !== SORT.func) return undefined;
    const item = top.funcs[func.index];
    const type = item?.from === 'type' ? top.types[item.type] : undefined;
    if (type?.def !== 'func') return undefined;
    return type.result === undefined ? [] : [resolver(top.types)(type.result)];
  } catch {
    // An encoding this reader does not know (or reads differently from the validator that
    // accepted the component): the results go unprinted, the snapshot is not at stake.
    return undefined;
  }
}

/** The top-level function an exported interface's `func` is, through a bundle or a shim component. */
function interfaceFunc(bytes: Uint8Array, top: Spaces, iface: string, func: string): { sort: number; index: number } | undefined {
  const exported = top.exports.get(iface);
  if (exported?.sort !== SORT.instance) return undefined;
  const instance = top.instances[exported.index];
  if (instance?.from === 'bundle') return instance.exports.get(func);
  if (instance?.from !== 'instantiate') return undefined;
  // wit-component's shim re-exports its imports with WIT names: follow the export to the import.
  const node = top.components[instance.component];
  if (!node) return undefined;
  const shim = spacesOf(bytes, node);
  const inner = shim.exports.get(func);
  const imported = inner?.sort === SORT.func ? shim.funcs[inner.index] : undefined;
  return imported?.from === 'import' ? instance.args.get(imported.name) : undefined;
}

function resolver(types: RawType[]): (t: RawVal) => ValType {
  const resolve = (t: RawVal, depth = 0): ValType => {
    if (typeof t !== 'number') return t;
    const raw = types[t];
    if (!raw || depth > 100) throw new Unknown(`type ${t}`);
    if (raw.def === 'val') return raw.read((inner) => resolve(inner, depth + 1));
    if (raw.def === 'other' && raw.what === 'resource') return { kind: 'unprintable', what: 'a resource' };
    throw new Unknown(`type ${t} is not a value type`);
  };
  return (t) => resolve(t);
}
