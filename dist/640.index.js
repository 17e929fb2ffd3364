export const id = 640;
export const ids = [640];
export const modules = {

/***/ 17640:
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
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/relaxed-simd.js
var relaxed_simd = __webpack_require__(75513);
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
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/component/rewrite.js
var component_rewrite = __webpack_require__(13736);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/version.js
var version = __webpack_require__(15752);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/binary.js
var binary = __webpack_require__(14279);
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
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/component/encoding.js
var encoding = __webpack_require__(46699);
;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/component/types.js
/**
 * The WIT type of a component function, read from the component binary's top level: its type,
 * function, instance and export index spaces, enough to find what an init call returns so its
 * results can be printed in WAVE (wave.ts). Functions of an exported interface are followed
 * through the instance that exports them, also when wit-component wraps them in a nested shim
 * component. Anything this reader does not follow gives `undefined`, never a guess.
 */



const PRIMITIVES = {
    0x7f: 'bool', 0x7e: 's8', 0x7d: 'u8', 0x7c: 's16', 0x7b: 'u16', 0x7a: 's32', 0x79: 'u32',
    0x78: 's64', 0x77: 'u64', 0x76: 'f32', 0x75: 'f64', 0x74: 'char', 0x73: 'string',
};
function valType(r) {
    const b = r.u8();
    if (b in PRIMITIVES)
        return { kind: PRIMITIVES[b] };
    if (b >= 0x64 && b < 0x80)
        throw new encoding/* Unknown */.$r(`value type 0x${b.toString(16)}`);
    r.pos--;
    return r.u32();
}
function optional(r, read) {
    const flag = r.u8();
    if (flag === 0x00)
        return undefined;
    if (flag !== 0x01)
        throw new encoding/* Unknown */.$r('optional');
    return read();
}
function vec(r, read) {
    return Array.from({ length: r.u32() }, read);
}
/** One type definition; component, instance and resource types are skipped over. */
function readType(r) {
    const op = r.u8();
    if (op in PRIMITIVES)
        return { def: 'val', read: () => ({ kind: PRIMITIVES[op] }) };
    switch (op) {
        case 0x72: {
            const fields = vec(r, () => [r.name(), valType(r)]);
            return { def: 'val', read: (resolve) => ({ kind: 'record', fields: fields.map(([n, t]) => [n, resolve(t)]) }) };
        }
        case 0x71: {
            const cases = vec(r, () => {
                const c = [r.name(), optional(r, () => valType(r))];
                if (r.u8() !== 0x00)
                    throw new encoding/* Unknown */.$r('variant refines');
                return c;
            });
            return { def: 'val', read: (resolve) => ({ kind: 'variant', cases: cases.map(([n, t]) => [n, t === undefined ? undefined : resolve(t)]) }) };
        }
        case 0x70:
        case 0x67: {
            const element = valType(r);
            if (op === 0x67)
                r.u32();
            return { def: 'val', read: (resolve) => ({ kind: 'list', element: resolve(element) }) };
        }
        case 0x6f: {
            const types = vec(r, () => valType(r));
            return { def: 'val', read: (resolve) => ({ kind: 'tuple', types: types.map(resolve) }) };
        }
        case 0x6e:
        case 0x6d: {
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
        case 0x69:
        case 0x68:
            r.u32();
            return { def: 'val', read: () => ({ kind: 'unprintable', what: 'a resource handle' }) };
        case 0x66:
        case 0x65:
            optional(r, () => valType(r));
            return { def: 'val', read: () => ({ kind: 'unprintable', what: op === 0x66 ? 'a stream' : 'a future' }) };
        case 0x40:
        case 0x43: {
            vec(r, () => [r.name(), valType(r)]);
            const kind = r.u8();
            if (kind === 0x00)
                return { def: 'func', result: valType(r) };
            if (kind !== 0x01 || r.u8() !== 0x00)
                throw new encoding/* Unknown */.$r('result list');
            return { def: 'func' };
        }
        case 0x41:
        case 0x42:
            vec(r, () => skipDecl(r));
            return { def: 'other', what: op === 0x41 ? 'component' : 'instance' };
        case 0x3f:
            if (r.u8() !== 0x7f)
                throw new encoding/* Unknown */.$r('resource rep');
            optional(r, () => r.u32());
            return { def: 'other', what: 'resource' };
        default:
            throw new encoding/* Unknown */.$r(`type 0x${op.toString(16)}`);
    }
}
function skipDecl(r) {
    const kind = r.u8();
    switch (kind) {
        case 0x00:
            skipCoreType(r);
            return;
        case 0x01:
            readType(r);
            return;
        case 0x02:
            (0,encoding/* readAlias */.Jd)(r);
            return;
        case 0x03:
        case 0x04:
            (0,encoding/* readExternName */.as)(r);
            (0,encoding/* skipExternDesc */.Hf)(r);
            return;
        default: throw new encoding/* Unknown */.$r(`declaration 0x${kind.toString(16)}`);
    }
}
function skipCoreType(r) {
    const op = r.u8();
    if (op === 0x60) {
        vec(r, () => r.u8());
        vec(r, () => r.u8());
    }
    else if (op === 0x50) {
        vec(r, () => {
            const decl = r.u8();
            if (decl === 0x00) {
                r.name();
                r.name();
                skipCoreImportDesc(r);
            }
            else if (decl === 0x01)
                skipCoreType(r);
            else if (decl === 0x02) {
                r.u8();
                r.u8();
                r.u32();
                r.u32();
            }
            else if (decl === 0x03) {
                r.name();
                skipCoreImportDesc(r);
            }
            else
                throw new encoding/* Unknown */.$r('module declaration');
        });
    }
    else {
        throw new encoding/* Unknown */.$r(`core type 0x${op.toString(16)}`);
    }
}
function skipCoreImportDesc(r) {
    const kind = r.u8();
    if (kind === 0x00)
        r.u32();
    else
        throw new encoding/* Unknown */.$r('core import other than a function');
}
/** A sort as one number: core sorts as 0x100 | the core sort. */
function sortNumber({ sort, coreSort }) {
    return coreSort === undefined ? sort : 0x100 | coreSort;
}
function sortOf(r) {
    return sortNumber((0,encoding/* readSort */.zN)(r));
}
function spacesOf(bytes, node) {
    const s = { types: [], funcs: [], instances: [], components: [], exports: new Map() };
    // An alias, import or export: a copy of item `copyOf` of its sort, or one nothing here follows.
    const define = (sortId, copyOf) => {
        const copy = (space, opaque) => space.push(copyOf === undefined ? opaque : space[copyOf] ?? opaque);
        if (sortId === encoding/* SORT */.fv.type)
            copy(s.types, { def: 'other', what: 'type' });
        else if (sortId === encoding/* SORT */.fv.func)
            copy(s.funcs, { from: 'opaque' });
        else if (sortId === encoding/* SORT */.fv.instance)
            copy(s.instances, { from: 'opaque' });
        else if (sortId === encoding/* SORT */.fv.component)
            copy(s.components, undefined);
    };
    for (const section of node.sections) {
        if (section.component) {
            s.components.push(section.component);
            continue;
        }
        const r = new binary/* Reader */.mP(bytes, section.payload.start, section.payload.end);
        switch (section.id) {
            case component_parse/* CSECTION */.bP.type:
                vec(r, () => s.types.push(readType(r)));
                break;
            case component_parse/* CSECTION */.bP.import:
                vec(r, () => {
                    const name = (0,encoding/* readExternName */.as)(r);
                    const desc = (0,encoding/* skipExternDesc */.Hf)(r);
                    if (desc.kind === 0x01)
                        s.funcs.push({ from: 'import', name });
                    else if (desc.kind === 0x03 && desc.type === undefined)
                        s.types.push({ def: 'other', what: 'resource' });
                    else if (desc.kind === 0x05)
                        s.instances.push({ from: 'import', name });
                    else
                        define(desc.kind, desc.kind === encoding/* SORT */.fv.type ? desc.type : undefined);
                });
                break;
            case component_parse/* CSECTION */.bP.alias:
                vec(r, () => define(sortNumber((0,encoding/* readAlias */.Jd)(r))));
                break;
            case component_parse/* CSECTION */.bP.canon:
                vec(r, () => {
                    const lifted = (0,encoding/* readCanon */.GG)(r);
                    if (lifted !== undefined)
                        s.funcs.push({ from: 'type', type: lifted });
                });
                break;
            case component_parse/* CSECTION */.bP.instance:
                vec(r, () => {
                    const kind = r.u8();
                    const args = new Map();
                    if (kind === 0x00) {
                        const component = r.u32();
                        vec(r, () => args.set(r.name(), { sort: sortOf(r), index: r.u32() }));
                        s.instances.push({ from: 'instantiate', component, args });
                    }
                    else {
                        vec(r, () => args.set((0,encoding/* readExternName */.as)(r), { sort: sortOf(r), index: r.u32() }));
                        s.instances.push({ from: 'bundle', exports: args });
                    }
                });
                break;
            case component_parse/* CSECTION */.bP.export:
                vec(r, () => {
                    const name = (0,encoding/* readExternName */.as)(r);
                    const item = { sort: sortOf(r), index: r.u32() };
                    optional(r, () => (0,encoding/* skipExternDesc */.Hf)(r));
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
function initResultTypes(pc, call) {
    try {
        const top = spacesOf(pc.bytes, pc.root);
        const func = call.iface === undefined ? top.exports.get(call.func) : interfaceFunc(pc.bytes, top, call.iface, call.func);
        if (func?.sort !== encoding/* SORT */.fv.func)
            return undefined;
        const item = top.funcs[func.index];
        const type = item?.from === 'type' ? top.types[item.type] : undefined;
        if (type?.def !== 'func')
            return undefined;
        return type.result === undefined ? [] : [resolver(top.types)(type.result)];
    }
    catch {
        // An encoding this reader does not know (or reads differently from the validator that
        // accepted the component): the results go unprinted, the snapshot is not at stake.
        return undefined;
    }
}
/** The top-level function an exported interface's `func` is, through a bundle or a shim component. */
function interfaceFunc(bytes, top, iface, func) {
    const exported = top.exports.get(iface);
    if (exported?.sort !== encoding/* SORT */.fv.instance)
        return undefined;
    const instance = top.instances[exported.index];
    if (instance?.from === 'bundle')
        return instance.exports.get(func);
    if (instance?.from !== 'instantiate')
        return undefined;
    // wit-component's shim re-exports its imports with WIT names: follow the export to the import.
    const node = top.components[instance.component];
    if (!node)
        return undefined;
    const shim = spacesOf(bytes, node);
    const inner = shim.exports.get(func);
    const imported = inner?.sort === encoding/* SORT */.fv.func ? shim.funcs[inner.index] : undefined;
    return imported?.from === 'import' ? instance.args.get(imported.name) : undefined;
}
function resolver(types) {
    const resolve = (t, depth = 0) => {
        if (typeof t !== 'number')
            return t;
        const raw = types[t];
        if (!raw || depth > 100)
            throw new encoding/* Unknown */.$r(`type ${t}`);
        if (raw.def === 'val')
            return raw.read((inner) => resolve(inner, depth + 1));
        if (raw.def === 'other' && raw.what === 'resource')
            return { kind: 'unprintable', what: 'a resource' };
        throw new encoding/* Unknown */.$r(`type ${t} is not a value type`);
    };
    return (t) => resolve(t);
}

;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/component/wave.js
/**
 * WAVE (the WebAssembly Value Encoding) of jco's JavaScript values, written as wasm-wave's writer
 * writes them: what `wasmtime wizer` prints for an init call's results.
 */

/** Names that WAVE writes with a `%` prefix when they are a variant case or an enum case. */
const KEYWORDS = new Set(['true', 'false', 'inf', 'nan', 'some', 'none', 'ok', 'err']);
class Unprintable extends Error {
}
/**
 * Results as `wasmtime wizer` prints them (one value alone, none or several as a tuple), or what
 * WAVE cannot write (a resource, a stream, a future) when they hold one.
 */
function waveResults(values, types) {
    try {
        return { text: types.length === 1 ? wave(values[0], types[0]) : `(${types.map((t, i) => wave(values[i], t)).join(', ')})` };
    }
    catch (err) {
        if (err instanceof Unprintable)
            return { unprintable: err.message };
        throw err;
    }
}
function wave(value, type) {
    switch (type.kind) {
        case 'bool':
            return value ? 'true' : 'false';
        case 's8':
        case 'u8':
        case 's16':
        case 'u16':
        case 's32':
        case 'u32':
        case 's64':
        case 'u64':
            return String(value);
        case 'f32':
        case 'f64':
            return wave_float(value, type.kind);
        case 'char':
            return `'${wave_escape(value)}'`;
        case 'string':
            return `"${wave_escape(value)}"`;
        case 'list':
            return `[${Array.from(value, (v) => wave(v, type.element)).join(', ')}]`;
        case 'tuple':
            return `(${type.types.map((t, i) => wave(value[i], t)).join(', ')})`;
        case 'record': {
            const record = value;
            // A field whose option is none is left out; a record with nothing to show is `{:}`.
            const shown = type.fields.filter(([name, t]) => t.kind !== 'option' || !isNone(record[(0,component_init/* jsName */.x6)(name)], t));
            return shown.length === 0 ? '{:}' : `{${shown.map(([name, t]) => `${name}: ${wave(record[(0,component_init/* jsName */.x6)(name)], t)}`).join(', ')}}`;
        }
        case 'variant': {
            const { tag, val } = value;
            const payload = type.cases.find(([name]) => name === tag)?.[1];
            return `${label(tag)}${payload ? `(${wave(val, payload)})` : ''}`;
        }
        case 'enum':
            return label(value);
        case 'flags':
            return `{${type.names.filter((name) => value[(0,component_init/* jsName */.x6)(name)]).join(', ')}}`;
        case 'option':
            if (isNone(value, type))
                return 'none';
            return `some(${wave(type.some.kind === 'option' ? value.val : value, type.some)})`;
        case 'result': {
            const { tag, val } = value;
            const payload = tag === 'ok' ? type.ok : type.err;
            return `${tag}${payload ? `(${wave(val, payload)})` : ''}`;
        }
        case 'unprintable':
            throw new Unprintable(type.what);
    }
}
/** jco gives an option as the value or undefined, and a nested option as `{ tag: 'some' | 'none' }`. */
function isNone(value, type) {
    return type.some.kind === 'option' ? value.tag === 'none' : value === undefined || value === null;
}
function label(name) {
    return KEYWORDS.has(name) ? `%${name}` : name;
}
/** Rust's `Display` of a float: the shortest digits that read back, never an exponent. */
function wave_float(x, kind) {
    if (Number.isNaN(x))
        return 'nan';
    if (!Number.isFinite(x))
        return x > 0 ? 'inf' : '-inf';
    if (Object.is(x, -0))
        return '-0';
    let text = String(x);
    if (kind === 'f32') {
        for (let digits = 1; digits <= 9; digits++) {
            const shorter = Number(x.toPrecision(digits));
            if (Math.fround(shorter) === x) {
                text = String(shorter);
                break;
            }
        }
    }
    return plainDecimal(text);
}
/** `1.5e-7` as `0.00000015`, `1e+21` as `1000000000000000000000`. */
function plainDecimal(text) {
    const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!m)
        return text;
    const [, sign, whole, fraction = '', exp] = m;
    const digits = whole + fraction;
    const point = whole.length + Number(exp);
    if (point <= 0)
        return `${sign}0.${'0'.repeat(-point)}${digits}`;
    if (point >= digits.length)
        return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
const SIMPLE_ESCAPES = { '\\': '\\\\', '"': '\\"', "'": "\\'", '\t': '\\t', '\r': '\\r', '\n': '\\n' };
/** Rust's escapes as wasm-wave uses them: the simple ones, then `\u{..}` for what does not print. */
function wave_escape(text) {
    return Array.from(text, (ch) => {
        if (ch in SIMPLE_ESCAPES)
            return SIMPLE_ESCAPES[ch];
        const unprintable = ch !== ' ' && /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Grapheme_Extend}]/u.test(ch);
        return unprintable ? `\\u{${ch.codePointAt(0).toString(16)}}` : ch;
    }).join('');
}

// EXTERNAL MODULE: ./lib/.ncc-stage/engine/watchdog.js
var watchdog = __webpack_require__(74361);
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
        const start = (0,watchdog/* monotonicMs */.dR)();
        try {
            return await f();
        }
        finally {
            t[stage] += (0,watchdog/* monotonicMs */.dR)() - start;
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
    const relaxedSimd = options.relaxedSimdDeterministic ? await (0,relaxed_simd/* relaxedSimdLibrary */.g)() : undefined;
    const instrumented = await clock('instrument', () => mods.map((m) => (0,instrument/* instrument */.wV)(m, { maxMemory: options.maxMemory, relaxedSimd })));
    const transpiled = await clock('transpile', () => (0,run/* transpileComponent */._K)(pc, call.iface));
    // Check the init function before anything runs (and again on the real exports after).
    (0,component_init/* resolveInit */.d_)(call, (0,component_init/* exportShape */.kN)(transpiled.exports, transpiled.declarations), transpiled.declarations);
    // As wasmtime's linker without WASI: a WASI import is refused before anything runs.
    const wasi = options.allowWasi ? undefined : pc.imports.find((i) => i.name.startsWith('wasi:'));
    if (wasi) {
        (0,errors/* failNaming */.zB)('WASI_NOT_ALLOWED', ['allowWasi'], `component imports ${wasi.desc} \`${wasi.name}\`, but a matching implementation was not found in the linker (WASI is off: set allowWasi)`);
    }
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
    const resultTypes = initResultTypes(pc, call);
    // jco returns a `result`'s ok payload and throws its err payload: both are results, not traps.
    const returnsResult = resultTypes?.length === 1 && resultTypes[0].kind === 'result';
    const returned = await clock('init', async () => {
        const init = (0,component_init/* resolveInit */.d_)(call, state.exports, transpiled.declarations);
        const args = (call.args ?? []).map((a, i) => (0,component_init/* toJs */.Vt)(a, init.params[i]?.type ?? ''));
        state.wasi.phase = 'init';
        try {
            const value = await init.fn(...args);
            return returnsResult ? { tag: 'ok', val: value } : value;
        }
        catch (err) {
            if (err instanceof errors/* PreinitError */.iz)
                throw err;
            if (returnsResult && !state.wasi.refused && err instanceof Error && 'payload' in err)
                return { tag: 'err', val: err.payload };
            if (state.wasi.refused)
                throw state.wasi.refused;
            (0,errors/* fail */.fJ)('TRAP', `the \`${call.name}\` function trapped: ${firstLine(err)}${capHint(state.instances)}`, err);
        }
        finally {
            state.wasi.phase = 'done';
            checkGrowCaps(state.instances, instrumented, options.maxMemory);
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
    (0,secrets/* checkSecrets */.KK)([...snaps.values()].flatMap((snap) => snap.segments.memories), input, options);
    const modules = new Map();
    const output = await clock('rewrite', () => {
        for (const [index, snap] of snaps)
            modules.set(index, (0,rewrite/* rewrite */.v8)(mods[index], snap, { exports: 'keep' }));
        return (0,component_rewrite/* rewriteComponent */.Q)(pc, {
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
            ({ files } = await (0,run/* transpileView */.SO)(output, call.iface));
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
        dataSegments += snap.segments.count;
        memories.push(...(0,snapshot/* memoryFacts */.Bo)(mod.memories, snap));
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
            warnings: [...(0,warnings/* nondeterminismWarnings */.I)(wasiCalls), ...preview2Warnings(wasiCalls), ...printed.warnings],
            verified: verify,
            ...(printed.text === undefined ? {} : { initResults: printed.text }),
        },
        detail: t,
    };
}
/** A memory.grow that failed at the cap means init saw a failure it would not have seen. */
function checkGrowCaps(instances, instrumented, maxMemory) {
    for (const [index, instance] of instances) {
        const flag = instrumented[index].growFailedExport;
        if (flag && instance.exports[flag].value) {
            (0,errors/* fail */.fJ)('LIMIT', `init tried to grow a memory of core module ${index} past max-memory (${(0,instrument/* formatBytes */.z3)(maxMemory)}); raise max-memory to snapshot it`);
        }
    }
}
/** The init call's results in WAVE, or why they cannot be printed. */
function printResults(name, types, returned) {
    if (types === undefined)
        return { warnings: [`cannot print what \`${name}\` returned: the component's layout is one this tool does not follow`] };
    const printed = waveResults(types.length === 0 ? [] : [returned], types);
    return 'text' in printed ? { text: printed.text, warnings: [] } : { warnings: [`cannot print what \`${name}\` returned: it holds ${printed.unprintable}, which WAVE cannot write`] };
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
