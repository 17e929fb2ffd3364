/**
 * Component stage 3, run: transpile the component with jco in instantiation mode, load the glue,
 * and instantiate it with our own `getCoreModule` (instrumented modules in place of the originals)
 * and `instantiateCore` (which records the instance of every static module and refuses a second
 * instantiation). Then resolve and call the init function through the component's exports.
 *
 * jco is loaded with a dynamic import so that core-only use never pays for it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PreinitError, fail } from '../errors.js';
import { files } from '../io.js';
import { liftoffOnly } from '../tiering.js';
import type { PreinitOptions } from '../types.js';
import { SORT } from './encoding.js';
import { instantiatedTwice, parseComponent, type ComponentExport, type ParsedComponent } from './parse.js';
import { rewriteComponent } from './rewrite.js';
import { createWasiImports, kebab, type WasiTracker } from './wasi.js';

export interface Transpiled {
  /** The glue's `instantiate(getCoreModule, imports, instantiateCore)`. */
  instantiate: (
    getCoreModule: (name: string) => WebAssembly.Module | Promise<WebAssembly.Module>,
    imports: Record<string, unknown>,
    instantiateCore: (module: WebAssembly.Module, imports?: WebAssembly.Imports) => Promise<{ exports: WebAssembly.Exports }>,
  ) => Promise<Record<string, unknown>>;
  /** Core module files by name (`component.core.wasm`, `component.core2.wasm`, ...). */
  files: Record<string, Uint8Array>;
  /** TypeScript declarations, used to read the signature of the init function. */
  declarations: Record<string, string>;
  /** Top-level exports as jco lists them: [js name, 'function' | 'instance']. */
  exports: Array<[string, string]>;
}

type Transpiler = typeof import('@bytecodealliance/jco-transpile');

// jco's transpiler package (what `jco transpile` calls), loaded only for components.
let transpiler: Promise<Transpiler> | undefined;
function loadTranspiler(): Promise<Transpiler> {
  // Node 20's V8 (11.x) tiers jco's 3.5 MB bindgen module up after the first transpile, and the
  // thread stalled 320 ms of a 1 s component run (heap.wasm: 1.0 s, 0.46 s in Liftoff only);
  // Node 24's does not stall, and there Liftoff alone was no faster. The import compiles it.
  const load = () => import('@bytecodealliance/jco-transpile');
  transpiler ??= Number(process.versions.v8.split('.')[0]) < 12 ? liftoffOnly(load) : load();
  return transpiler;
}

/** The file jco gives static module `index` (depth-first binary order). */
export function coreFileName(index: number): string {
  return index === 0 ? 'component.core.wasm' : `component.core${index + 1}.wasm`;
}

/** Static index of a jco core file name, or undefined for other names. */
export function coreFileIndex(name: string): number | undefined {
  const m = /^component\.core(\d*)\.wasm$/.exec(name);
  if (!m) return undefined;
  return m[1] === '' ? 0 : Number(m[1]) - 1;
}

/** Transpile only (also the output's validation: jco runs the full component validator). */
export async function transpileOnly(bytes: Uint8Array, declarations = false): Promise<{ files: Record<string, Uint8Array>; exports: Array<[string, string]> }> {
  const { transpileBytes } = await loadTranspiler();
  try {
    const out = await transpileBytes(bytes, {
      name: 'component',
      instantiation: 'async',
      // jco's own default (`jco transpile` wraps result errors in ComponentError).
      noComponentErrorWrapping: false,
      // Accept modules with several memories (Node 24 runs them); they must still come out byte for byte.
      multiMemory: true,
      emitTypescriptDeclarations: declarations,
    } as never);
    return { files: out.files as Record<string, Uint8Array>, exports: out.exports as Array<[string, string]> };
  } catch (err) {
    fail('INTERNAL', `jco could not transpile the component: ${firstLine(err)}`, err);
  }
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n').map((l) => l.trim()).filter(Boolean)[0] ?? 'unknown error';
}

