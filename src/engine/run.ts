/**
 * Stage 3, run: instantiate the instrumented module and call its init function. Imports come from
 * preloaded modules and, when allowed, WASI; every other import is a function that traps when
 * called, so an import that init never calls is harmless. The start function runs during
 * instantiation and its effects are kept.
 */
import { bufferSource, detectKind, Writer } from './binary.js';
import { fail, PreinitError } from './errors.js';
import { EXTERNAL, findSection, proposalHint, SECTION, type ParsedModule } from './parse.js';
import { formatBytes, type Instrumented } from './instrument.js';
import { DEFAULT_INIT_FUNC, type HostContext, type PreinitOptions, type WasiRead } from './types.js';
import { watToBinary } from './wat.js';
import { LIFTOFF_ONLY_FROM, liftoffOnly } from './tiering.js';
import { guarded, type Deadline } from './watchdog.js';
import { createWasi, ProcExit, WASI_MODULE, type WasiHost } from './wasi.js';


export interface Initialized {
  instance: WebAssembly.Instance;
  imports: WebAssembly.Imports;
  wasiCalls: Record<string, number>;
  wasiReads: WasiRead[];
}

/** Checks the init export as the reference does, before anything runs. */
export function checkInitExport(mod: ParsedModule, initFunc: string): void {
  const exp = mod.exports.find((e) => e.name === initFunc);
  if (!exp) fail('INIT_FUNC', `the Wasm module does not have a \`${initFunc}\` export`);
  if (exp.kind !== EXTERNAL.func) fail('INIT_FUNC', `the Wasm module's \`${initFunc}\` export is not a function`);
  const sig = mod.types[mod.funcTypes[exp.index]];
  if (!sig || sig.params !== 0 || sig.results !== 0) {
    fail('INIT_FUNC', `the Wasm module's \`${initFunc}\` function export does not have type \`[] -> []\``);
  }
}

/**
 * With `deadline`, every piece of guest code (start functions, init) runs `guarded`. Compiling
 * and instantiating are synchronous: the async forms cost a turn of the thread pool each (about
 * 5 ms on a small module) and are no faster on large ones, and a start function must run inside
 * the guard.
 */
export async function runInit(mod: ParsedModule, instrumented: Instrumented, options: PreinitOptions, deadline?: Deadline): Promise<Initialized> {
  const initFunc = options.initFunc ?? DEFAULT_INIT_FUNC;
  checkInitExport(mod, initFunc);
  const code = findSection(mod, SECTION.code);
  const large = code !== undefined && code.range.end - code.range.start >= LIFTOFF_ONLY_FROM;
  const compiled = large ? await liftoffOnly(() => compile(instrumented.bytes)) : compile(instrumented.bytes);
  const wasi = options.allowWasi ? createWasi(options) : undefined;
  try {
    const host = { exports: {} };
    const imports = await linkImports(compiled, options, wasi, host, mod, deadline);
    let instance: WebAssembly.Instance;
    try {
      instance = instantiate(compiled, imports, deadline);
    } catch (err) {
      if (err instanceof PreinitError) throw err;
      // A trap while instantiating is the start function's, unless a segment did not fit.
      const cause = trapMessage(err);
      const inStart = err instanceof UnknownImportCall || (cause.startsWith('wasm trap: ') && !/segment/.test(String(err)));
      fail(err instanceof UnknownImportCall ? err.code : 'TRAP', `${inStart ? 'the start function trapped' : 'failed to instantiate the Wasm module'}: ${cause}`, err);
    }
    host.exports = instance.exports;
    const memory = instance.exports.memory;
    if (wasi && memory instanceof WebAssembly.Memory) wasi.bind(memory);
    const reactorInit = instance.exports._initialize;
    try {
      if (initFunc !== '_initialize' && typeof reactorInit === 'function') {
        call(reactorInit as () => void, 'calling the Reactor initialization function', deadline);
      }
      call(instance.exports[initFunc] as () => void, `the \`${initFunc}\` function trapped`, deadline);
    } finally {
      checkMemoryCaps(instance, instrumented, options.maxMemory);
    }
    return { instance, imports, wasiCalls: { ...(wasi?.calls ?? {}) }, wasiReads: wasi?.reads ?? [] };
  } finally {
    wasi?.close();
  }
}

