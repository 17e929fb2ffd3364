/**
 * Pre-initialize a WebAssembly component: the core stages run on every core module inside it,
 * while jco's instantiation-mode glue drives the instantiation and gives us every core instance.
 *
 *   parse      walk the component (nested components too), parse every core module
 *   instrument instrument every core module
 *   run        transpile with jco (byte-identical modules only), check the init function,
 *              instantiate with instrumented modules, call init; refuse tables changed,
 *              component resource handles or WASI handles left alive (WASI handles the
 *              preview1 adapter holds are fixed instead: see adapter.ts)
 *   snapshot   read globals and memories straight from the core instances
 *   rewrite    rewrite the instantiated modules, splice them back, drop the init export,
 *              add `processed-by`; verify every rewritten module against the snapshot and
 *              validate the whole output by transpiling it again
 */
import { fail, failNaming, PreinitError } from '../errors.js';
import { formatBytes, instrument, type Instrumented } from '../instrument.js';
import { relaxedSimdLibrary } from '../relaxed-simd.js';
import { parseModule, type ParsedModule } from '../parse.js';
import { rewrite } from '../rewrite.js';
import { DEFAULT_INIT_FUNC } from '../types.js';
import { checkSecrets } from '../secrets.js';
import { memoryFacts, snapshot, type Snapshot } from '../snapshot.js';
import { verifyModule } from '../verify.js';
import type { MemoryFacts, PreinitOptions, PreinitResult } from '../types.js';
import { nondeterminismWarnings } from '../warnings.js';
import { exportShape, parseInitCall, resolveInit, toJs } from './init.js';
import { parseComponent } from './parse.js';
import { rewriteComponent } from './rewrite.js';
import { VERSION } from '../version.js';
import { findAdapter, resetAdapterInSnapshot, type AdapterState } from './adapter.js';
import type { LiveResource } from './wasi.js';
import { changedTable, coreFileName, foreignMemory, instantiateComponent, transpileComponent, transpileView } from './run.js';
import { initResultTypes, type ValType } from './types.js';
import { waveResults } from './wave.js';
import { monotonicMs } from '../watchdog.js';

export const TOOL_NAME = 'preinit-action';

/** Finer timings than `StageTimings`, for the benchmark. */
export interface ComponentTimings {
  parse: number;
  instrument: number;
  transpile: number;
  instantiate: number;
  init: number;
  capture: number;
  rewrite: number;
  validate: number;
  verify: number;
}

export interface ComponentResult extends PreinitResult {
  detail: ComponentTimings;
}

export async function preinitializeComponent(input: Uint8Array, options: PreinitOptions = {}): Promise<PreinitResult> {
  const { output, facts } = await preinitializeComponentDetailed(input, options);
  return { output, facts };
}