/**
 * jco cannot decode an exported instance that WIT cannot describe (one of a nested component
 * that exports instances of its own). Such exports at the end of the top level, which nothing
 * after them uses, are left out of the copy jco is given; the output keeps them. `keep` is the
 * interface the init function is in.
 */
export async function transpileView(bytes: Uint8Array, keep: string | undefined, declarations = false): ReturnType<typeof transpileOnly> {
  try {
    return await transpileOnly(bytes, declarations);
  } catch (err) {
    if (!(err instanceof PreinitError) || !/failed to extract interface information/.test(err.message)) throw err;
    const pc = parseComponent(bytes);
    const drop = droppableExports(pc, keep);
    if (drop.length === 0) throw err;
    return transpileOnly(rewriteComponent(pc, { modules: new Map(), dropExports: drop }), declarations);
  }
}

/** The instance exports, walking back from the end, until an instance index is used otherwise. */
export function droppableExports(pc: ParsedComponent, keep: string | undefined): ComponentExport[] {
  const candidates = pc.funcs.exports.filter((e) => e.sort === SORT.instance && e.name !== keep);
  const drop = new Set<ComponentExport>();
  for (const at of [...pc.funcs.instanceRefs].reverse()) {
    const exp = candidates.find((e) => at >= e.range.start && at < e.range.end);
    if (!exp) break;
    drop.add(exp);
  }
  return [...drop];
}

/** Transpile (see transpileView), check jco kept every core module byte for byte, and load the glue. */
export async function transpileComponent(pc: ParsedComponent, keep: string | undefined): Promise<Transpiled> {
  const out = await transpileView(pc.bytes, keep, true);
  for (const m of pc.modules) {
    const file = out.files[coreFileName(m.index)];
    if (!file) continue; // jco leaves out modules nothing instantiates
    if (!sameBytes(file, m.bytes)) {
      fail('INTERNAL', `jco rewrote core module ${m.index} of the component (its transpiled bytes differ from the component's), so it cannot be snapshotted`);
    }
  }
  const decoder = new TextDecoder();
  const glue = out.files['component.js'];
  if (!glue) fail('INTERNAL', 'jco produced no JavaScript glue for the component');
  const declarations: Record<string, string> = {};
  for (const [name, data] of Object.entries(out.files)) if (name.endsWith('.d.ts')) declarations[name] = decoder.decode(data);
  const instantiate = await importGlue(decoder.decode(glue));
  return { instantiate, files: out.files, declarations, exports: out.exports };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/**
 * The import object: WASI from the shim, and for any other interface the component imports, stubs
 * that fail when called (like the core engine's trapping functions for unknown imports).
 */
export function withStubs(wasi: Record<string, unknown>, tracker: WasiTracker): Record<string, unknown> {
  const stubs = new Map<string, unknown>();
  const stubInterface = (iface: string) =>
    new Proxy({}, {
      get(_, member) {
        if (typeof member !== 'string') return undefined;
        return function stub() {
          const err = new PreinitError('UNKNOWN_IMPORT', `the component called \`${iface}#${kebab(member)}\`, an import the pre-initializer does not provide`);
          tracker.refused ??= err;
          throw err;
        };
      },
    });
  return new Proxy(wasi, {
    get(target, key) {
      if (typeof key !== 'string' || key in target) return Reflect.get(target, key);
      const base = unversioned(key);
      if (base in target) return Reflect.get(target, base);
      if (!stubs.has(key)) stubs.set(key, stubInterface(key));
      return stubs.get(key);
    },
  });
}

/** An interface name without its version (`ns:pkg/iface@1.0.0` -> `ns:pkg/iface`), as jco's glue asks for it. */
function unversioned(name: string): string {
  return name.replace(/@[^/]*$/, '');
}

/** The caller's interface implementations, under the names jco's glue asks for. */
function hostInterfaces(options: PreinitOptions): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options.hostInterfaces ?? {}).map(([name, members]) => [unversioned(name), members]));
}