/** A memory.grow that failed at the cap means init saw a failure it would not have seen: refuse. */
function checkMemoryCaps(instance: WebAssembly.Instance, instrumented: Instrumented, maxMemory: number | undefined): void {
  const flag = instrumented.growFailedExport && (instance.exports[instrumented.growFailedExport] as WebAssembly.Global).value;
  if (flag) fail('LIMIT', `init tried to grow a memory past max-memory (${formatBytes(maxMemory!)}); raise max-memory to snapshot it`);
}

function compile(bytes: Uint8Array): WebAssembly.Module {
  try {
    return new WebAssembly.Module(bufferSource(bytes));
  } catch (err) {
    fail('INVALID_INPUT', `wasm validation failed: ${trapMessage(err)}${proposalHint(trapMessage(err))}`, err);
  }
}

function instantiate(compiled: WebAssembly.Module, imports: WebAssembly.Imports, deadline: Deadline | undefined): WebAssembly.Instance {
  return guarded(deadline, () => new WebAssembly.Instance(compiled, imports));
}

function call(f: () => void, context: string, deadline: Deadline | undefined): void {
  try {
    guarded(deadline, f);
  } catch (err) {
    if (err instanceof PreinitError) throw err;
    fail(err instanceof UnknownImportCall ? err.code : 'TRAP', `${context}: ${trapMessage(err)}`, err);
  }
}

/** V8's trap messages, spelled as wasmtime describes the same trap (its `TrapCode`s). */
const WASMTIME_TRAPS: Array<[RegExp, string]> = [
  [/^unreachable$/, 'wasm `unreachable` instruction executed'],
  [/^(divide|remainder) by zero$/, 'integer divide by zero'],
  [/^divide result unrepresentable$/, 'integer overflow'],
  [/^float unrepresentable in integer range$/, 'invalid conversion to integer'],
  [/^memory access out of bounds$|^data segment (\d+ )?(is )?out of bounds$/, 'out of bounds memory access'],
  [/^operation does not support unaligned accesses$/, 'unaligned atomic'],
  [/^table index is out of bounds$|^element segment (\d+ )?(is )?out of bounds$/, 'undefined element: out of bounds table access'],
  [/^(null function or )?function signature mismatch$/, 'indirect call type mismatch'],
  [/^dereferencing a null pointer$/, 'null reference'],
  [/^illegal cast$/, 'cast failure'],
  [/^array element access out of bounds$/, 'out of bounds array access'],
  [/^requested new array is too large$/, 'allocation size too large'],
  [/^Maximum call stack size exceeded$/, 'call stack exhausted'],
];

/**
 * One line describing a trap or host error, without V8's `WebAssembly.Instance(): ` prefixes. A
 * wasm trap reads as the reference's (`wasm trap: integer divide by zero`).
 */
export function trapMessage(err: unknown): string {
  if (err instanceof ProcExit) return err.message;
  const message = (err instanceof Error ? err.message : String(err)).replace(/^WebAssembly\.\w+\(\): /, '').split('\n')[0];
  const isTrap = (err instanceof WebAssembly.RuntimeError && !(err instanceof UnknownImportCall)) || err instanceof RangeError;
  const trap = isTrap ? WASMTIME_TRAPS.find(([v8]) => v8.test(message)) : undefined;
  return trap ? `wasm trap: ${trap[1]}` : message;
}

/**
 * Imports for `compiled`: host functions (called with `host` as `this`, whose exports the caller
 * sets once instantiated), preloads, WASI when given, and a trapping function for everything else.
 * With `mod` (compiled's parse), an unprovided import JS cannot stand in for (a v128 in its
 * type) traps through a wasm stub, as any other unknown import does.
 */
