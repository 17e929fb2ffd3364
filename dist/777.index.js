export const id = 777;
export const ids = [777];
export const modules = {

/***/ 36777:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  preinitializeComponent: () => (/* binding */ preinitializeComponent)
});

// UNUSED EXPORTS: TOOL_NAME, preinitializeComponentDetailed, preview2Warnings

// EXTERNAL MODULE: ./lib/.ncc-stage/engine/errors.js
var errors = __webpack_require__(67989);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/instrument.js
var instrument = __webpack_require__(10291);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/parse.js + 1 modules
var parse = __webpack_require__(45488);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/rewrite.js
var rewrite = __webpack_require__(47696);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/types.js
var types = __webpack_require__(31857);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/secrets.js
var secrets = __webpack_require__(18229);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/snapshot.js + 1 modules
var snapshot = __webpack_require__(36706);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/verify.js
var engine_verify = __webpack_require__(60255);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/warnings.js
var warnings = __webpack_require__(25759);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/component/init.js
var component_init = __webpack_require__(10580);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/component/parse.js
var component_parse = __webpack_require__(1919);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/binary.js
var binary = __webpack_require__(14279);
;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/component/rewrite.js
/**
 * Component stage 5, rewrite: splice the rewritten core modules back into the component, fixing
 * section sizes recursively through nested components (no index space moves), optionally remove
 * a top-level function export (renumbering the component functions defined after it, and the
 * `component-name` section), and record ourselves in the top-level `producers` section.
 */