async function importGlue(source: string): Promise<Transpiled['instantiate']> {
  const dir = await files.mkdtemp(join(tmpdir(), 'preinit-component-'));
  try {
    const file = join(dir, 'component.mjs');
    await files.writeFile(file, source);
    const mod = (await import(pathToFileURL(file).href)) as { instantiate?: Transpiled['instantiate'] };
    if (typeof mod.instantiate !== 'function') fail('INTERNAL', 'the JavaScript glue jco generated has no `instantiate` function');
    return mod.instantiate;
  } finally {
    await files.rm(dir, { recursive: true, force: true });
  }
}

export interface TableState {
  length: number;
  entries: unknown[];
}

export interface RunState {
  /** The core instance of every static module that was instantiated. */
  instances: Map<number, WebAssembly.Instance>;
  /** The component's exports object. */
  exports: Record<string, unknown>;
  wasi: WasiTracker;
  /** The imports every static module's instance got (verification instantiates the output with them). */
  imports: Map<number, WebAssembly.Imports>;
  /** Live handles of the component's own resources, by `interface#resource`. */
  handles: Map<string, number>;
  /** Exported tables of every core instance (static and synthesized) as they were before init. */
  tables: Array<{ where: string; table: WebAssembly.Table; before: TableState }>;
}

/** Instantiate through the glue with the given module bytes (instrumented or original) per static index. */
export async function instantiateComponent(
  transpiled: Transpiled,
  moduleBytes: Map<number, Uint8Array>,
  options: PreinitOptions,
  /** Filled as modules are instantiated, so a caller can inspect them after a failure. */
  instances = new Map<number, WebAssembly.Instance>(),
): Promise<RunState> {
  const { imports, tracker } = await createWasiImports(options);
  const staticOf = new WeakMap<WebAssembly.Module, number>();
  const tables: RunState['tables'] = [];
  const handles = new Map<string, number>();
  const importsOf = new Map<number, WebAssembly.Imports>();
  let synthesized = 0;

  const getCoreModule = async (name: string): Promise<WebAssembly.Module> => {
    const index = coreFileIndex(name);
    const bytes = index !== undefined ? moduleBytes.get(index) ?? transpiled.files[name] : transpiled.files[name];
    if (!bytes) fail('INTERNAL', `jco asked for core module \`${name}\`, which it did not produce`);
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    } catch (err) {
      fail('INVALID_INPUT', `failed to compile core module \`${name}\`: ${firstLine(err)}`, err);
    }
    if (index !== undefined && moduleBytes.has(index)) staticOf.set(module, index);
    return module;
  };

  const instantiateCore = async (module: WebAssembly.Module, coreImports?: WebAssembly.Imports) => {
    const index = staticOf.get(module);
    if (index !== undefined && instances.has(index)) {
      fail('UNSUPPORTED', instantiatedTwice(index));
    }
    let instance: WebAssembly.Instance;
    try {
      const given = index === undefined ? followHandles(coreImports ?? {}, handles) : tagCaller(followHandles(coreImports ?? {}, handles), index, tracker);
      if (index !== undefined) importsOf.set(index, given);
      instance = await WebAssembly.instantiate(module, given);
    } catch (err) {
      if (err instanceof PreinitError) throw err;
      if (tracker.refused) throw tracker.refused;
      const what = index !== undefined ? `core module ${index}` : 'a core module jco synthesized';
      fail('TRAP', `instantiating ${what} of the component failed: ${firstLine(err)}`, err);
    }
    const where = index !== undefined ? `core module ${index}` : `synthesized module ${synthesized++}`;
    for (const [name, value] of Object.entries(instance.exports)) {
      if (value instanceof WebAssembly.Table) tables.push({ where: `${where} export \`${name}\``, table: value, before: readTable(value) });
    }
    if (index !== undefined) instances.set(index, instance);
    let exports: WebAssembly.Exports = instance.exports;
    const reset = exports['reset_adapter_state'];
    if (typeof reset === 'function') {
      // The preview1 adapter's reset forgets every handle it cached: follow it.
      exports = { ...exports, reset_adapter_state: (...args: unknown[]) => {
        const result = (reset as (...a: unknown[]) => unknown)(...args);
        tracker.lastAdapterReset = ++tracker.seq;
        return result;
      } };
    }
    return { exports };
  };

  let componentExports: Record<string, unknown>;
  try {
    componentExports = await transpiled.instantiate(getCoreModule, withStubs({ ...imports, ...hostInterfaces(options) }, tracker), instantiateCore);
  } catch (err) {
    if (err instanceof PreinitError) throw err;
    if (tracker.refused) throw tracker.refused;
    fail('TRAP', `instantiating the component failed: ${firstLine(err)}`, err);
  }
  // Re-read tables after instantiation: later modules' element segments fill earlier modules' tables.
  for (const t of tables) t.before = readTable(t.table);
  return { instances, exports: componentExports, wasi: tracker, tables, handles, imports: importsOf };
}