export async function linkImports(compiled: WebAssembly.Module, options: PreinitOptions, wasi: WasiHost | undefined, host: HostContext = { exports: {} }, mod?: ParsedModule, deadline?: Deadline): Promise<WebAssembly.Imports> {
  const preloads = new Map<string, WebAssembly.Exports>();
  for (const p of options.preloads ?? []) {
    let instance: WebAssembly.Instance;
    try {
      const compiledPreload = compile(detectKind(p.bytes) === 'wat' ? await watToBinary(p.bytes) : p.bytes);
      instance = instantiate(compiledPreload, trappingImports(WebAssembly.Module.imports(compiledPreload)), deadline);
    } catch (err) {
      if (err instanceof PreinitError) throw err;
      fail('TRAP', `failed to instantiate preload \`${p.name}\`: ${trapMessage(err)}`, err);
    }
    preloads.set(p.name, instance.exports);
  }
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const [i, imp] of WebAssembly.Module.imports(compiled).entries()) {
    const hostFn = options.hostFunctions?.[imp.module]?.[imp.name];
    const provided = (hostFn && ((...args: Array<number | bigint>) => hostFn.apply(host, args)))
      ?? preloads.get(imp.module)?.[imp.name] ?? (imp.module === WASI_MODULE ? wasi?.imports[imp.name] : undefined);
    if (provided !== undefined) {
      (imports[imp.module] ??= {})[imp.name] = provided as WebAssembly.ImportValue;
      continue;
    }
    const stub = trap(imp.module, imp.name, imp.module === WASI_MODULE && !wasi);
    const typeIndex = mod?.imports[i].typeIndex;
    const v128 = typeIndex === undefined ? undefined : mod!.types[typeIndex]?.v128Encoding;
    (imports[imp.module] ??= {})[imp.name] = v128 ? wasmStub(v128, stub) : stub;
  }
  return imports;
}

/** A wasm function of type `encoding` that calls `trap` (a JS function with no arguments). */
function wasmStub(encoding: Uint8Array, trap: () => never): WebAssembly.ExportValue {
  const w = new Writer();
  w.bytes(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
  w.section(SECTION.type, new Writer().u32(2).bytes(Uint8Array.of(0x60, 0, 0)).bytes(encoding).finish());
  w.section(SECTION.import, new Writer().u32(1).name('').name('trap').byte(EXTERNAL.func).u32(0).finish());
  w.section(SECTION.function, new Writer().u32(1).u32(1).finish());
  w.section(SECTION.export, new Writer().u32(1).name('f').byte(EXTERNAL.func).u32(1).finish());
  const body = Uint8Array.of(0x00, 0x10, 0x00, 0x00, 0x0b); // no locals; call $trap; unreachable
  w.section(SECTION.code, new Writer().u32(1).u32(body.length).bytes(body).finish());
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bufferSource(w.finish())), { '': { trap } });
  return instance.exports.f;
}

function trappingImports(descriptors: WebAssembly.ModuleImportDescriptor[]): WebAssembly.Imports {
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const d of descriptors) (imports[d.module] ??= {})[d.name] = trap(d.module, d.name);
  return imports;
}

/** A call to an import nobody provides: a trap, as in the reference, that says which import it was. */
class UnknownImportCall extends WebAssembly.RuntimeError {
  constructor(readonly code: 'UNKNOWN_IMPORT' | 'WASI_NOT_ALLOWED', module: string, name: string) {
    super(`unknown import: \`${module}::${name}\` has not been defined`);
  }
}

/** `wasiDenied`: the import is WASI's and WASI was not allowed (so allowing it would help). */
function trap(module: string, name: string, wasiDenied = false): () => never {
  return () => {
    throw new UnknownImportCall(wasiDenied ? 'WASI_NOT_ALLOWED' : 'UNKNOWN_IMPORT', module, name);
  };
}
