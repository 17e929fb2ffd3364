/**
 * The WASI preview1 adapter (wasi_snapshot_preview1.*.wasm) caches WASI handles in a `State` it
 * allocates in linear memory on first use; the handles themselves live in jco's JS tables, which
 * the snapshot does not keep. A guest fixes this by calling the adapter's `reset_adapter_state()`
 * at the end of init. When it did not, and every WASI handle alive was obtained by the adapter
 * (run.ts tags each WASI call with the module whose import made it), the
 * snapshot can be fixed from outside instead: the adapter's `internal_state_ptr` global goes back
 * to null and `allocation_state` to "stack allocated", so the adapter builds a fresh `State` (and
 * asks for fresh handles) on its first WASI call, as it does in a fresh instance. The old `State`
 * stays in memory, unused.
 *
 * The globals are found by name in the adapter's name section, and only in a module that exports
 * preview1 functions (or is named as the adapter); anything unexpected means no fix (the caller
 * refuses instead).
 */
import { Reader } from '../binary.js';
import { SECTION, type ParsedModule } from '../parse.js';
import type { Snapshot } from '../snapshot.js';

/** AllocationState of the adapter: StackUnallocated, StackAllocating, StackAllocated, StateAllocating, StateAllocated. */
const STACK_ALLOCATED = 2n;
const STATE_ALLOCATED = 4n;

/** Functions every preview1 guest that prints or reads a clock imports from the adapter. */
const PREVIEW1_EXPORTS = new Set([
  'fd_write', 'fd_read', 'fd_close', 'fd_seek', 'fd_fdstat_get', 'fd_prestat_get', 'clock_time_get',
  'environ_get', 'environ_sizes_get', 'args_get', 'args_sizes_get', 'random_get', 'proc_exit', 'path_open',
]);

export interface AdapterState {
  /** Static index of the adapter module. */
  module: number;
  /** Global indices. */
  statePtr: number;
  allocationState: number;
}

/** The module name and global names from a core module's `name` section. */
export function readNames(mod: ParsedModule): { module?: string; globals: Map<number, string> } {
  const globals = new Map<number, string>();
  let module: string | undefined;
  const section = mod.sections.find((s) => s.id === SECTION.custom && s.name === 'name');
  if (!section) return { globals };
  try {
    const r = new Reader(mod.bytes, section.payload.start, section.payload.end);
    r.name(); // "name"
    while (!r.done) {
      const id = r.u8();
      const size = r.u32();
      const end = r.pos + size;
      if (id === 0) {
        module = r.name();
      } else if (id === 7) {
        const n = r.u32();
        for (let i = 0; i < n; i++) globals.set(r.u32(), r.name());
      }
      r.pos = end;
    }
  } catch {
    // A malformed name section is only debug information: no names.
  }
  return { module, globals };
}

/** Find the preview1 adapter among the component's modules, if there is exactly one. */
export function findAdapter(mods: ParsedModule[]): AdapterState | undefined {
  const found: AdapterState[] = [];
  mods.forEach((mod, index) => {
    const names = readNames(mod);
    // wit-component strips the adapter's module name; its exports are preview1 functions.
    const preview1 = mod.exports.some((e) => PREVIEW1_EXPORTS.has(e.name));
    if (!names.module?.startsWith('wasi_preview1_component_adapter') && !preview1) return;
    const byName = new Map([...names.globals].map(([i, n]) => [n, i]));
    const statePtr = byName.get('internal_state_ptr');
    const allocationState = byName.get('allocation_state');
    if (statePtr === undefined || allocationState === undefined) return;
    found.push({ module: index, statePtr, allocationState });
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Make the adapter start over in the snapshot. Returns false (and changes nothing) unless the
 * adapter's state is fully allocated, which is what a WASI call during instantiation or init leaves.
 */
export function resetAdapterInSnapshot(adapter: AdapterState, snap: Snapshot): boolean {
  const ptr = snap.globals.find((g) => g.index === adapter.statePtr);
  const alloc = snap.globals.find((g) => g.index === adapter.allocationState);
  if (!ptr || !alloc || alloc.bits !== STATE_ALLOCATED || ptr.bits === 0n) return false;
  ptr.bits = 0n;
  alloc.bits = STACK_ALLOCATED;
  return true;
}