/** Wrap a module's WASI imports so the tracker knows which module a WASI call came from. */
function tagCaller(imports: WebAssembly.Imports, index: number, tracker: WasiTracker): WebAssembly.Imports {
  const out: WebAssembly.Imports = { ...imports };
  for (const [module, fields] of Object.entries(imports)) {
    if (!module.startsWith('wasi:') || !fields || typeof fields !== 'object') continue;
    const wrapped: WebAssembly.ModuleImports = { ...fields };
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value !== 'function') continue;
      const original = value as (...args: unknown[]) => unknown;
      wrapped[name] = Object.assign((...args: unknown[]) => {
        const previous = tracker.caller;
        tracker.caller = index;
        try {
          return original(...args);
        } finally {
          tracker.caller = previous;
        }
      }, original);
    }
    out[module] = wrapped;
  }
  return out;
}

/**
 * Count handles of the component's own resources: wit-component names the canonical built-ins
 * `[resource-new]R` and `[resource-drop]R` in an `[export]...` import module. A handle still alive
 * at the end of init lives in jco's JS handle table, which the snapshot cannot keep.
 */
function followHandles(imports: WebAssembly.Imports, handles: Map<string, number>): WebAssembly.Imports {
  let out: WebAssembly.Imports | undefined;
  for (const [module, fields] of Object.entries(imports)) {
    if (!module.startsWith('[export]') || !fields || typeof fields !== 'object') continue;
    for (const [name, value] of Object.entries(fields)) {
      const m = /^\[resource-(new|drop)\](.*)$/.exec(name);
      if (!m || typeof value !== 'function') continue;
      const key = `${module.slice('[export]'.length)}#${m[2]}`;
      const delta = m[1] === 'new' ? 1 : -1;
      const original = value as (...args: unknown[]) => unknown;
      const wrapped = (...args: unknown[]) => {
        const result = original(...args);
        handles.set(key, (handles.get(key) ?? 0) + delta);
        return result;
      };
      out ??= { ...imports };
      out[module] = { ...(out[module] as object), [name]: wrapped } as WebAssembly.ModuleImports;
    }
  }
  return out ?? imports;
}

/**
 * Memories are snapshotted by the module that defines them: the first static module importing a
 * memory no static module defines (one a module jco synthesized or the host made), if any.
 */
export function foreignMemory(state: Pick<RunState, 'instances' | 'imports'>): number | undefined {
  const owned = new Set<unknown>();
  for (const instance of state.instances.values()) {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) owned.add(value);
  }
  for (const [index, imports] of state.imports) {
    for (const fields of Object.values(imports)) {
      for (const value of Object.values(fields ?? {})) {
        if (value instanceof WebAssembly.Memory && !owned.has(value)) return index;
      }
    }
  }
  return undefined;
}

export function readTable(table: WebAssembly.Table): TableState {
  const entries: unknown[] = [];
  for (let i = 0; i < table.length; i++) entries.push(table.get(i));
  return { length: table.length, entries };
}

/** The first table that changed since `before`, described, or undefined. */
export function changedTable(state: RunState): string | undefined {
  for (const t of state.tables) {
    const now = readTable(t.table);
    if (now.length !== t.before.length) return `${t.where} grew from ${t.before.length} to ${now.length} entries`;
    for (let i = 0; i < now.length; i++) {
      if (now.entries[i] !== t.before.entries[i]) return `${t.where} changed at index ${i}`;
    }
  }
  return undefined;
}