export async function preinitializeComponentDetailed(input: Uint8Array, options: PreinitOptions = {}): Promise<ComponentResult> {
  const t: ComponentTimings = { parse: 0, instrument: 0, transpile: 0, instantiate: 0, init: 0, capture: 0, rewrite: 0, validate: 0, verify: 0 };
  const clock = async <T>(stage: keyof ComponentTimings, f: () => T | Promise<T>): Promise<T> => {
    const start = monotonicMs();
    try {
      return await f();
    } finally {
      t[stage] += monotonicMs() - start;
    }
  };
  if (options.renames && options.renames.length > 0) fail('UNSUPPORTED', 'export renames are not supported for components');
  if (options.preloads && options.preloads.length > 0) fail('UNSUPPORTED', 'preloads are not supported for components');
  const call = parseInitCall(options.initFunc ?? DEFAULT_INIT_FUNC);

  const { pc, mods } = await clock('parse', () => {
    const pc = parseComponent(input);
    const mods = pc.modules.map((m, i) => {
      try {
        return parseModule(m.bytes, { allowImportedState: true, features: options.wasmFeatures });
      } catch (err) {
        if (err instanceof PreinitError) fail(err.code, `core module ${i} of the component: ${err.message}`, err);
        throw err;
      }
    });
    return { pc, mods };
  });
  const relaxedSimd = options.relaxedSimdDeterministic ? await relaxedSimdLibrary() : undefined;
  const instrumented = await clock('instrument', () => mods.map((m) => instrument(m, { maxMemory: options.maxMemory, relaxedSimd })));
  const transpiled = await clock('transpile', () => transpileComponent(pc, call.iface));
  // Check the init function before anything runs (and again on the real exports after).
  resolveInit(call, exportShape(transpiled.exports, transpiled.declarations), transpiled.declarations);
  // As wasmtime's linker without WASI: a WASI import is refused before anything runs.
  const wasi = options.allowWasi ? undefined : pc.imports.find((i) => i.name.startsWith('wasi:'));
  if (wasi) {
    failNaming('WASI_NOT_ALLOWED', ['allowWasi'], `component imports ${wasi.desc} \`${wasi.name}\`, but a matching implementation was not found in the linker (WASI is off: set allowWasi)`);
  }

  // A module that imports a memory grows it without the owner's cap hook: when something traps,
  // say if a memory sits at max-memory, the likely cause.
  const capHint = (instances: Map<number, WebAssembly.Instance>): string => {
    const full = [...instances].flatMap(([index, instance]) => instrumented[index].memories
      .filter((m) => m.cap !== undefined && BigInt((instance.exports[m.exportName] as WebAssembly.Memory).buffer.byteLength)
        >= m.cap * BigInt(2 ** mods[index].memories[m.index - mods[index].importedMemories].pageSizeLog2))
      .map((m) => `memory ${m.index} of core module ${index}`));
    return full.length > 0 ? ` (${full.join(', ')} is at max-memory, ${formatBytes(options.maxMemory!)}: raise max-memory if init needs more)` : '';
  };
  const started = new Map<number, WebAssembly.Instance>();
  const state = await clock('instantiate', async () => {
    try {
      return await instantiateComponent(transpiled, new Map(instrumented.map((ins, i) => [i, ins.bytes])), options, started);
    } catch (err) {
      const hint = err instanceof PreinitError && !err.message.includes('WASI') ? capHint(started) : '';
      if (hint) fail((err as PreinitError).code, `${(err as Error).message}${hint}`, err);
      throw err;
    }
  });
  const resultTypes = initResultTypes(pc, call);
  // jco returns a `result`'s ok payload and throws its err payload: both are results, not traps.
  const returnsResult = resultTypes?.length === 1 && resultTypes[0].kind === 'result';
  const returned = await clock('init', async (): Promise<unknown> => {
    const init = resolveInit(call, state.exports, transpiled.declarations);
    const args = (call.args ?? []).map((a, i) => toJs(a, init.params[i]?.type ?? ''));
    state.wasi.phase = 'init';
    try {
      const value = await init.fn(...args);
      return returnsResult ? { tag: 'ok', val: value } : value;
    } catch (err) {
      if (err instanceof PreinitError) throw err;
      if (returnsResult && !state.wasi.refused && err instanceof Error && 'payload' in err) return { tag: 'err', val: err.payload };
      if (state.wasi.refused) throw state.wasi.refused;
      fail('TRAP', `the \`${call.name}\` function trapped: ${firstLine(err)}${capHint(state.instances)}`, err);
    } finally {
      state.wasi.phase = 'done';
      checkGrowCaps(state.instances, instrumented, options.maxMemory);
    }
  });
  const foreign = foreignMemory(state);
  if (foreign !== undefined) {
    fail('UNSUPPORTED', `core module ${foreign} imports a memory that no core module of the component defines; its contents cannot be snapshotted`);
  }
  const changed = changedTable(state);
  if (changed) fail('UNSUPPORTED', `a table changed during init (${changed}); tables cannot be snapshotted`);
  const held = [...state.handles].filter(([, n]) => n > 0);
  if (held.length > 0) {
    const what = held.map(([r, n]) => `${n} \`${r}\``).join(', ');
    fail('UNSUPPORTED', `init left handles of the component's own resources alive (${what}); handles live in the host's tables and do not survive the snapshot: drop them before init returns`);
  }
  // WASI handles still alive live only in jco's tables. When the preview1 adapter holds them all
  // (a preview1 guest), the snapshot can make the adapter start over; otherwise refuse.
  const stale = state.wasi.stale();
  let adapterFix: AdapterState | undefined;
  if (stale.length > 0) {
    const adapter = findAdapter(mods);
    if (adapter && state.instances.has(adapter.module) && stale.every((r) => r.owner === adapter.module)) adapterFix = adapter;
    else staleHandles(stale, mods);
  }

  const snaps = await clock('capture', () => {
    const out = new Map<number, Snapshot>();
    for (const [index, instance] of state.instances) out.set(index, snapshot(instance, mods[index], instrumented[index] as Instrumented, state.imports.get(index)!));
    return out;
  });
  if (adapterFix && !resetAdapterInSnapshot(adapterFix, snaps.get(adapterFix.module)!)) staleHandles(stale, mods);
  checkSecrets([...snaps.values()].flatMap((snap) => snap.segments.memories), input, options);
  const modules = new Map<number, Uint8Array>();
  const output = await clock('rewrite', () => {
    for (const [index, snap] of snaps) modules.set(index, rewrite(mods[index], snap, { exports: 'keep' }));
    return rewriteComponent(pc, {
      modules,
      // An interface function stays: the interface's other functions cannot lose a sibling.
      removeExport: options.keepInitFunc || call.iface !== undefined ? undefined : call.name,
      processedBy: [TOOL_NAME, VERSION],
    });
  });
  const verify = options.verify ?? true;
  if (verify) {
    // Every rewritten module, instantiated again with the imports its instance got, must start
    // in the state init left.
    await clock('verify', async () => {
      for (const [index, bytes] of modules) {
        // Tables are left out: other modules' segments fill them, and runInit checked them already.
        await verifyModule(bytes, { ...snaps.get(index)!, tables: undefined }, {
          imports: state.imports.get(index),
          allowImportedState: true,
          label: `core module ${index} of the component`,
        });
      }
    });
  }
  await clock('validate', async () => {
    let files: Record<string, Uint8Array>;
    try {
      ({ files } = await transpileView(output, call.iface));
    } catch (err) {
      fail('INTERNAL', `internal error: the pre-initialized component does not validate: ${err instanceof Error ? err.message : String(err)}`, err);
    }
    // jco must find our rewritten modules where the originals were, byte for byte.
    for (const [index, bytes] of modules) {
      const file = files[coreFileName(index)];
      if (file && !Buffer.from(file).equals(Buffer.from(bytes))) {
        fail('INTERNAL', `internal error: core module ${index} is not where it belongs in the pre-initialized component`);
      }
    }
  });

  const memories: MemoryFacts[] = [];
  let globals = 0;
  let dataSegments = 0;
  for (const [index, snap] of snaps) {
    const mod: ParsedModule = mods[index];
    globals += snap.globals.length;
    dataSegments += snap.segments.count;
    memories.push(...memoryFacts(mod.memories, snap));
  }
  const wasiCalls = state.wasi.calls;
  const printed = printResults(call.name, resultTypes, returned);
  return {
    output,
    facts: {
      kind: 'component',
      globals,
      memories,
      dataSegments,
      wasiCalls,
      ...(options.traceWasi ? { wasiReads: state.wasi.reads } : {}),
      timings: {
        parse: t.parse + t.transpile,
        instrument: t.instrument,
        run: t.instantiate + t.init,
        snapshot: t.capture,
        rewrite: t.rewrite + t.validate,
        ...(verify ? { verify: t.verify } : {}),
      },
      warnings: [...nondeterminismWarnings(wasiCalls), ...preview2Warnings(wasiCalls), ...printed.warnings],
      verified: verify,
      ...(printed.text === undefined ? {} : { initResults: printed.text }),
    },
    detail: t,
  };
}