function rewriteComponent(pc, options) {
    const root = pc.root;
    const patches = new Map();
    let removedIndex;
    if (options.removeExport !== undefined) {
        const removal = planExportRemoval(pc, options.removeExport);
        removedIndex = removal.removedIndex;
        for (const [section, patch] of removal.patches)
            patches.set(section, patch);
    }
    const w = new binary/* Writer */.AU();
    w.bytes(Uint8Array.from(component_parse/* COMPONENT_PREAMBLE */.Ln));
    let producersDone = false;
    root.sections.forEach((section, position) => {
        if (section.id === component_parse/* CSECTION */.bP.custom && section.name === 'component-name' && removedIndex !== undefined) {
            w.section(component_parse/* CSECTION */.bP.custom, renumberNames(pc.bytes, section.payload, removedIndex));
            return;
        }
        if (section.id === component_parse/* CSECTION */.bP.custom && section.name === 'producers' && options.processedBy && !producersDone) {
            producersDone = true;
            w.section(component_parse/* CSECTION */.bP.custom, addProducer(pc.bytes, section.payload, options.processedBy));
            return;
        }
        const patch = patches.get(position);
        if (patch) {
            const payload = applyPatch(pc.bytes, section.payload, patch);
            if (payload)
                w.section(section.id, payload);
            return;
        }
        emitSection(w, pc, section, options.modules);
    });
    if (options.processedBy && !producersDone) {
        w.section(component_parse/* CSECTION */.bP.custom, addProducer(pc.bytes, undefined, options.processedBy));
    }
    return w.finish();
}
function emitNode(pc, node, modules) {
    const w = new binary/* Writer */.AU();
    w.bytes(Uint8Array.from(component_parse/* COMPONENT_PREAMBLE */.Ln));
    for (const section of node.sections)
        emitSection(w, pc, section, modules);
    return w.finish();
}
function emitSection(w, pc, section, modules) {
    if (section.module !== undefined && modules.has(section.module)) {
        w.section(component_parse/* CSECTION */.bP.coreModule, modules.get(section.module));
    }
    else if (section.component && containsReplaced(section.component, modules)) {
        w.section(component_parse/* CSECTION */.bP.component, emitNode(pc, section.component, modules));
    }
    else {
        w.bytes(pc.bytes.subarray(section.range.start, section.range.end));
    }
}
function containsReplaced(node, modules) {
    return node.sections.some((s) => (s.module !== undefined && modules.has(s.module)) || (s.component !== undefined && containsReplaced(s.component, modules)));
}
function planExportRemoval(pc, name) {
    const space = pc.funcs;
    const exp = space.exports.find((e) => e.name === name);
    if (!exp)
        (0,errors/* fail */.fJ)('INIT_FUNC', `the component does not have a \`${name}\` export`);
    if (exp.sort !== component_parse/* SORT */.fv.func)
        (0,errors/* fail */.fJ)('INIT_FUNC', `the component's \`${name}\` export is not a function`);
    if (space.unknown) {
        (0,errors/* fail */.fJ)('UNSUPPORTED', `cannot remove the init export: the component uses an encoding this tool does not know (${space.unknown}); use keep-init-func`);
    }
    const removed = exp.definesIndex;
    const user = space.refs.find((ref) => ref.index === removed && !isEntryOf(ref, exp));
    if (user)
        (0,errors/* fail */.fJ)('UNSUPPORTED', `cannot remove the init export \`${name}\`: the component uses it internally; use keep-init-func`);
    const patches = new Map();
    const patchFor = (section) => {
        let p = patches.get(section);
        if (!p)
            patches.set(section, (p = { refs: [] }));
        return p;
    };
    for (const ref of space.refs) {
        if (ref.index > removed)
            patchFor(ref.section).refs.push({ range: ref.range, value: ref.index - 1 });
    }
    const p = patchFor(exp.section);
    p.drop = exp.range;
    p.count = space.exports.filter((e) => e.section === exp.section).length - 1;
    return { removedIndex: removed, patches };
}
function isEntryOf(ref, exp) {
    return ref.range.start >= exp.range.start && ref.range.end <= exp.range.end;
}
/** The payload with its patches applied, or undefined when a section ends up empty. */
function applyPatch(bytes, payload, patch) {
    const w = new binary/* Writer */.AU();
    let pos = payload.start;
    if (patch.count !== undefined) {
        if (patch.count === 0)
            return undefined;
        const r = new binary/* Reader */.mP(bytes, payload.start, payload.end);
        r.u32();
        w.u32(patch.count);
        pos = r.pos;
    }
    const edits = [...patch.refs];
    if (patch.drop)
        edits.push({ range: patch.drop });
    edits.sort((a, b) => a.range.start - b.range.start);
    for (const edit of edits) {
        if (edit.range.start < pos)
            continue; // a ref inside the dropped entry
        w.bytes(bytes.subarray(pos, edit.range.start));
        if (edit.value !== undefined)
            w.u32(edit.value);
        pos = edit.range.end;
    }
    w.bytes(bytes.subarray(pos, payload.end));
    return w.finish();
}
/** The `component-name` section with the removed function's name dropped and later ones renumbered. */
function renumberNames(bytes, payload, removed) {
    const r = new binary/* Reader */.mP(bytes, payload.start, payload.end);
    const w = new binary/* Writer */.AU();
    w.name(r.name());
    while (!r.done) {
        const start = r.pos;
        const id = r.u8();
        const size = r.u32();
        const end = r.pos + size;
        if (id === 0x01) {
            const sub = new binary/* Reader */.mP(bytes, r.pos, end);
            const sort = sub.u8();
            if (sort === component_parse/* SORT */.fv.func) {
                const entries = [];
                const n = sub.u32();
                for (let i = 0; i < n; i++)
                    entries.push([sub.u32(), sub.name()]);
                const body = new binary/* Writer */.AU().byte(sort);
                const kept = entries.filter(([i]) => i !== removed).map(([i, s]) => [i > removed ? i - 1 : i, s]);
                body.u32(kept.length);
                for (const [i, s] of kept)
                    body.u32(i).name(s);
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
function addProducer(bytes, payload, [tool, version]) {
    const fields = [];
    if (payload) {
        const r = new binary/* Reader */.mP(bytes, payload.start, payload.end);
        if (r.name() !== 'producers')
            (0,errors/* fail */.fJ)('INTERNAL', 'internal error: not a producers section');
        const n = r.u32();
        for (let i = 0; i < n; i++) {
            const field = r.name();
            const values = [];
            const m = r.u32();
            for (let j = 0; j < m; j++)
                values.push([r.name(), r.name()]);
            fields.push([field, values]);
        }
    }
    let processed = fields.find(([f]) => f === 'processed-by');
    if (!processed)
        fields.push((processed = ['processed-by', []]));
    processed[1] = processed[1].filter(([name]) => name !== tool);
    processed[1].push([tool, version]);
    const w = new binary/* Writer */.AU().name('producers').u32(fields.length);
    for (const [field, values] of fields) {
        w.name(field).u32(values.length);
        for (const [name, value] of values)
            w.name(name).name(value);
    }
    return w.finish();
}

// EXTERNAL MODULE: ./lib/.ncc-stage/engine/version.js
var version = __webpack_require__(15752);
;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/component/adapter.js
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


/** AllocationState of the adapter: StackUnallocated, StackAllocating, StackAllocated, StateAllocating, StateAllocated. */
const STACK_ALLOCATED = 2n;
const STATE_ALLOCATED = 4n;
/** Functions every preview1 guest that prints or reads a clock imports from the adapter. */
const PREVIEW1_EXPORTS = new Set([
    'fd_write', 'fd_read', 'fd_close', 'fd_seek', 'fd_fdstat_get', 'fd_prestat_get', 'clock_time_get',
    'environ_get', 'environ_sizes_get', 'args_get', 'args_sizes_get', 'random_get', 'proc_exit', 'path_open',
]);
/** The module name and global names from a core module's `name` section. */
function readNames(mod) {
    const globals = new Map();
    let module;
    const section = mod.sections.find((s) => s.id === parse/* SECTION */.wn.custom && s.name === 'name');
    if (!section)
        return { globals };
    try {
        const r = new binary/* Reader */.mP(mod.bytes, section.payload.start, section.payload.end);
        r.name(); // "name"
        while (!r.done) {
            const id = r.u8();
            const size = r.u32();
            const end = r.pos + size;
            if (id === 0) {
                module = r.name();
            }
            else if (id === 7) {
                const n = r.u32();
                for (let i = 0; i < n; i++)
                    globals.set(r.u32(), r.name());
            }
            r.pos = end;
        }
    }
    catch {
        // A malformed name section is only debug information: no names.
    }
    return { module, globals };
}
/** Find the preview1 adapter among the component's modules, if there is exactly one. */
function findAdapter(mods) {
    const found = [];
    mods.forEach((mod, index) => {
        const names = readNames(mod);
        // wit-component strips the adapter's module name; its exports are preview1 functions.
        const preview1 = mod.exports.some((e) => PREVIEW1_EXPORTS.has(e.name));
        if (!names.module?.startsWith('wasi_preview1_component_adapter') && !preview1)
            return;
        const byName = new Map([...names.globals].map(([i, n]) => [n, i]));
        const statePtr = byName.get('internal_state_ptr');
        const allocationState = byName.get('allocation_state');
        if (statePtr === undefined || allocationState === undefined)
            return;
        found.push({ module: index, statePtr, allocationState });
    });
    return found.length === 1 ? found[0] : undefined;
}
/**
 * Make the adapter start over in the snapshot. Returns false (and changes nothing) unless the
 * adapter's state is fully allocated, which is what a WASI call during instantiation or init leaves.
 */
function resetAdapterInSnapshot(adapter, snap) {
    const ptr = snap.globals.find((g) => g.index === adapter.statePtr);
    const alloc = snap.globals.find((g) => g.index === adapter.allocationState);
    if (!ptr || !alloc || alloc.bits !== STATE_ALLOCATED || ptr.bits === 0n)
        return false;
    ptr.bits = 0n;
    alloc.bits = STACK_ALLOCATED;
    return true;
}

// EXTERNAL MODULE: ./lib/.ncc-stage/engine/component/run.js
var run = __webpack_require__(45785);
;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/component/index.js
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















const TOOL_NAME = 'preinit-action';
async function preinitializeComponent(input, options = {}) {
    const { output, facts } = await preinitializeComponentDetailed(input, options);
    return { output, facts };
}
async function preinitializeComponentDetailed(input, options = {}) {
    const t = { parse: 0, instrument: 0, transpile: 0, instantiate: 0, init: 0, capture: 0, rewrite: 0, validate: 0, verify: 0 };
    const clock = async (stage, f) => {
        const start = performance.now();
        try {
            return await f();
        }
        finally {
            t[stage] += performance.now() - start;
        }
    };
    if (options.renames && options.renames.length > 0)
        (0,errors/* fail */.fJ)('UNSUPPORTED', 'export renames are not supported for components');
    if (options.preloads && options.preloads.length > 0)
        (0,errors/* fail */.fJ)('UNSUPPORTED', 'preloads are not supported for components');
    const call = (0,component_init/* parseInitCall */.kY)(options.initFunc ?? types/* DEFAULT_INIT_FUNC */.sn);
    const { pc, mods } = await clock('parse', () => {
        const pc = (0,component_parse/* parseComponent */.bq)(input);
        const mods = pc.modules.map((m, i) => {
            try {
                return (0,parse/* parseModule */.Y$)(m.bytes, { allowImportedState: true, features: options.wasmFeatures });
            }
            catch (err) {
                if (err instanceof errors/* PreinitError */.iz)
                    (0,errors/* fail */.fJ)(err.code, `core module ${i} of the component: ${err.message}`, err);
                throw err;
            }
        });
        return { pc, mods };
    });
    const instrumented = await clock('instrument', () => mods.map((m) => (0,instrument/* instrument */.wV)(m, options.maxMemory)));
    const transpiled = await clock('transpile', () => (0,run/* transpileComponent */._K)(input, pc.modules));
    // Check the init function before anything runs (and again on the real exports after).
    (0,component_init/* resolveInit */.d_)(call, (0,component_init/* exportShape */.kN)(transpiled.exports, transpiled.declarations), transpiled.declarations);
    // A module that imports a memory grows it without the owner's cap hook: when something traps,
    // say if a memory sits at max-memory, the likely cause.
    const capHint = (instances) => {
        const full = [...instances].flatMap(([index, instance]) => instrumented[index].memories
            .filter((m) => m.cap !== undefined && BigInt(instance.exports[m.exportName].buffer.byteLength)
            >= m.cap * BigInt(2 ** mods[index].memories[m.index - mods[index].importedMemories].pageSizeLog2))
            .map((m) => `memory ${m.index} of core module ${index}`));
        return full.length > 0 ? ` (${full.join(', ')} is at max-memory, ${(0,instrument/* formatBytes */.z3)(options.maxMemory)}: raise max-memory if init needs more)` : '';
    };
    const started = new Map();
    const state = await clock('instantiate', async () => {
        try {
            return await (0,run/* instantiateComponent */._D)(transpiled, new Map(instrumented.map((ins, i) => [i, ins.bytes])), options, started);
        }
        catch (err) {
            const hint = err instanceof errors/* PreinitError */.iz && !err.message.includes('WASI') ? capHint(started) : '';
            if (hint)
                (0,errors/* fail */.fJ)(err.code, `${err.message}${hint}`, err);
            throw err;
        }
    });
    await clock('init', async () => {
        const init = (0,component_init/* resolveInit */.d_)(call, state.exports, transpiled.declarations);
        const args = (call.args ?? []).map((a, i) => (0,component_init/* toJs */.Vt)(a, init.params[i]?.type ?? ''));
        state.wasi.phase = 'init';
        try {
            await init.fn(...args);
        }
        catch (err) {
            if (err instanceof errors/* PreinitError */.iz)
                throw err;
            if (state.wasi.refused)
                throw state.wasi.refused;
            (0,errors/* fail */.fJ)('TRAP', `the \`${call.name}\` function trapped: ${firstLine(err)}${capHint(state.instances)}`, err);
        }
        finally {
            state.wasi.phase = 'done';
            // A memory.grow that failed at the cap means init saw a failure it would not have seen.
            for (const [index, instance] of state.instances) {
                const flag = instrumented[index].growFailedExport;
                if (flag && instance.exports[flag].value) {
                    (0,errors/* fail */.fJ)('LIMIT', `init tried to grow a memory of core module ${index} past max-memory (${(0,instrument/* formatBytes */.z3)(options.maxMemory)}); raise max-memory to snapshot it`);
                }
            }
        }
    });
    const foreign = (0,run/* foreignMemory */.cR)(state);
    if (foreign !== undefined) {
        (0,errors/* fail */.fJ)('UNSUPPORTED', `core module ${foreign} imports a memory that no core module of the component defines; its contents cannot be snapshotted`);
    }
    const changed = (0,run/* changedTable */.D3)(state);
    if (changed)
        (0,errors/* fail */.fJ)('UNSUPPORTED', `a table changed during init (${changed}); tables cannot be snapshotted`);
    const held = [...state.handles].filter(([, n]) => n > 0);
    if (held.length > 0) {
        const what = held.map(([r, n]) => `${n} \`${r}\``).join(', ');
        (0,errors/* fail */.fJ)('UNSUPPORTED', `init left handles of the component's own resources alive (${what}); handles live in the host's tables and do not survive the snapshot: drop them before init returns`);
    }
    // WASI handles still alive live only in jco's tables. When the preview1 adapter holds them all
    // (a preview1 guest), the snapshot can make the adapter start over; otherwise refuse.
    const stale = state.wasi.stale();
    let adapterFix;
    if (stale.length > 0) {
        const adapter = findAdapter(mods);
        if (adapter && state.instances.has(adapter.module) && stale.every((r) => r.owner === adapter.module))
            adapterFix = adapter;
        else
            staleHandles(stale, mods);
    }
    const snaps = await clock('capture', () => {
        const out = new Map();
        for (const [index, instance] of state.instances)
            out.set(index, (0,snapshot/* snapshot */.P9)(instance, mods[index], instrumented[index], state.imports.get(index)));
        return out;
    });
    if (adapterFix && !resetAdapterInSnapshot(adapterFix, snaps.get(adapterFix.module)))
        staleHandles(stale, mods);
    (0,secrets/* checkSecrets */.KK)([...snaps.values()].flatMap((snap) => snap.segments.map((seg) => seg.data)), input, options);
    const modules = new Map();
    const output = await clock('rewrite', () => {
        for (const [index, snap] of snaps)
            modules.set(index, (0,rewrite/* rewrite */.v)(mods[index], snap, { exports: 'keep' }));
        return rewriteComponent(pc, {
            modules,
            // An interface function stays: the interface's other functions cannot lose a sibling.
            removeExport: options.keepInitFunc || call.iface !== undefined ? undefined : call.name,
            processedBy: [TOOL_NAME, version/* VERSION */.x],
        });
    });
    const verify = options.verify ?? true;
    if (verify) {
        // Every rewritten module, instantiated again with the imports its instance got, must start
        // in the state init left.
        await clock('verify', async () => {
            for (const [index, bytes] of modules) {
                // Tables are left out: other modules' segments fill them, and runInit checked them already.
                await (0,engine_verify/* verifyModule */.Sm)(bytes, { ...snaps.get(index), tables: undefined }, {
                    imports: state.imports.get(index),
                    allowImportedState: true,
                    label: `core module ${index} of the component`,
                });
            }
        });
    }
    await clock('validate', async () => {
        let files;
        try {
            ({ files } = await (0,run/* transpileOnly */.tz)(output));
        }
        catch (err) {
            (0,errors/* fail */.fJ)('INTERNAL', `internal error: the pre-initialized component does not validate: ${err instanceof Error ? err.message : String(err)}`, err);
        }
        // jco must find our rewritten modules where the originals were, byte for byte.
        for (const [index, bytes] of modules) {
            const file = files[(0,run/* coreFileName */.ze)(index)];
            if (file && !Buffer.from(file).equals(Buffer.from(bytes))) {
                (0,errors/* fail */.fJ)('INTERNAL', `internal error: core module ${index} is not where it belongs in the pre-initialized component`);
            }
        }
    });
    const memories = [];
    let globals = 0;
    let dataSegments = 0;
    for (const [index, snap] of snaps) {
        const mod = mods[index];
        globals += snap.globals.length;
        dataSegments += snap.segments.length;
        snap.memories.forEach((m, i) => {
            memories.push({
                index: m.index,
                pagesBefore: Number(mod.memories[i].min),
                pagesAfter: Number(m.pages),
                pageSize: 2 ** mod.memories[i].pageSizeLog2,
                dataBytes: snap.segments.filter((s) => s.memory === m.index).reduce((n, s) => n + s.data.length, 0),
            });
        });
    }
    const wasiCalls = state.wasi.calls;
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
            warnings: [...(0,warnings/* nondeterminismWarnings */.I)(wasiCalls), ...preview2Warnings(wasiCalls)],
            verified: verify,
        },
        detail: t,
    };
}
function staleHandles(stale, mods) {
    const what = [...new Set(stale.map((s) => `${s.type} from \`${s.from}\``))].join(', ');
    // A guest built for preview1 reaches WASI through the adapter, which caches its handles.
    const adapter = mods.some((m) => m.imports.some((i) => i.module === 'wasi_snapshot_preview1'));
    const advice = adapter
        ? 'call `reset_adapter_state()` (imported from `wasi_snapshot_preview1`, the adapter) at the end of init'
        : 'drop them before init returns';
    (0,errors/* fail */.fJ)('UNSUPPORTED', `init left ${stale.length} WASI handle(s) open (${what}) that would be stale in the snapshot: ${advice}`);
}
/** The preview2 counterparts of the core engine's nondeterminism warnings. */
function preview2Warnings(wasiCalls) {
    const called = (prefix) => Object.keys(wasiCalls).filter((name) => name.startsWith(prefix));
    const out = [];
    const random = called('wasi:random/');
    if (random.length > 0) {
        out.push(`init read random bytes (${random.join(', ')}): every instance of the snapshot starts with the same "random" state`);
    }
    const clocks = called('wasi:clocks/');
    if (clocks.length > 0)
        out.push(`init read a clock (${clocks.join(', ')}): the snapshot carries that build-time timestamp`);
    return out;
}
function firstLine(err) {
    const text = err instanceof Error ? err.message : String(err);
    return text.split('\n').map((l) => l.trim()).filter(Boolean)[0] ?? 'unknown error';
}


/***/ })

};
