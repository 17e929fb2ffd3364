/**
 * Stage 3, run: instantiate the instrumented module and call its init function. Imports come from
 * preloaded modules and, when allowed, WASI; every other import is a function that traps when
 * called, so an import that init never calls is harmless. The start function runs during
 * instantiation and its effects are kept.
 */
import { bufferSource, detectKind } from './binary.js';
import { fail } from './errors.js';
import { EXTERNAL, proposalHint, type ParsedModule } from './parse.js';
import { formatBytes, type Instrumented } from './instrument.js';
import { DEFAULT_INIT_FUNC, type HostContext, type PreinitOptions, type WasiRead } from './types.js';
import { watToBinary } from './wat.js';
import { createWasi, ProcExit, WASI_MODULE, type WasiHost } from './wasi.js';


export interface Initialized {
  instance: WebAssembly.Instance;
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

export async function runInit(mod: ParsedModule, instrumented: Instrumented, options: PreinitOptions): Promise<Initialized> {
  const initFunc = options.initFunc ?? DEFAULT_INIT_FUNC;
  checkInitExport(mod, initFunc);
  const compiled = await compile(instrumented.bytes);
  const wasi = options.allowWasi ? createWasi(options) : undefined;
  try {
    const host = { exports: {} };
    const imports = await linkImports(compiled, options, wasi, host);
    let instance: WebAssembly.Instance;
    try {
      instance = await WebAssembly.instantiate(compiled, imports);
    } catch (err) {
      fail('TRAP', `failed to instantiate the Wasm module: ${trapMessage(err)}`, err);
    }
    host.exports = instance.exports;
    const memory = instance.exports.memory;
    if (wasi && memory instanceof WebAssembly.Memory) wasi.bind(memory);
    const reactorInit = instance.exports._initialize;
    try {
      if (initFunc !== '_initialize' && typeof reactorInit === 'function') {
        call(reactorInit as () => void, 'calling the Reactor initialization function');
      }
      call(instance.exports[initFunc] as () => void, `the \`${initFunc}\` function trapped`);
    } finally {
      checkMemoryCaps(instance, instrumented, options.maxMemory);
    }
    return { instance, wasiCalls: { ...(wasi?.calls ?? {}) }, wasiReads: wasi?.reads ?? [] };
  } finally {
    wasi?.close();
  }
}

/** A memory.grow that failed at the cap means init saw a failure it would not have seen: refuse. */
function checkMemoryCaps(instance: WebAssembly.Instance, instrumented: Instrumented, maxMemory: number | undefined): void {
  const flag = instrumented.growFailedExport && (instance.exports[instrumented.growFailedExport] as WebAssembly.Global).value;
  if (flag) fail('LIMIT', `init tried to grow a memory past max-memory (${formatBytes(maxMemory!)}); raise max-memory to snapshot it`);
}

async function compile(bytes: Uint8Array): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compile(bufferSource(bytes));
  } catch (err) {
    fail('INVALID_INPUT', `wasm validation failed: ${trapMessage(err)}${proposalHint(trapMessage(err))}`, err);
  }
}

function call(f: () => void, context: string): void {
  try {
    f();
  } catch (err) {
    fail(err instanceof UnknownImportCall ? err.code : 'TRAP', `${context}: ${trapMessage(err)}`, err);
  }
}

/** One line describing a trap or host error, without V8's `WebAssembly.Instance(): ` prefixes. */
export function trapMessage(err: unknown): string {
  if (err instanceof ProcExit) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^WebAssembly\.\w+\(\): /, '').split('\n')[0];
}

/**
 * Imports for `compiled`: host functions (called with `host` as `this`, whose exports the caller
 * sets once instantiated), preloads, WASI when given, and a trapping function for everything else.
 */
export async function linkImports(compiled: WebAssembly.Module, options: PreinitOptions, wasi: WasiHost | undefined, host: HostContext = { exports: {} }): Promise<WebAssembly.Imports> {
  const preloads = new Map<string, WebAssembly.Exports>();
  for (const p of options.preloads ?? []) {
    let instance: WebAssembly.Instance;
    try {
      const compiledPreload = await compile(detectKind(p.bytes) === 'wat' ? await watToBinary(p.bytes) : p.bytes);
      instance = await WebAssembly.instantiate(compiledPreload, trappingImports(WebAssembly.Module.imports(compiledPreload)));
    } catch (err) {
      fail('TRAP', `failed to instantiate preload \`${p.name}\`: ${trapMessage(err)}`, err);
    }
    preloads.set(p.name, instance.exports);
  }
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const imp of WebAssembly.Module.imports(compiled)) {
    const hostFn = options.hostFunctions?.[imp.module]?.[imp.name];
    const provided = (hostFn && ((...args: Array<number | bigint>) => hostFn.apply(host, args)))
      ?? preloads.get(imp.module)?.[imp.name] ?? (imp.module === WASI_MODULE ? wasi?.imports[imp.name] : undefined);
    (imports[imp.module] ??= {})[imp.name] = (provided as WebAssembly.ImportValue) ?? trap(imp.module, imp.name, imp.module === WASI_MODULE && !wasi);
  }
  return imports;
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