/** A memory.grow that failed at the cap means init saw a failure it would not have seen. */
function checkGrowCaps(instances: Map<number, WebAssembly.Instance>, instrumented: Instrumented[], maxMemory: number | undefined): void {
  for (const [index, instance] of instances) {
    const flag = instrumented[index].growFailedExport;
    if (flag && (instance.exports[flag] as WebAssembly.Global).value) {
      fail('LIMIT', `init tried to grow a memory of core module ${index} past max-memory (${formatBytes(maxMemory!)}); raise max-memory to snapshot it`);
    }
  }
}

/** The init call's results in WAVE, or why they cannot be printed. */
function printResults(name: string, types: ValType[] | undefined, returned: unknown): { text?: string; warnings: string[] } {
  if (types === undefined) return { warnings: [`cannot print what \`${name}\` returned: the component's layout is one this tool does not follow`] };
  const printed = waveResults(types.length === 0 ? [] : [returned], types);
  return 'text' in printed ? { text: printed.text, warnings: [] } : { warnings: [`cannot print what \`${name}\` returned: it holds ${printed.unprintable}, which WAVE cannot write`] };
}

function staleHandles(stale: LiveResource[], mods: ParsedModule[]): never {
  const what = [...new Set(stale.map((s) => `${s.type} from \`${s.from}\``))].join(', ');
  // A guest built for preview1 reaches WASI through the adapter, which caches its handles.
  const adapter = mods.some((m) => m.imports.some((i) => i.module === 'wasi_snapshot_preview1'));
  const advice = adapter
    ? 'call `reset_adapter_state()` (imported from `wasi_snapshot_preview1`, the adapter) at the end of init'
    : 'drop them before init returns';
  fail('UNSUPPORTED', `init left ${stale.length} WASI handle(s) open (${what}) that would be stale in the snapshot: ${advice}`);
}

/** The preview2 counterparts of the core engine's nondeterminism warnings. */
export function preview2Warnings(wasiCalls: Record<string, number>): string[] {
  const called = (prefix: string) => Object.keys(wasiCalls).filter((name) => name.startsWith(prefix));
  const out: string[] = [];
  const random = called('wasi:random/');
  if (random.length > 0) {
    out.push(`init read random bytes (${random.join(', ')}): every instance of the snapshot starts with the same "random" state`);
  }
  const clocks = called('wasi:clocks/');
  if (clocks.length > 0) out.push(`init read a clock (${clocks.join(', ')}): the snapshot carries that build-time timestamp`);
  return out;
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n').map((l) => l.trim()).filter(Boolean)[0] ?? 'unknown error';
}
