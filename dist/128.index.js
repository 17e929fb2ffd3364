export const id = 128;
export const ids = [128];
export const modules = {

/***/ 41198:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kc: () => (/* binding */ assembleTo),
/* harmony export */   fT: () => (/* binding */ assemble),
/* harmony export */   i1: () => (/* binding */ vector)
/* harmony export */ });
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45488);
/** Re-emits a parsed module with some sections replaced, dropped or added; the rest byte for byte. */


/** Position of each known section id in the required order. */
const ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
const rank = (id) => ORDER.indexOf(id);
/**
 * `edits` maps a section id to its new payload, or to null to drop it. An edited id the module
 * lacks is inserted before the first later section in the required order; a new data section
 * goes before the `name` custom section if nothing but custom sections follows it (some tools
 * expect `name` last), else after the last section it must follow.
 */
function assemble(mod, edits) {
    // Sized exactly, so an output as large as a memory is written once, never regrown.
    return emit(mod, edits, (size) => new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU(size)).finish();
}
/** As `assemble`, written to `out` as it is made; returns the size. */
function assembleTo(mod, edits, out) {
    emit(mod, edits, () => out).flush();
    return out.written;
}
function emit(mod, edits, writer) {
    const present = new Set(mod.sections.map((s) => s.id));
    const pending = [...edits.entries()]
        .filter(([id, payload]) => payload !== null && !present.has(id))
        .sort((a, b) => rank(a[0]) - rank(b[0]));
    let size = 8;
    for (const section of mod.sections) {
        const edit = section.id === _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .SECTION */ .wn.custom ? undefined : edits.get(section.id);
        size += edit === undefined ? section.range.end - section.range.start : edit === null ? 0 : sectionSize(edit);
    }
    for (const [, payload] of pending)
        size += sectionSize(payload);
    const out = writer(size).bytes(mod.bytes.subarray(0, 8));
    const put = (id, payload) => {
        out.byte(id).u32(payload.length);
        if (payload instanceof Uint8Array)
            out.bytes(payload);
        else
            payload.writeTo(out);
    };
    const flushBefore = (limit) => {
        while (pending.length && rank(pending[0][0]) < limit) {
            const [id, payload] = pending.shift();
            put(id, payload);
        }
    };
    // Past the last non-custom section, new sections may go before `name`; earlier they would
    // break the section order.
    let lastKnown = -1;
    mod.sections.forEach((section, i) => {
        if (section.id !== _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .SECTION */ .wn.custom)
            lastKnown = i;
    });
    for (const [i, section] of mod.sections.entries()) {
        if (section.id === _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .SECTION */ .wn.custom) {
            if (section.name === 'name' && i > lastKnown)
                flushBefore(ORDER.length);
        }
        else {
            flushBefore(rank(section.id));
        }
        const edit = edits.get(section.id);
        if (edit === undefined || section.id === _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .SECTION */ .wn.custom)
            out.bytes(mod.bytes.subarray(section.range.start, section.range.end));
        else if (edit !== null)
            put(section.id, edit);
    }
    flushBefore(ORDER.length);
    if (out.written !== size)
        throw new Error(`internal: assembled ${out.written} bytes, expected ${size}`);
    return out;
}
function sectionSize(payload) {
    return 1 + (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .u32Size */ .eI)(payload.length) + payload.length;
}
/** A section payload: the vector count followed by the entries' bytes. */
function vector(count, entries) {
    return new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(count).bytes(entries).finish();
}


/***/ }),

/***/ 11600:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ collectGarbage)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30714);
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17142);
/**
 * Frees unreachable buffers now. V8 frees a large ArrayBuffer or wasm memory only when it
 * collects, and memory outside its heap does not make it collect soon; lean verification needs
 * one stage's copy gone before it makes the next. A wasm memory goes only in a collection after
 * a task posted by the one that found it dead, hence the rounds with a turn of the loop between.
 */



const v8 = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .lazyBuiltin */ .q)('node:v8');
let gc;
async function collectGarbage() {
    if (!gc) {
        // The flag only exposes `gc` to contexts created after it is set; jest does the same.
        v8().setFlagsFromString('--expose-gc');
        gc = node_vm__WEBPACK_IMPORTED_MODULE_1__.runInNewContext('gc');
    }
    for (let round = 0; round < 2; round++) {
        gc();
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setImmediate)();
    }
    gc();
}


/***/ }),

/***/ 10291:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   wV: () => (/* binding */ instrument),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export sectionEntries */
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _assemble_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41198);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67989);
/* harmony import */ var _instructions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81507);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45488);
/* harmony import */ var _relaxed_simd_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(75513);
/**
 * Stage 2, instrument: export every defined mutable global, memory and table under a reserved
 * name so the snapshot can read them (tables only to check them). JS cannot read a v128 global and may canonicalize
 * NaN payloads when reading floats, so those are read through small getter functions that
 * reinterpret the bits as integers.
 *
 * With a memory limit, each memory's maximum is lowered to it and every `memory.grow` on it is
 * routed through a function that raises a flag when growing fails, so hitting the limit is told
 * apart from the program's own behaviour. With a relaxed-SIMD library, relaxed instructions are
 * replaced by their deterministic forms (relaxed-simd.ts). Only the instrumented copy changes: the
 * output is rewritten from the original.
 */






/** Getter signatures: f32 -> i32 bits, f64 -> i64 bits, v128 -> two i64 lanes. */
const GETTER = {
    [_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.f32]: { results: [_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i32], body: (g, w) => w.byte(0x23).u32(g).byte(0xbc) },
    [_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.f64]: { results: [_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i64], body: (g, w) => w.byte(0x23).u32(g).byte(0xbd) },
    [_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.v128]: {
        results: [_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i64, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i64],
        body: (g, w) => {
            w.byte(0x23).u32(g).byte(0xfd).u32(29).byte(0);
            w.byte(0x23).u32(g).byte(0xfd).u32(29).byte(1);
        },
    },
};
/** Accumulates the entries appended to each vector section. */
class Additions {
    mod;
    exports = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    types = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    funcs = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    bodies = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    globals = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    exportCount;
    typeCount;
    funcCount;
    globalCount;
    addedFuncs = 0;
    addedGlobals = 0;
    typeIndex = new Map();
    constructor(mod) {
        this.mod = mod;
        this.exportCount = mod.exports.length;
        this.typeCount = mod.types.length;
        this.funcCount = mod.funcTypes.length;
        this.globalCount = mod.importedGlobals + mod.globals.length;
    }
    export(name, kind, index) {
        this.exports.name(name).byte(kind).u32(index);
        this.exportCount++;
        return name;
    }
    /** A new function with its own code; returns its index. */
    func(params, results, locals, code) {
        const key = `${params}>${results}`;
        if (!this.typeIndex.has(key)) {
            this.typeIndex.set(key, this.typeCount++);
            this.types.byte(0x60).u32(params.length).bytes(Uint8Array.from(params)).u32(results.length).bytes(Uint8Array.from(results));
        }
        this.funcs.u32(this.typeIndex.get(key));
        const body = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(locals.length);
        for (const t of locals)
            body.u32(1).byte(t);
        code(body);
        const bytes = body.byte(0x0b).finish();
        this.bodies.u32(bytes.length).bytes(bytes);
        this.addedFuncs++;
        return this.funcCount++;
    }
    /** Appends the functions of `lib` (a module without imports) and their types; returns the index of its first function. */
    library(lib) {
        const base = this.funcCount;
        const typeBase = this.typeCount;
        this.types.bytes(sectionEntries(lib, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.type));
        this.typeCount += lib.types.length;
        for (const t of lib.funcTypes)
            this.funcs.u32(typeBase + t);
        // The library's calls and multi-value block types name its own functions and types: shift them.
        this.bodies.bytes(rewriteCode(lib, (op, start) => {
            if (op === 0x10)
                return new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().byte(op).u32(base + immediate(lib, start)).finish();
            if (op < 0x02 || op > 0x04)
                return undefined;
            const blockType = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(lib.bytes, start + 1, lib.bytes.length).sleb(33);
            return blockType < 0n ? undefined : new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().byte(op).sleb(BigInt(typeBase) + blockType).finish();
        }));
        this.addedFuncs += lib.funcTypes.length;
        this.funcCount += lib.funcTypes.length;
        return base;
    }
    /** A new mutable i32 global initialized to 0; returns its index. */
    flagGlobal() {
        this.globals.byte(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i32).byte(1).byte(0x41).byte(0).byte(0x0b);
        this.addedGlobals++;
        return this.globalCount++;
    }
}
function instrument(mod, options = {}) {
    const { maxMemory, relaxedSimd, memoryImport } = options;
    const add = new Additions(mod);
    const globals = mod.globals.flatMap((g, i) => {
        if (!g.mutable)
            return [];
        const index = mod.importedGlobals + i;
        const getter = GETTER[g.type];
        if (!getter)
            return [{ index, type: g.type, exportName: add.export(`__wizer_global_${index}`, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.global, index), viaGetter: false }];
        const func = add.func([], getter.results, [], (w) => getter.body(index, w));
        return [{ index, type: g.type, exportName: add.export(`__wizer_global_get_${index}`, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.func, func), viaGetter: true }];
    });
    const memories = mod.memories.map((m, i) => {
        const index = mod.importedMemories + i;
        return { index, exportName: add.export(`__wizer_memory_${index}`, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.memory, index), cap: memoryCap(m, maxMemory) };
    });
    const tables = Array.from({ length: mod.definedTables }, (_, i) => {
        const index = mod.importedTables + i;
        return { index, exportName: add.export(`__wizer_table_${index}`, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.table, index) };
    });
    const edits = new Map();
    let growFailedExport;
    let code;
    // Grows to watch: capped memories of this module, and (inside a component) imported memories,
    // whose owner's cap makes a grow from here fail too.
    const importedMemories = mod.imports.filter((i) => i.kind === _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.memory).map((i, index) => ({ index, memory64: i.memory.memory64 }));
    const watched = [
        ...(maxMemory === undefined ? [] : importedMemories),
        ...memories.filter((m) => m.cap !== undefined).map((m) => ({ index: m.index, memory64: mod.memories[m.index - mod.importedMemories].memory64 })),
    ];
    if (memories.some((m) => m.cap !== undefined))
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.memory, cappedMemories(mod, memories));
    let hooks = new Map();
    if (watched.length) {
        const flag = add.flagGlobal();
        growFailedExport = add.export('__wizer_grow_failed', _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.global, flag);
        hooks = new Map(watched.map((m) => [m.index, growHook(add, m.index, m.memory64 ? _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i64 : _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i32, flag)]));
    }
    let libraryBase;
    const helper = (name) => {
        libraryBase ??= add.library(relaxedSimd);
        return libraryBase + relaxedSimd.exports.find((e) => e.name === name).index;
    };
    if (hooks.size || relaxedSimd) {
        code = rewriteCode(mod, (op, start) => {
            if (op === 0x40) {
                const hook = hooks.get(immediate(mod, start));
                return hook === undefined ? undefined : new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().byte(0x10).u32(hook).finish();
            }
            return op === 0xfd && relaxedSimd ? (0,_relaxed_simd_js__WEBPACK_IMPORTED_MODULE_5__/* .deterministicReplacement */ .J)(immediate(mod, start), helper) : undefined;
        });
    }
    edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.export, (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(add.exportCount, concat(sectionEntries(mod, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.export), add.exports.finish())));
    if (add.addedGlobals)
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.global, (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(add.globalCount - mod.importedGlobals, concat(sectionEntries(mod, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.global), add.globals.finish())));
    if (add.addedFuncs || code) {
        const defined = add.funcCount - mod.imports.filter((i) => i.kind === _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.func).length;
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.type, (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(add.typeCount, concat(sectionEntries(mod, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.type), add.types.finish())));
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.function, (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(defined, concat(sectionEntries(mod, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.function), add.funcs.finish())));
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.code, (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(defined, concat(code ?? sectionEntries(mod, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.code), add.bodies.finish())));
    }
    if (memoryImport) {
        if (mod.memories.length !== 1 || mod.importedMemories !== 0 || memories[0].cap !== undefined)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('INTERNAL', 'internal error: only a module\'s one defined, uncapped memory can become an import');
        const { range } = mod.memories[0];
        const entry = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().name(memoryImport.module).name(memoryImport.name).byte(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .EXTERNAL */ .SJ.memory).bytes(mod.bytes.subarray(range.start, range.end)).finish();
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.import, (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(mod.imports.length + 1, concat(sectionEntries(mod, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.import), entry)));
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.memory, null);
    }
    return { bytes: (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .assemble */ .fT)(mod, edits), globals, memories, tables, growFailedExport };
}
/** `(delta) -> old size` like memory.grow, setting the flag global when it returns -1. */
function growHook(add, memory, t, flag) {
    const minusOne = (w) => (t === _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i64 ? w.byte(0x42) : w.byte(0x41)).sleb(-1n);
    return add.func([t], [t], [t], (w) => {
        w.byte(0x20).u32(0).byte(0x40).u32(memory).byte(0x22).u32(1); // local.get 0; memory.grow; local.tee 1
        minusOne(w);
        w.byte(t === _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .VAL */ .OQ.i64 ? 0x51 : 0x46); // eq
        w.byte(0x04).byte(0x40).byte(0x41).byte(1).byte(0x24).u32(flag).byte(0x0b); // if: flag = 1
        w.byte(0x20).u32(1);
    });
}
/** The u32 immediate (or SIMD sub-opcode) of the instruction at `start`. */
function immediate(mod, start) {
    return new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(mod.bytes, start + 1, mod.bytes.length).u32();
}
/**
 * The code section's entries with each instruction for which `replace` returns bytes replaced
 * by them (`op` is the first byte of the instruction at `start`).
 */
function rewriteCode(mod, replace) {
    const section = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .findSection */ .rv)(mod, _parse_js__WEBPACK_IMPORTED_MODULE_4__/* .SECTION */ .wn.code);
    if (!section)
        return new Uint8Array(0);
    const r = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(mod.bytes, section.payload.start, section.payload.end);
    const out = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    const count = r.u32();
    for (let f = 0; f < count; f++) {
        const size = r.u32();
        const end = r.pos + size;
        const body = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
        let copied = r.pos;
        const localGroups = r.u32();
        for (let i = 0; i < localGroups; i++) {
            r.u32();
            const t = r.u8();
            if (t === 0x63 || t === 0x64)
                r.sleb(33);
        }
        while (r.pos < end) {
            const start = r.pos;
            const { op } = (0,_instructions_js__WEBPACK_IMPORTED_MODULE_3__/* .readInstruction */ .dx)(r);
            const replacement = replace(op, start);
            if (!replacement)
                continue;
            body.bytes(mod.bytes.subarray(copied, start)).bytes(replacement);
            copied = r.pos;
        }
        body.bytes(mod.bytes.subarray(copied, end));
        const bytes = body.finish();
        out.u32(bytes.length).bytes(bytes);
    }
    return out.finish();
}
/** Pages allowed by maxMemory, if that is below the memory's own (or implicit) maximum. */
function memoryCap(m, maxMemory) {
    if (maxMemory === undefined)
        return undefined;
    const cap = BigInt(Math.floor(maxMemory / 2 ** m.pageSizeLog2));
    if (m.min > cap)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('LIMIT', `memory ${m.min} pages (${formatBytes(Number(m.min) * 2 ** m.pageSizeLog2)}) is over max-memory (${formatBytes(maxMemory)}) before init even runs`);
    const implicitMax = m.memory64 ? 2n ** BigInt(64 - m.pageSizeLog2) : 2n ** BigInt(32 - m.pageSizeLog2);
    return cap < (m.max ?? implicitMax) ? cap : undefined;
}
/** The memory section with each capped memory's maximum lowered. */
function cappedMemories(mod, probes) {
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    mod.memories.forEach((m, i) => {
        const cap = probes[i].cap;
        w.byte(cap === undefined ? m.flags : m.flags | 1).u64(m.min);
        if (cap !== undefined || m.max !== undefined)
            w.u64(cap ?? m.max);
        if (m.flags & 8)
            w.u32(m.pageSizeLog2);
    });
    return (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(mod.memories.length, w.finish());
}
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) {
        n /= 1024;
        i++;
    }
    return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[i]}`;
}
/** The entries of a vector section, without its count; empty if the section is absent. */
function sectionEntries(mod, id) {
    const section = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .findSection */ .rv)(mod, id);
    if (!section)
        return new Uint8Array(0);
    const r = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(mod.bytes, section.payload.start, section.payload.end);
    r.u32();
    return mod.bytes.subarray(r.pos, section.payload.end);
}
function concat(a, b) {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
}


/***/ }),

/***/ 2128:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tw: () => (/* binding */ uniqueCopy),
/* harmony export */   ZI: () => (/* binding */ measureSides),
/* harmony export */   fz: () => (/* binding */ measureStartups),
/* harmony export */   measureStartup: () => (/* binding */ measureStartup)
/* harmony export */ });
/* unused harmony exports compareSamples, speedupInterval */
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67989);
/* harmony import */ var _gc_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11600);
/* harmony import */ var _wat_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39948);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94849);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31857);
/* harmony import */ var _wasi_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3518);
/**
 * Startup measurement, in this V8 as the output will run: the input is compiled, instantiated
 * (its start function runs) and initialized (`_initialize` when exported, then the init
 * function); the output is compiled and instantiated, nothing more. Imports come from the same
 * WASI host as init, with quiet stdio. Components go to the component pipeline's measurer (through
 * jco's glue), which returns the same shape.
 *
 * Two cases: "cold" compiles fresh every iteration and "cached" reuses one compiled module (which
 * also lets V8 tier init code up). V8 shares compiled code between modules with identical bytes
 * while one is alive, so every cold iteration compiles bytes made unique by a custom section.
 * Input and output iterations alternate so drift in the machine affects both alike.
 */







const MIN_ITERATIONS = 3;
/** Growth of the process past which garbage is collected between starts (untimed). */
const COLLECT_ABOVE = 256 * 2 ** 20;
const INTERVAL_CONFIDENCE = 0.99;
async function measureStartup(input, output, options = {}, measure = {}) {
    const [m] = await measureStartups(input, [output], options, measure);
    return m;
}
/**
 * The same for several outputs of one input (ours and another tool's, say), all measured in one
 * interleaved loop against the same input samples, so none of them gets a quieter machine.
 */
async function measureStartups(input, outputs, options = {}, measure = {}) {
    if ((0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .detectKind */ .i_)(input) === 'wat')
        input = await (0,_wat_js__WEBPACK_IMPORTED_MODULE_3__/* .watToBinary */ .R)(input);
    if ((0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .detectKind */ .i_)(input) === 'component') {
        if (outputs.length !== 1 || (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .detectKind */ .i_)(outputs[0]) !== 'component')
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('MEASURE', 'a component is measured against one output component');
        const { measureComponentStartup } = await Promise.all(/* import() */[__webpack_require__.e(30), __webpack_require__.e(896)]).then(__webpack_require__.bind(__webpack_require__, 73896));
        return [await measureComponentStartup(input, outputs[0], options, measure)];
    }
    if (![input, ...outputs].every((bytes) => (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .detectKind */ .i_)(bytes) === 'module'))
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('MEASURE', 'startup measurement needs binary core modules (or components)');
    const initFunc = options.initFunc ?? _types_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_INIT_FUNC */ .sn;
    const sides = [input, ...outputs].map((bytes, k) => {
        const compiled = new WebAssembly.Module(uniqueCopy(bytes, 0));
        const init = k === 0 ? initFunc : undefined;
        return (cold, serial) => startOnce(cold ? uniqueCopy(bytes, serial) : compiled, compiled, init, options);
    });
    return measureSides(sides, measure, `V8 ${process.versions.v8} (Node ${process.versions.node})`);
}
/**
 * The measuring loop, for core modules and components alike: `sides[0]` is the input, the rest
 * are outputs, each compared with the input's samples. Every iteration starts each side cold
 * and cached, rotating which side goes first so none always runs on a freshly collected heap.
 */
async function measureSides(sides, measure, engine) {
    const iterations = measure.iterations ?? 20;
    const warmup = measure.warmup ?? 3;
    const budgetMs = measure.budgetMs ?? 30_000;
    if (!Number.isInteger(iterations) || iterations < 1)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('MEASURE', `measure iterations must be a positive integer, got ${iterations}`);
    if (!Number.isInteger(warmup) || warmup < 0)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('MEASURE', `measure warm-up must be a non-negative integer, got ${warmup}`);
    const samples = sides.map(() => ({ cold: [], cached: [] }));
    const started = performance.now();
    // Each start of a large module leaves a memory and compiled bytes behind: collected when they
    // add up, so a 1 GiB output is not measured with gigabytes of garbage piling up.
    const baseline = process.memoryUsage.rss();
    const start = async (k, cold, serial) => {
        const sample = await sides[k](cold, serial);
        if (process.memoryUsage.rss() - baseline > COLLECT_ABOVE)
            await (0,_gc_js__WEBPACK_IMPORTED_MODULE_2__/* .collectGarbage */ .i)();
        return sample;
    };
    let serial = 1;
    let measured = 0;
    let warmed = 0;
    for (let i = 0; measured < iterations; i++) {
        const elapsed = performance.now() - started;
        if (measured >= MIN_ITERATIONS && elapsed > budgetMs)
            break;
        // A slow start needs less warming up than the budget allows: a quarter of it at most.
        const warming = warmed < warmup && !(warmed > 0 && elapsed > budgetMs / 4);
        for (let j = 0; j < sides.length; j++) {
            const k = (i + j) % sides.length;
            const cold = await start(k, true, serial++);
            const cached = await start(k, false, 0);
            if (!warming) {
                samples[k].cold.push(cold);
                samples[k].cached.push(cached);
            }
        }
        if (warming)
            warmed++;
        else
            measured++;
    }
    const startupCase = (which, k) => compareSamples(samples[0][which], samples[k][which]);
    return sides.slice(1).map((_, i) => {
        const cold = startupCase('cold', i + 1);
        return { engine, iterations: measured, warmup: warmed, cold, cached: startupCase('cached', i + 1), speedup: cold.speedup };
    });
}
/**
 * One start: compile `source` unless it is already a module, instantiate, and call the init
 * functions when `initFunc` is set. Imports are linked (untimed) against `shape`, a module with
 * the same imports.
 */
async function startOnce(source, shape, initFunc, options) {
    const wasi = options.allowWasi ? (0,_wasi_js__WEBPACK_IMPORTED_MODULE_5__/* .createWasi */ .LX)({ ...options, inheritStdio: false }) : undefined;
    try {
        const host = { exports: {} };
        const imports = await (0,_run_js__WEBPACK_IMPORTED_MODULE_4__/* .linkImports */ .jZ)(shape, options, wasi, host);
        const t0 = performance.now();
        const cached = source instanceof WebAssembly.Module;
        const module = cached ? source : new WebAssembly.Module(source);
        const t1 = cached ? t0 : performance.now();
        let instance;
        try {
            instance = new WebAssembly.Instance(module, imports);
        }
        catch (err) {
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('MEASURE', `startup measurement: instantiation failed: ${(0,_run_js__WEBPACK_IMPORTED_MODULE_4__/* .trapMessage */ .Je)(err)}`, err);
        }
        host.exports = instance.exports;
        const t2 = performance.now();
        let t3 = t2;
        if (initFunc !== undefined) {
            const memory = instance.exports.memory;
            if (wasi && memory instanceof WebAssembly.Memory)
                wasi.bind(memory);
            try {
                const reactor = instance.exports._initialize;
                if (initFunc !== '_initialize' && typeof reactor === 'function')
                    reactor();
                instance.exports[initFunc]();
            }
            catch (err) {
                (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('MEASURE', `startup measurement: init trapped: ${(0,_run_js__WEBPACK_IMPORTED_MODULE_4__/* .trapMessage */ .Je)(err)}`, err);
            }
            t3 = performance.now();
        }
        return { compile: t1 - t0, instantiate: t2 - t1, init: t3 - t2 };
    }
    finally {
        wasi?.close();
    }
}
/** Input samples against output samples: per-phase statistics and the speedups. */
function compareSamples(input, output) {
    const phases = (list) => ({
        compile: stats(list.map((s) => s.compile)),
        instantiate: stats(list.map((s) => s.instantiate)),
        init: stats(list.map((s) => s.init)),
        total: stats(list.map((s) => s.compile + s.instantiate + s.init)),
    });
    const [inp, out] = [phases(input), phases(output)];
    const speedup = inp.total.median / out.total.median;
    const total = (s) => s.compile + s.instantiate + s.init;
    const ratios = input.map((s, i) => total(s) / total(output[i]));
    return { input: inp, output: out, speedup, minSpeedup: inp.total.min / out.total.min, interval: speedupInterval(ratios, speedup) };
}
/**
 * The order statistics [k, n+1-k] around the median of `ratios`, k as large as keeps the
 * confidence at INTERVAL_CONFIDENCE (at least min..max); widened to hold `speedup` (a ratio of
 * medians, which need not lie between them).
 */
function speedupInterval(ratios, speedup) {
    const sorted = ratios.filter((r) => Number.isFinite(r) && r > 0).sort((a, b) => a - b);
    const n = sorted.length;
    if (n === 0)
        return { low: speedup, high: speedup, confidence: 0 };
    // X ~ Binomial(n, 1/2) counts the ratios below the true median; [sorted[k-1], sorted[n-k]]
    // misses it with probability 2 P(X < k). `below` is P(X < k), `p` is P(X = k).
    let k = 1;
    let below = 0.5 ** n;
    let p = n * 0.5 ** n;
    while (k + 1 <= n - k && 1 - 2 * (below + p) >= INTERVAL_CONFIDENCE) {
        below += p;
        k++;
        p = (p * (n - k + 1)) / k;
    }
    return { low: Math.min(sorted[k - 1], speedup), high: Math.max(sorted[n - k], speedup), confidence: 1 - 2 * below };
}
/** The module with a custom section appended whose content is `serial`: same code, new bytes. */
function uniqueCopy(bytes, serial) {
    const section = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().section(0, new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().name('preinit-measure').u32(serial).finish()).finish();
    const out = new Uint8Array(bytes.length + section.length);
    out.set(bytes);
    out.set(section, bytes.length);
    return out;
}
function stats(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}


/***/ }),

/***/ 75513:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ deterministicReplacement),
/* harmony export */   g: () => (/* binding */ relaxedSimdLibrary)
/* harmony export */ });
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45488);
/* harmony import */ var _wat_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39948);
/**
 * `--relaxed-simd-deterministic`: during init, relaxed-SIMD instructions compute what wasmtime
 * computes in its deterministic mode (crates/cranelift translate: the plain SIMD instruction of
 * the same shape, a fused multiply-add, a dot product of signed bytes), not what this CPU's V8
 * picks. The instrumented copy gets the replacements; the output keeps the module's own code.
 *
 * V8 has no scalar fma, so the fused multiply-adds are computed exactly in integers (f64) or
 * through round-to-odd in f64 (f32, exact since 53 >= 2 * 24 + 2). A NaN result is what x86's
 * FMA gives (wasmtime's on every GitHub runner): the first NaN of b, a, c, quieted; nmadd keeps a
 * NaN's sign.
 */



/** Relaxed opcode (after 0xfd) -> the plain SIMD opcode with the deterministic semantics. */
const PLAIN = new Map([
    [0x100, 0x0e], // i8x16.relaxed_swizzle -> i8x16.swizzle
    [0x101, 0xf8], // i32x4.relaxed_trunc_f32x4_s -> i32x4.trunc_sat_f32x4_s
    [0x102, 0xf9], // i32x4.relaxed_trunc_f32x4_u -> i32x4.trunc_sat_f32x4_u
    [0x103, 0xfc], // i32x4.relaxed_trunc_f64x2_s_zero -> i32x4.trunc_sat_f64x2_s_zero
    [0x104, 0xfd], // i32x4.relaxed_trunc_f64x2_u_zero -> i32x4.trunc_sat_f64x2_u_zero
    [0x109, 0x52], // i8x16.relaxed_laneselect -> v128.bitselect
    [0x10a, 0x52], // i16x8.relaxed_laneselect
    [0x10b, 0x52], // i32x4.relaxed_laneselect
    [0x10c, 0x52], // i64x2.relaxed_laneselect
    [0x10d, 0xe8], // f32x4.relaxed_min -> f32x4.min
    [0x10e, 0xe9], // f32x4.relaxed_max -> f32x4.max
    [0x10f, 0xf4], // f64x2.relaxed_min -> f64x2.min
    [0x110, 0xf5], // f64x2.relaxed_max -> f64x2.max
    [0x111, 0x82], // i16x8.relaxed_q15mulr_s -> i16x8.q15mulr_sat_s
]);
/** Relaxed opcode -> the library function (exported under the instruction's name) that computes it. */
const HELPER = new Map([
    [0x105, 'f32x4.relaxed_madd'],
    [0x106, 'f32x4.relaxed_nmadd'],
    [0x107, 'f64x2.relaxed_madd'],
    [0x108, 'f64x2.relaxed_nmadd'],
    [0x112, 'i16x8.relaxed_dot_i8x16_i7x16_s'],
    [0x113, 'i32x4.relaxed_dot_i8x16_i7x16_add_s'],
]);
const LIBRARY = String.raw `(module
  (func $fma32 (param $a f32) (param $b f32) (param $c f32) (result f32)
    (local $p f64) (local $c64 f64) (local $s f64) (local $v f64) (local $err f64) (local $bits i64)
    (if (f32.ne (local.get $b) (local.get $b)) (then (return (call $quiet32 (local.get $b)))))
    (if (f32.ne (local.get $a) (local.get $a)) (then (return (call $quiet32 (local.get $a)))))
    (if (f32.ne (local.get $c) (local.get $c)) (then (return (call $quiet32 (local.get $c)))))
    ;; The product is exact in f64; s + err is exactly p + c (TwoSum).
    (local.set $p (f64.mul (f64.promote_f32 (local.get $a)) (f64.promote_f32 (local.get $b))))
    (local.set $c64 (f64.promote_f32 (local.get $c)))
    (local.set $s (f64.add (local.get $p) (local.get $c64)))
    (local.set $v (f64.sub (local.get $s) (local.get $p)))
    (local.set $err (f64.add (f64.sub (local.get $p) (f64.sub (local.get $s) (local.get $v)))
                             (f64.sub (local.get $c64) (local.get $v))))
    (local.set $bits (i64.reinterpret_f64 (local.get $s)))
    ;; Round to odd: an inexact s with an even last bit moves one ulp toward the exact sum.
    (if (i32.and (i32.and (f64.ne (local.get $err) (f64.const 0)) (f64.lt (f64.abs (local.get $s)) (f64.const inf)))
                 (i64.eqz (i64.and (local.get $bits) (i64.const 1))))
      (then (local.set $bits (select (i64.add (local.get $bits) (i64.const 1)) (i64.sub (local.get $bits) (i64.const 1))
                                     (i32.eq (f64.lt (local.get $err) (f64.const 0)) (f64.lt (local.get $s) (f64.const 0)))))))
    (f32.demote_f64 (f64.reinterpret_i64 (local.get $bits))))

  (func $quiet32 (param $x f32) (result f32)
    (f32.reinterpret_i32 (i32.or (i32.reinterpret_f32 (local.get $x)) (i32.const 0x400000))))
  (func $quiet64 (param $x f64) (result f64)
    (f64.reinterpret_i64 (i64.or (i64.reinterpret_f64 (local.get $x)) (i64.const 0x8000000000000))))

  ;; A finite nonzero f64's bits as m * 2^e with m in [2^52, 2^53).
  (func $unpack (param $x i64) (result i64 i64)
    (local $f i64) (local $m i64) (local $z i64)
    (local.set $f (i64.and (i64.shr_u (local.get $x) (i64.const 52)) (i64.const 0x7ff)))
    (local.set $m (i64.and (local.get $x) (i64.const 0xfffffffffffff)))
    (if (result i64 i64) (i64.eqz (local.get $f))
      (then (local.set $z (i64.sub (i64.clz (local.get $m)) (i64.const 11)))
            (i64.shl (local.get $m) (local.get $z))
            (i64.sub (i64.const -1074) (local.get $z)))
      (else (i64.or (local.get $m) (i64.const 0x10000000000000))
            (i64.sub (local.get $f) (i64.const 1075)))))

  ;; Whether any bit of the 128-bit (hi, lo) below bit k (0..128) is set.
  (func $below (param $hi i64) (param $lo i64) (param $k i64) (result i32)
    (if (result i32) (i64.eqz (local.get $k))
      (then (i32.const 0))
      (else (if (result i32) (i64.le_u (local.get $k) (i64.const 64))
        (then (i64.ne (i64.shl (local.get $lo) (i64.sub (i64.const 64) (local.get $k))) (i64.const 0)))
        (else (i32.or (i64.ne (local.get $lo) (i64.const 0))
                      (i64.ne (i64.shl (local.get $hi) (i64.sub (i64.const 128) (local.get $k))) (i64.const 0))))))))

  ;; (hi, lo) >> k for k in 0..127.
  (func $shr (param $hi i64) (param $lo i64) (param $k i64) (result i64 i64)
    (if (result i64 i64) (i64.ge_u (local.get $k) (i64.const 64))
      (then (i64.const 0) (i64.shr_u (local.get $hi) (i64.sub (local.get $k) (i64.const 64))))
      (else (if (result i64 i64) (i64.eqz (local.get $k))
        (then (local.get $hi) (local.get $lo))
        (else (i64.shr_u (local.get $hi) (local.get $k))
              (i64.or (i64.shr_u (local.get $lo) (local.get $k))
                      (i64.shl (local.get $hi) (i64.sub (i64.const 64) (local.get $k)))))))))

  ;; (hi, lo) >> k with the bits shifted out kept as a sticky last bit.
  (func $shr_sticky (param $hi i64) (param $lo i64) (param $k i64) (result i64 i64)
    (local $sticky i64)
    (if (result i64 i64) (i64.ge_u (local.get $k) (i64.const 128))
      (then (i64.const 0) (i64.extend_i32_u (i64.ne (i64.or (local.get $hi) (local.get $lo)) (i64.const 0))))
      (else (local.set $sticky (i64.extend_i32_u (call $below (local.get $hi) (local.get $lo) (local.get $k))))
            (call $shr (local.get $hi) (local.get $lo) (local.get $k))
            (local.get $sticky)
            (i64.or))))

  ;; a * b + c rounded once: the exact sum in 128-bit integers, then rounded to nearest even.
  (func $fma64 (param $a f64) (param $b f64) (param $c f64) (result f64)
    (local $ma i64) (local $ea i64) (local $mb i64) (local $eb i64) (local $mc i64) (local $ec i64)
    (local $mid i64) (local $ph i64) (local $pl i64) (local $ch i64) (local $cl i64)
    (local $sp i64) (local $sc i64) (local $e i64) (local $n i64) (local $biased i64)
    (local $base i64) (local $shift i64) (local $m i64) (local $round i64)
    (if (f64.ne (local.get $b) (local.get $b)) (then (return (call $quiet64 (local.get $b)))))
    (if (f64.ne (local.get $a) (local.get $a)) (then (return (call $quiet64 (local.get $a)))))
    (if (f64.ne (local.get $c) (local.get $c)) (then (return (call $quiet64 (local.get $c)))))
    ;; A zero or infinite factor, or an infinite or zero addend, rounds exactly as f64 ops do.
    (if (i32.or (i32.or (f64.eq (local.get $a) (f64.const 0)) (f64.eq (local.get $b) (f64.const 0)))
                (i32.or (i32.eqz (f64.lt (f64.abs (local.get $a)) (f64.const inf)))
                        (i32.eqz (f64.lt (f64.abs (local.get $b)) (f64.const inf)))))
      (then (return (f64.add (f64.mul (local.get $a) (local.get $b)) (local.get $c)))))
    (if (i32.eqz (f64.lt (f64.abs (local.get $c)) (f64.const inf)))
      (then (return (f64.add (local.get $c) (local.get $c)))))
    (if (f64.eq (local.get $c) (f64.const 0))
      (then (return (f64.mul (local.get $a) (local.get $b)))))
    (local.set $sp (i64.shr_u (i64.xor (i64.reinterpret_f64 (local.get $a)) (i64.reinterpret_f64 (local.get $b))) (i64.const 63)))
    (local.set $sc (i64.shr_u (i64.reinterpret_f64 (local.get $c)) (i64.const 63)))
    (call $unpack (i64.reinterpret_f64 (local.get $a))) (local.set $ea) (local.set $ma)
    (call $unpack (i64.reinterpret_f64 (local.get $b))) (local.set $eb) (local.set $mb)
    (call $unpack (i64.reinterpret_f64 (local.get $c))) (local.set $ec) (local.set $mc)
    ;; The 106-bit product from 32-bit halves, then placed with its top bit at 124 or 125.
    (local.set $pl (i64.mul (i64.and (local.get $ma) (i64.const 0xffffffff)) (i64.and (local.get $mb) (i64.const 0xffffffff))))
    (local.set $mid (i64.add (i64.mul (i64.and (local.get $ma) (i64.const 0xffffffff)) (i64.shr_u (local.get $mb) (i64.const 32)))
                             (i64.mul (i64.shr_u (local.get $ma) (i64.const 32)) (i64.and (local.get $mb) (i64.const 0xffffffff)))))
    (local.set $ph (i64.add (i64.mul (i64.shr_u (local.get $ma) (i64.const 32)) (i64.shr_u (local.get $mb) (i64.const 32)))
                            (i64.shr_u (local.get $mid) (i64.const 32))))
    (local.set $mid (i64.shl (local.get $mid) (i64.const 32)))
    (local.set $pl (i64.add (local.get $pl) (local.get $mid)))
    (local.set $ph (i64.add (local.get $ph) (i64.extend_i32_u (i64.lt_u (local.get $pl) (local.get $mid)))))
    (local.set $ph (i64.or (i64.shl (local.get $ph) (i64.const 20)) (i64.shr_u (local.get $pl) (i64.const 44))))
    (local.set $pl (i64.shl (local.get $pl) (i64.const 20)))
    (local.set $ea (i64.sub (i64.add (local.get $ea) (local.get $eb)) (i64.const 20)))
    ;; The addend with its top bit at 124.
    (local.set $ch (i64.shl (local.get $mc) (i64.const 8)))
    (local.set $ec (i64.sub (local.get $ec) (i64.const 72)))
    ;; Align to the larger exponent. Bits lost here are far below the rounding point: operands
    ;; close enough to cancel are shifted by at most 2, which loses nothing.
    (if (i64.ge_s (local.get $ea) (local.get $ec))
      (then (call $shr_sticky (local.get $ch) (local.get $cl) (i64.sub (local.get $ea) (local.get $ec)))
            (local.set $cl) (local.set $ch) (local.set $e (local.get $ea)))
      (else (call $shr_sticky (local.get $ph) (local.get $pl) (i64.sub (local.get $ec) (local.get $ea)))
            (local.set $pl) (local.set $ph) (local.set $e (local.get $ec))))
    (if (i64.eq (local.get $sp) (local.get $sc))
      (then (local.set $pl (i64.add (local.get $pl) (local.get $cl)))
            (local.set $ph (i64.add (i64.add (local.get $ph) (local.get $ch)) (i64.extend_i32_u (i64.lt_u (local.get $pl) (local.get $cl))))))
      (else (local.set $ph (i64.sub (i64.sub (local.get $ph) (local.get $ch)) (i64.extend_i32_u (i64.lt_u (local.get $pl) (local.get $cl)))))
            (local.set $pl (i64.sub (local.get $pl) (local.get $cl)))
            (if (i64.lt_s (local.get $ph) (i64.const 0))
              (then (local.set $ph (i64.sub (i64.sub (i64.const 0) (local.get $ph)) (i64.extend_i32_u (i64.ne (local.get $pl) (i64.const 0)))))
                    (local.set $pl (i64.sub (i64.const 0) (local.get $pl)))
                    (local.set $sp (local.get $sc))))))
    ;; An exact cancellation is +0 when rounding to nearest.
    (if (i64.eqz (i64.or (local.get $ph) (local.get $pl))) (then (return (f64.const 0))))
    (local.set $n (if (result i64) (i64.eqz (local.get $ph))
      (then (i64.sub (i64.const 63) (i64.clz (local.get $pl))))
      (else (i64.sub (i64.const 127) (i64.clz (local.get $ph))))))
    (local.set $biased (i64.add (i64.add (local.get $e) (local.get $n)) (i64.const 1023)))
    (if (i64.ge_s (local.get $biased) (i64.const 2047))
      (then (return (f64.reinterpret_i64 (i64.or (i64.shl (local.get $sp) (i64.const 63)) (i64.const 0x7ff0000000000000))))))
    ;; base + m encodes the result: m carries the implicit bit, so a carry out of m bumps the exponent.
    (if (i64.gt_s (local.get $biased) (i64.const 0))
      (then (local.set $base (i64.shl (i64.sub (local.get $biased) (i64.const 1)) (i64.const 52)))
            (local.set $shift (i64.sub (local.get $n) (i64.const 52))))
      (else (local.set $shift (i64.sub (i64.const -1074) (local.get $e)))))
    (if (i64.le_s (local.get $shift) (i64.const 0))
      (then (local.set $m (i64.shl (local.get $pl) (i64.sub (i64.const 0) (local.get $shift)))))
      (else (if (i64.lt_s (local.get $shift) (i64.const 128))
        (then (call $shr (local.get $ph) (local.get $pl) (i64.sub (local.get $shift) (i64.const 1)))
              (local.set $m) (drop)
              (local.set $round (i64.and (local.get $m) (i64.const 1)))
              (local.set $m (i64.shr_u (local.get $m) (i64.const 1)))
              (if (i32.and (i32.wrap_i64 (local.get $round))
                           (i32.or (call $below (local.get $ph) (local.get $pl) (i64.sub (local.get $shift) (i64.const 1)))
                                   (i32.wrap_i64 (i64.and (local.get $m) (i64.const 1)))))
                (then (local.set $m (i64.add (local.get $m) (i64.const 1)))))))))
    (f64.reinterpret_i64 (i64.or (i64.shl (local.get $sp) (i64.const 63)) (i64.add (local.get $base) (local.get $m)))))

  (func $f32x4_fma (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f32x4.replace_lane 3
      (f32x4.replace_lane 2
        (f32x4.replace_lane 1
          (f32x4.splat (call $fma32 (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 0 (local.get $b)) (f32x4.extract_lane 0 (local.get $c))))
          (call $fma32 (f32x4.extract_lane 1 (local.get $a)) (f32x4.extract_lane 1 (local.get $b)) (f32x4.extract_lane 1 (local.get $c))))
        (call $fma32 (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 2 (local.get $b)) (f32x4.extract_lane 2 (local.get $c))))
      (call $fma32 (f32x4.extract_lane 3 (local.get $a)) (f32x4.extract_lane 3 (local.get $b)) (f32x4.extract_lane 3 (local.get $c)))))

  (func $f64x2_fma (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f64x2.replace_lane 1
      (f64x2.splat (call $fma64 (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 0 (local.get $b)) (f64x2.extract_lane 0 (local.get $c))))
      (call $fma64 (f64x2.extract_lane 1 (local.get $a)) (f64x2.extract_lane 1 (local.get $b)) (f64x2.extract_lane 1 (local.get $c)))))

  (func (export "f32x4.relaxed_madd") (param v128 v128 v128) (result v128)
    (call $f32x4_fma (local.get 0) (local.get 1) (local.get 2)))
  (func (export "f32x4.relaxed_nmadd") (param v128 v128 v128) (result v128)
    (call $f32x4_fma (v128.bitselect (f32x4.neg (local.get 0)) (local.get 0) (f32x4.eq (local.get 0) (local.get 0)))
                     (local.get 1) (local.get 2)))
  (func (export "f64x2.relaxed_madd") (param v128 v128 v128) (result v128)
    (call $f64x2_fma (local.get 0) (local.get 1) (local.get 2)))
  (func (export "f64x2.relaxed_nmadd") (param v128 v128 v128) (result v128)
    (call $f64x2_fma (v128.bitselect (f64x2.neg (local.get 0)) (local.get 0) (f64x2.eq (local.get 0) (local.get 0)))
                     (local.get 1) (local.get 2)))

  ;; Both operands signed; each i16 lane the wrapping sum of two products.
  (func (export "i16x8.relaxed_dot_i8x16_i7x16_s") (param $a v128) (param $b v128) (result v128)
    (local $lo v128) (local $hi v128)
    (local.set $lo (i16x8.extmul_low_i8x16_s (local.get $a) (local.get $b)))
    (local.set $hi (i16x8.extmul_high_i8x16_s (local.get $a) (local.get $b)))
    (i16x8.add
      (i8x16.shuffle 0 1 4 5 8 9 12 13 16 17 20 21 24 25 28 29 (local.get $lo) (local.get $hi))
      (i8x16.shuffle 2 3 6 7 10 11 14 15 18 19 22 23 26 27 30 31 (local.get $lo) (local.get $hi))))

  ;; Each i32 lane the exact sum of its four signed products, plus c.
  (func (export "i32x4.relaxed_dot_i8x16_i7x16_add_s") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (local $lo v128) (local $hi v128)
    (local.set $lo (i32x4.extadd_pairwise_i16x8_s (i16x8.extmul_low_i8x16_s (local.get $a) (local.get $b))))
    (local.set $hi (i32x4.extadd_pairwise_i16x8_s (i16x8.extmul_high_i8x16_s (local.get $a) (local.get $b))))
    (i32x4.add (local.get $c)
      (i32x4.add
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $lo) (local.get $hi))
        (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $lo) (local.get $hi))))))
`;
let library;
/** Assembled once per process, only when `relaxedSimdDeterministic` is asked for. */
function relaxedSimdLibrary() {
    library ??= (0,_wat_js__WEBPACK_IMPORTED_MODULE_2__/* .watToBinary */ .R)(new TextEncoder().encode(LIBRARY)).then((bytes) => (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModule */ .Y$)(bytes));
    return library;
}
/**
 * The deterministic replacement for the SIMD instruction with opcode `sub` (after 0xfd), or
 * undefined when it is not relaxed. `helper` gives the index of a library function in the module.
 */
function deterministicReplacement(sub, helper) {
    const plain = PLAIN.get(sub);
    if (plain !== undefined)
        return new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().byte(0xfd).u32(plain).finish();
    const name = HELPER.get(sub);
    return name === undefined ? undefined : new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().byte(0x10).u32(helper(name)).finish();
}


/***/ }),

/***/ 94849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ER: () => (/* binding */ runInit),
/* harmony export */   Je: () => (/* binding */ trapMessage),
/* harmony export */   jZ: () => (/* binding */ linkImports)
/* harmony export */ });
/* unused harmony export checkInitExport */
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67989);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45488);
/* harmony import */ var _instrument_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10291);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(31857);
/* harmony import */ var _wat_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39948);
/* harmony import */ var _tiering_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7080);
/* harmony import */ var _watchdog_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(74361);
/* harmony import */ var _wasi_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3518);
/**
 * Stage 3, run: instantiate the instrumented module and call its init function. Imports come from
 * preloaded modules and, when allowed, WASI; every other import is a function that traps when
 * called, so an import that init never calls is harmless. The start function runs during
 * instantiation and its effects are kept.
 */









/** Checks the init export as the reference does, before anything runs. */
function checkInitExport(mod, initFunc) {
    const exp = mod.exports.find((e) => e.name === initFunc);
    if (!exp)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('INIT_FUNC', `the Wasm module does not have a \`${initFunc}\` export`);
    if (exp.kind !== _parse_js__WEBPACK_IMPORTED_MODULE_2__/* .EXTERNAL */ .SJ.func)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('INIT_FUNC', `the Wasm module's \`${initFunc}\` export is not a function`);
    const sig = mod.types[mod.funcTypes[exp.index]];
    if (!sig || sig.params !== 0 || sig.results !== 0) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('INIT_FUNC', `the Wasm module's \`${initFunc}\` function export does not have type \`[] -> []\``);
    }
}
/**
 * With `deadline`, every piece of guest code (start functions, init) runs `guarded`. Compiling
 * and instantiating are synchronous: the async forms cost a turn of the thread pool each (about
 * 5 ms on a small module) and are no faster on large ones, and a start function must run inside
 * the guard.
 */
async function runInit(mod, instrumented, options, deadline) {
    const initFunc = options.initFunc ?? _types_js__WEBPACK_IMPORTED_MODULE_8__/* .DEFAULT_INIT_FUNC */ .sn;
    checkInitExport(mod, initFunc);
    const code = (0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .findSection */ .rv)(mod, _parse_js__WEBPACK_IMPORTED_MODULE_2__/* .SECTION */ .wn.code);
    const large = code !== undefined && code.range.end - code.range.start >= _tiering_js__WEBPACK_IMPORTED_MODULE_5__/* .LIFTOFF_ONLY_FROM */ .d;
    const compiled = large ? await (0,_tiering_js__WEBPACK_IMPORTED_MODULE_5__/* .liftoffOnly */ .f)(() => compile(instrumented.bytes)) : compile(instrumented.bytes);
    const wasi = options.allowWasi ? (0,_wasi_js__WEBPACK_IMPORTED_MODULE_7__/* .createWasi */ .LX)(options) : undefined;
    try {
        const host = { exports: {} };
        const imports = await linkImports(compiled, options, wasi, host, mod, deadline);
        let instance;
        try {
            instance = instantiate(compiled, imports, deadline);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreinitError */ .iz)
                throw err;
            // A trap while instantiating is the start function's, unless a segment did not fit.
            const cause = trapMessage(err);
            const inStart = err instanceof UnknownImportCall || (cause.startsWith('wasm trap: ') && !/segment/.test(String(err)));
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)(err instanceof UnknownImportCall ? err.code : 'TRAP', `${inStart ? 'the start function trapped' : 'failed to instantiate the Wasm module'}: ${cause}`, err);
        }
        host.exports = instance.exports;
        const memory = instance.exports.memory;
        if (wasi && memory instanceof WebAssembly.Memory)
            wasi.bind(memory);
        const reactorInit = instance.exports._initialize;
        try {
            if (initFunc !== '_initialize' && typeof reactorInit === 'function') {
                call(reactorInit, 'calling the Reactor initialization function', deadline);
            }
            call(instance.exports[initFunc], `the \`${initFunc}\` function trapped`, deadline);
        }
        finally {
            checkMemoryCaps(instance, instrumented, options.maxMemory);
        }
        return { instance, imports, wasiCalls: { ...(wasi?.calls ?? {}) }, wasiReads: wasi?.reads ?? [] };
    }
    finally {
        wasi?.close();
    }
}
/** A memory.grow that failed at the cap means init saw a failure it would not have seen: refuse. */
function checkMemoryCaps(instance, instrumented, maxMemory) {
    const flag = instrumented.growFailedExport && instance.exports[instrumented.growFailedExport].value;
    if (flag)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('LIMIT', `init tried to grow a memory past max-memory (${(0,_instrument_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3)(maxMemory)}); raise max-memory to snapshot it`);
}
function compile(bytes) {
    try {
        return new WebAssembly.Module((0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .bufferSource */ .kq)(bytes));
    }
    catch (err) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('INVALID_INPUT', `wasm validation failed: ${trapMessage(err)}${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .proposalHint */ .yt)(trapMessage(err))}`, err);
    }
}
function instantiate(compiled, imports, deadline) {
    return (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_6__/* .guarded */ .Nj)(deadline, () => new WebAssembly.Instance(compiled, imports));
}
function call(f, context, deadline) {
    try {
        (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_6__/* .guarded */ .Nj)(deadline, f);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreinitError */ .iz)
            throw err;
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)(err instanceof UnknownImportCall ? err.code : 'TRAP', `${context}: ${trapMessage(err)}`, err);
    }
}
/** V8's trap messages, spelled as wasmtime describes the same trap (its `TrapCode`s). */
const WASMTIME_TRAPS = [
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
function trapMessage(err) {
    if (err instanceof _wasi_js__WEBPACK_IMPORTED_MODULE_7__/* .ProcExit */ .z$)
        return err.message;
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
async function linkImports(compiled, options, wasi, host = { exports: {} }, mod, deadline) {
    const preloads = new Map();
    for (const p of options.preloads ?? []) {
        let instance;
        try {
            const compiledPreload = compile((0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .detectKind */ .i_)(p.bytes) === 'wat' ? await (0,_wat_js__WEBPACK_IMPORTED_MODULE_4__/* .watToBinary */ .R)(p.bytes) : p.bytes);
            instance = instantiate(compiledPreload, trappingImports(WebAssembly.Module.imports(compiledPreload)), deadline);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreinitError */ .iz)
                throw err;
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('TRAP', `failed to instantiate preload \`${p.name}\`: ${trapMessage(err)}`, err);
        }
        preloads.set(p.name, instance.exports);
    }
    const imports = {};
    for (const [i, imp] of WebAssembly.Module.imports(compiled).entries()) {
        const hostFn = options.hostFunctions?.[imp.module]?.[imp.name];
        const provided = (hostFn && ((...args) => hostFn.apply(host, args)))
            ?? preloads.get(imp.module)?.[imp.name] ?? (imp.module === _wasi_js__WEBPACK_IMPORTED_MODULE_7__/* .WASI_MODULE */ .GJ ? wasi?.imports[imp.name] : undefined);
        if (provided !== undefined) {
            (imports[imp.module] ??= {})[imp.name] = provided;
            continue;
        }
        const stub = trap(imp.module, imp.name, imp.module === _wasi_js__WEBPACK_IMPORTED_MODULE_7__/* .WASI_MODULE */ .GJ && !wasi);
        const typeIndex = mod?.imports[i].typeIndex;
        const v128 = typeIndex === undefined ? undefined : mod.types[typeIndex]?.v128Encoding;
        (imports[imp.module] ??= {})[imp.name] = v128 ? wasmStub(v128, stub) : stub;
    }
    return imports;
}
/** A wasm function of type `encoding` that calls `trap` (a JS function with no arguments). */
function wasmStub(encoding, trap) {
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    w.bytes(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
    w.section(_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .SECTION */ .wn.type, new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(2).bytes(Uint8Array.of(0x60, 0, 0)).bytes(encoding).finish());
    w.section(_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .SECTION */ .wn.import, new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(1).name('').name('trap').byte(_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .EXTERNAL */ .SJ.func).u32(0).finish());
    w.section(_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .SECTION */ .wn.function, new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(1).u32(1).finish());
    w.section(_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .SECTION */ .wn.export, new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(1).name('f').byte(_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .EXTERNAL */ .SJ.func).u32(1).finish());
    const body = Uint8Array.of(0x00, 0x10, 0x00, 0x00, 0x0b); // no locals; call $trap; unreachable
    w.section(_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .SECTION */ .wn.code, new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(1).u32(body.length).bytes(body).finish());
    const instance = new WebAssembly.Instance(new WebAssembly.Module((0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .bufferSource */ .kq)(w.finish())), { '': { trap } });
    return instance.exports.f;
}
function trappingImports(descriptors) {
    const imports = {};
    for (const d of descriptors)
        (imports[d.module] ??= {})[d.name] = trap(d.module, d.name);
    return imports;
}
/** A call to an import nobody provides: a trap, as in the reference, that says which import it was. */
class UnknownImportCall extends WebAssembly.RuntimeError {
    code;
    constructor(code, module, name) {
        super(`unknown import: \`${module}::${name}\` has not been defined`);
        this.code = code;
    }
}
/** `wasiDenied`: the import is WASI's and WASI was not allowed (so allowing it would help). */
function trap(module, name, wasiDenied = false) {
    return () => {
        throw new UnknownImportCall(wasiDenied ? 'WASI_NOT_ALLOWED' : 'UNKNOWN_IMPORT', module, name);
    };
}


/***/ }),

/***/ 61649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ stdioTerminal)
/* harmony export */ });
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17142);
/**
 * What the guest is told about stdin, stdout and stderr. wasmtime (and so the reference) reports
 * a stream as a terminal (character device) when the host's fd is a tty and as unknown otherwise
 * (pipe, file, /dev/null alike); a stream it does not inherit is never a terminal. wasi-libc
 * caches that in memory during init, so it must match. Fds are the process's, so a worker asks
 * the same question of the same fds as the thread that started it.
 */

const tty = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyBuiltin */ .q)('node:tty');
/**
 * Whether the guest is told stdio stream `fd` is a terminal under `options` (reproducible mode:
 * never), asked of the host only once the guest asks.
 */
function stdioTerminal(options) {
    if (options.inheritStdio === false || options.reproducible)
        return () => false;
    const given = options.stdioTerminals;
    if (given)
        return (fd) => given[fd] === true;
    return (fd) => tty().isatty(fd);
}


/***/ }),

/***/ 7080:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ LIFTOFF_ONLY_FROM),
/* harmony export */   f: () => (/* binding */ liftoffOnly)
/* harmony export */ });
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17142);
/**
 * V8's wasm tiering, chosen per module. A module compiled while `--liftoff-only` is on stays in
 * Liftoff code: the flag is process-wide (worker threads too) and read when a module compiles, so
 * it is on for that compile only. Left alone when the user gave Node a liftoff or tier-up flag.
 *
 * Tier-up recompiles hot functions with TurboFan on background threads. For a large guest whose
 * init runs once, that competes with init for the cores and is thrown away with the instance;
 * a small, compute-bound init gains from it (farm-bench, CLI, median ratio of the wall time
 * with Liftoff only to without, Node 20 / Node 24: ruby.wasm 0.77 / 0.81 with 70 MB less peak,
 * rust-regex 0.88 / 1.00, rust-uap 0.99 / 0.96, gen-compute 1.04 / 1.03).
 */

const v8 = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyBuiltin */ .q)('node:v8');
/** Guests with at least this much code are compiled Liftoff-only (rust-regex has 472 KiB). */
const LIFTOFF_ONLY_FROM = 256 * 1024;
async function liftoffOnly(compile) {
    const chosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /liftoff|tier/.test(a));
    if (chosen)
        return compile();
    v8().setFlagsFromString('--liftoff-only');
    try {
        return await compile();
    }
    finally {
        v8().setFlagsFromString('--no-liftoff-only');
    }
}


/***/ }),

/***/ 3518:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ WASI_MODULE),
/* harmony export */   LX: () => (/* binding */ createWasi),
/* harmony export */   z$: () => (/* binding */ ProcExit)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _reproducible_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84294);
/* harmony import */ var _stdio_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61649);
/**
 * A WASI preview1 host for init, written here rather than on `node:wasi` (which says it is no
 * sandbox). Files are read-only and reachable only below preopened directories: absolute paths,
 * `..` past a preopen and symlinks that resolve outside it are refused with ENOTCAPABLE. The
 * environment is empty unless the caller passes it in. Every call is counted for the report.
 */




const WASI_MODULE = 'wasi_snapshot_preview1';
const E = {
    SUCCESS: 0, BADF: 8, INVAL: 28, IO: 29, ISDIR: 31, NOENT: 44, NOSYS: 52, NOTDIR: 54,
    SPIPE: 70, NOTCAPABLE: 76,
};
const FILETYPE = { unknown: 0, char: 2, dir: 3, file: 4, symlink: 7 };
// The rights wasmtime reports (and so the reference): libc caches them in memory during init.
const RIGHT = { fdRead: 1n << 1n, fdWrite: 1n << 6n };
const DIR_BASE_RIGHTS = 0x07b7fe00n;
const DIR_INHERITING_RIGHTS = DIR_BASE_RIGHTS | 0x1ffn | (1n << 21n) | (1n << 22n) | (1n << 23n) | (1n << 27n);
const O_CREAT = 1, O_DIRECTORY = 2, O_EXCL = 4, O_TRUNC = 8;
const FDFLAG_APPEND = 1;
/** Rights that would let the guest change a file: fd_write, fd_allocate, fd_filestat_set_size. */
const WRITE_RIGHTS = (1n << 6n) | (1n << 8n) | (1n << 22n);
class WasiErrno extends Error {
    errno;
    constructor(errno) {
        super(`errno ${errno}`);
        this.errno = errno;
    }
}
/** A guest error wasmtime turns into a trap (bad pointer), not an errno. */
class WasiTrap extends Error {
}
/** Little-endian view of guest memory that traps on out-of-bounds or misaligned access. */
class GuestView {
    v;
    constructor(buffer) {
        this.v = new DataView(buffer);
    }
    check(signed, size) {
        const ptr = signed >>> 0; // wasm passes i32 pointers; JS sees them signed
        if (ptr % size !== 0)
            throw new WasiTrap(`pointer ${ptr} not aligned to ${size}`);
        if (ptr + size > this.v.byteLength)
            throw new WasiTrap(`pointer ${ptr} out of bounds`);
        return ptr;
    }
    getUint8(ptr) {
        return this.v.getUint8(this.check(ptr, 1));
    }
    getUint16(ptr) {
        return this.v.getUint16(this.check(ptr, 2), true);
    }
    getUint32(ptr) {
        return this.v.getUint32(this.check(ptr, 4), true);
    }
    getBigUint64(ptr) {
        return this.v.getBigUint64(this.check(ptr, 8), true);
    }
    setUint8(ptr, value) {
        this.v.setUint8(this.check(ptr, 1), value);
    }
    setUint16(ptr, value) {
        this.v.setUint16(this.check(ptr, 2), value, true);
    }
    setUint32(ptr, value) {
        this.v.setUint32(this.check(ptr, 4), value, true);
    }
    setBigUint64(ptr, value) {
        this.v.setBigUint64(this.check(ptr, 8), value, true);
    }
}
/** Raised when the guest calls proc_exit: unwinds out of the wasm call. */
class ProcExit extends Error {
    code;
    constructor(code) {
        super(`the guest called proc_exit(${code})`);
        this.code = code;
    }
}
function createWasi(options) {
    const calls = {};
    const reads = [];
    const traced = (name, bytes) => {
        if (options.traceWasi)
            reads.push({ call: name, n: calls[name], hex: Buffer.from(bytes()).toString('hex') });
    };
    let memory;
    const buffer = () => {
        if (!memory)
            throw new WasiErrno(E.INVAL);
        return memory.buffer;
    };
    // Guest memory through typed accessors that trap, as wasmtime does, on a pointer outside
    // memory or misaligned for its type (a host error would otherwise become a plausible errno).
    const view = () => new GuestView(buffer());
    const bytesAt = (signed, len) => {
        const buf = buffer();
        const ptr = signed >>> 0;
        if (ptr + (len >>> 0) > buf.byteLength)
            throw new WasiTrap(`pointer ${ptr}+${len} out of bounds`);
        return new Uint8Array(buf, ptr, len >>> 0);
    };
    const inheritStdio = options.inheritStdio ?? true;
    const terminal = (0,_stdio_js__WEBPACK_IMPORTED_MODULE_3__/* .stdioTerminal */ .g)(options);
    const stdioType = (n) => (terminal(n) ? FILETYPE.char : FILETYPE.unknown);
    const repro = (0,_reproducible_js__WEBPACK_IMPORTED_MODULE_2__/* .reproducibleSettings */ .ig)(options);
    const random = repro && new _reproducible_js__WEBPACK_IMPORTED_MODULE_2__/* .RandomStream */ .qv(repro.seed);
    const clock = repro && new _reproducible_js__WEBPACK_IMPORTED_MODULE_2__/* .FixedClock */ .d0(repro.epoch);
    const out = options.stdout ?? ((c) => process.stdout.write(c));
    const err = options.stderr ?? ((c) => process.stderr.write(c));
    const encoder = new TextEncoder();
    const args = (options.args ?? []).map((a) => encoder.encode(`${a}\0`));
    const envSource = options.inheritEnv ? { ...process.env } : {};
    Object.assign(envSource, options.env ?? {});
    const env = Object.entries(envSource)
        .filter((e) => e[1] !== undefined)
        .map(([k, v]) => encoder.encode(`${k}=${v}\0`));
    const fds = [
        { kind: 'stdio', position: 0n },
        { kind: 'stdio', position: 0n },
        { kind: 'stdio', position: 0n },
    ];
    const roots = [];
    for (const p of options.preopens ?? []) {
        const root = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(p.host);
        roots.push(root);
        fds.push({ kind: 'dir', host: root, root, preopen: p.guest, position: 0n });
    }
    /** What the guest sees of `host`'s metadata: the host's own, or in reproducible mode the same everywhere. */
    const metadata = (st, host, root) => repro ? (0,_reproducible_js__WEBPACK_IMPORTED_MODULE_2__/* .stableMetadata */ .Pi)(repro, roots.indexOf(root), node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, host), st) : st;
    const fd = (n) => {
        const d = fds[n];
        if (!d)
            throw new WasiErrno(E.BADF);
        return d;
    };
    /** Resolves a guest path under directory descriptor `dirFd`, refusing any escape. */
    const resolve = (dirFd, ptr, len, follow = true) => {
        const dir = fd(dirFd);
        if (dir.kind !== 'dir')
            throw new WasiErrno(E.NOTDIR);
        const guest = new TextDecoder().decode(bytesAt(ptr, len));
        if (guest.startsWith('/') || guest.includes('\0'))
            throw new WasiErrno(E.NOTCAPABLE);
        const relBase = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(dir.root, dir.host);
        const stack = relBase ? relBase.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) : [];
        for (const seg of guest.split('/')) {
            if (seg === '' || seg === '.')
                continue;
            if (seg === '..') {
                if (!stack.length)
                    throw new WasiErrno(E.NOTCAPABLE);
                stack.pop();
            }
            else
                stack.push(seg);
        }
        const host = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir.root, ...stack);
        let real;
        try {
            real = follow ? node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(host) : node_path__WEBPACK_IMPORTED_MODULE_1__.join(node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(host)), node_path__WEBPACK_IMPORTED_MODULE_1__.basename(host));
        }
        catch {
            throw new WasiErrno(E.NOENT);
        }
        if (real !== dir.root && !real.startsWith(dir.root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep))
            throw new WasiErrno(E.NOTCAPABLE);
        return real;
    };
    const writeFilestat = (ptr, st, host, root) => {
        const v = view();
        const m = metadata(st, host, root);
        v.setBigUint64(ptr, m.dev);
        v.setBigUint64(ptr + 8, m.ino);
        v.setUint8(ptr + 16, fileType(st));
        v.setBigUint64(ptr + 24, m.nlink);
        v.setBigUint64(ptr + 32, m.size);
        v.setBigUint64(ptr + 40, m.atimeNs);
        v.setBigUint64(ptr + 48, m.mtimeNs);
        v.setBigUint64(ptr + 56, m.ctimeNs);
    };
    const writeList = (items, ptrs, buf) => {
        const v = view();
        for (const item of items) {
            v.setUint32(ptrs, buf);
            bytesAt(buf, item.length).set(item);
            ptrs += 4;
            buf += item.length;
        }
    };
    const writeSizes = (items, countPtr, sizePtr) => {
        view().setUint32(countPtr, items.length);
        view().setUint32(sizePtr, items.reduce((n, i) => n + i.length, 0));
    };
    const iovecs = (ptr, n) => {
        const v = view();
        return Array.from({ length: n }, (_, i) => bytesAt(v.getUint32(ptr + i * 8), v.getUint32(ptr + i * 8 + 4)));
    };
    /** Like wasmtime, a vectored read or write moves only the first non-empty buffer. */
    const firstBuffer = (iovs) => iovs.find((iov) => iov.length > 0) ?? new Uint8Array(0);
    const readInto = (d, iovs, at) => {
        const iov = firstBuffer(iovs);
        if (d.kind === 'dir')
            throw new WasiErrno(E.ISDIR);
        if (d.kind === 'stdio')
            return inheritStdio ? readStdin(iov) : 0;
        const n = node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync(d.hostFd, iov, 0, iov.length, at ?? d.position);
        if (at === null)
            d.position += BigInt(n);
        return n;
    };
    const impl = {
        args_get: (argv, buf) => (writeList(args, argv, buf), E.SUCCESS),
        args_sizes_get: (c, s) => (writeSizes(args, c, s), E.SUCCESS),
        environ_get: (envp, buf) => (writeList(env, envp, buf), E.SUCCESS),
        environ_sizes_get: (c, s) => (writeSizes(env, c, s), E.SUCCESS),
        clock_res_get: (_id, ptr) => (view().setBigUint64(ptr, 1000n), E.SUCCESS),
        clock_time_get: (id, _precision, ptr) => {
            const now = clock ? clock.read() : id === 0 ? BigInt(Date.now()) * 1000000n : process.hrtime.bigint();
            view().setBigUint64(ptr, now);
            traced('clock_time_get', () => bytesAt(ptr, 8));
            return E.SUCCESS;
        },
        random_get: (ptr, signedLen) => {
            const len = signedLen >>> 0;
            if (random)
                random.fill(bytesAt(ptr, len));
            else {
                bytesAt(ptr, len);
                for (let off = 0; off < len; off += 65536)
                    crypto.getRandomValues(bytesAt((ptr >>> 0) + off, Math.min(65536, len - off)));
            }
            traced('random_get', () => bytesAt(ptr, len));
            return E.SUCCESS;
        },
        fd_write: (n, iovs, count, nwritten) => {
            const d = fd(n);
            if (d.kind !== 'stdio' || n === 0)
                throw new WasiErrno(d.kind === 'stdio' ? E.BADF : E.NOTCAPABLE);
            const iov = firstBuffer(iovecs(iovs, count));
            if (inheritStdio && iov.length)
                (n === 1 ? out : err)(iov.slice());
            view().setUint32(nwritten, iov.length);
            return E.SUCCESS;
        },
        fd_read: (n, iovs, count, nread) => {
            view().setUint32(nread, readInto(fd(n), iovecs(iovs, count), null));
            return E.SUCCESS;
        },
        fd_pread: (n, iovs, count, offset, nread) => {
            const d = fd(n);
            if (d.kind !== 'file')
                throw new WasiErrno(d.kind === 'dir' ? E.ISDIR : E.SPIPE);
            view().setUint32(nread, readInto(d, iovecs(iovs, count), offset));
            return E.SUCCESS;
        },
        fd_seek: (n, offset, whence, ptr) => {
            const d = fd(n);
            if (d.kind !== 'file')
                throw new WasiErrno(d.kind === 'dir' ? E.ISDIR : E.SPIPE);
            const base = whence === 0 ? 0n : whence === 1 ? d.position : node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync(d.hostFd, { bigint: true }).size;
            if (whence > 2 || base + offset < 0n)
                throw new WasiErrno(E.INVAL);
            d.position = base + offset;
            view().setBigUint64(ptr, d.position);
            return E.SUCCESS;
        },
        fd_tell: (n, ptr) => {
            const d = fd(n);
            if (d.kind !== 'file')
                throw new WasiErrno(E.SPIPE);
            view().setBigUint64(ptr, d.position);
            return E.SUCCESS;
        },
        fd_close: (n) => {
            const d = fd(n);
            if (d.hostFd !== undefined)
                node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(d.hostFd);
            fds[n] = undefined;
            return E.SUCCESS;
        },
        fd_fdstat_get: (n, ptr) => {
            const d = fd(n);
            const v = view();
            v.setUint8(ptr, d.kind === 'stdio' ? stdioType(n) : d.kind === 'dir' ? FILETYPE.dir : FILETYPE.file);
            v.setUint16(ptr + 2, 0);
            const base = d.kind === 'dir' ? DIR_BASE_RIGHTS : d.kind === 'stdio' && n > 0 ? RIGHT.fdWrite : RIGHT.fdRead;
            v.setBigUint64(ptr + 8, base);
            // wasmtime gives stdio its base rights as inheriting rights too.
            v.setBigUint64(ptr + 16, d.kind === 'dir' ? DIR_INHERITING_RIGHTS : d.kind === 'stdio' ? base : 0n);
            return E.SUCCESS;
        },
        fd_fdstat_set_flags: () => E.SUCCESS,
        fd_filestat_get: (n, ptr) => {
            const d = fd(n);
            if (d.kind === 'stdio') {
                // wasmtime reports every other field of a stdio stream as 0 (and leaves the padding).
                const v = view();
                for (const at of [0, 8, 24, 32, 40, 48, 56])
                    v.setBigUint64(ptr + at, 0n);
                v.setUint8(ptr + 16, stdioType(n));
                return E.SUCCESS;
            }
            writeFilestat(ptr, d.hostFd !== undefined ? node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync(d.hostFd, { bigint: true }) : node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(d.host, { bigint: true }), d.host, d.root);
            return E.SUCCESS;
        },
        fd_prestat_get: (n, ptr) => {
            const d = fd(n);
            if (d.preopen === undefined)
                throw new WasiErrno(E.BADF);
            view().setUint8(ptr, 0);
            view().setUint32(ptr + 4, encoder.encode(d.preopen).length);
            return E.SUCCESS;
        },
        fd_prestat_dir_name: (n, ptr, len) => {
            const d = fd(n);
            if (d.preopen === undefined)
                throw new WasiErrno(E.BADF);
            bytesAt(ptr, len).set(encoder.encode(d.preopen).subarray(0, len));
            return E.SUCCESS;
        },
        fd_readdir: (n, buf, len, cookie, usedPtr) => {
            const d = fd(n);
            if (d.kind !== 'dir')
                throw new WasiErrno(E.NOTDIR);
            const names = node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync(d.host);
            const entries = ['.', '..', ...(repro ? (0,_reproducible_js__WEBPACK_IMPORTED_MODULE_2__/* .sortNames */ .Hy)(names) : names)];
            const target = bytesAt(buf, len);
            let used = 0;
            for (let i = Number(cookie); i < entries.length && used < len; i++) {
                const name = encoder.encode(entries[i]);
                const st = node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync(node_path__WEBPACK_IMPORTED_MODULE_1__.join(d.host, entries[i]), { bigint: true });
                const record = new Uint8Array(24 + name.length);
                const rv = new DataView(record.buffer);
                rv.setBigUint64(0, BigInt(i + 1), true);
                rv.setBigUint64(8, repro ? (0,_reproducible_js__WEBPACK_IMPORTED_MODULE_2__/* .stableIno */ .EK)(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(d.root, node_path__WEBPACK_IMPORTED_MODULE_1__.join(d.host, entries[i]))) : st.ino, true);
                rv.setUint32(16, name.length, true);
                rv.setUint8(20, fileType(st));
                record.set(name, 24);
                const take = Math.min(record.length, len - used);
                target.set(record.subarray(0, take), used);
                used += take;
            }
            view().setUint32(usedPtr, used);
            return E.SUCCESS;
        },
        path_open: (dirFd, _lookup, ptr, len, oflags, rights, _inheriting, fdflags, out) => {
            if (oflags & (O_CREAT | O_EXCL | O_TRUNC) || fdflags & FDFLAG_APPEND || rights & WRITE_RIGHTS) {
                throw new WasiErrno(E.NOTCAPABLE);
            }
            // The host open follows symlinks whatever the guest asked, so check where they lead.
            const host = resolve(dirFd, ptr, len, true);
            const st = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(host);
            const parent = fd(dirFd);
            let d;
            if (st.isDirectory())
                d = { kind: 'dir', host, root: parent.root, position: 0n };
            else if (oflags & O_DIRECTORY)
                throw new WasiErrno(E.NOTDIR);
            else
                d = { kind: 'file', host, root: parent.root, hostFd: node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(host, 'r'), position: 0n };
            fds.push(d);
            view().setUint32(out, fds.length - 1);
            return E.SUCCESS;
        },
        path_filestat_get: (dirFd, lookup, ptr, len, out) => {
            const host = resolve(dirFd, ptr, len, (lookup & 1) === 1);
            writeFilestat(out, node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync(host, { bigint: true }), host, fd(dirFd).root);
            return E.SUCCESS;
        },
        path_readlink: () => E.NOTCAPABLE,
        poll_oneoff: (inPtr, outPtr, n, countPtr) => (clock ? pollAtOnce(clock, view(), inPtr, outPtr, n, countPtr) : E.NOSYS),
        proc_exit: (code) => {
            throw new ProcExit(code);
        },
        proc_raise: () => E.NOSYS,
        sched_yield: () => E.SUCCESS,
    };
    // Everything that would change the host or reach the network is refused outright.
    for (const name of ['fd_pwrite', 'fd_allocate', 'fd_filestat_set_size', 'fd_filestat_set_times',
        'fd_renumber', 'path_create_directory', 'path_remove_directory', 'path_rename', 'path_symlink',
        'path_unlink_file', 'path_link', 'path_filestat_set_times']) {
        impl[name] = () => E.NOTCAPABLE;
    }
    for (const name of ['fd_advise', 'fd_datasync', 'fd_sync', 'fd_fdstat_set_rights'])
        impl[name] = () => E.SUCCESS;
    for (const name of ['sock_accept', 'sock_recv', 'sock_send', 'sock_shutdown'])
        impl[name] = () => E.NOSYS;
    const imports = {};
    for (const [name, f] of Object.entries(impl)) {
        imports[name] = (...a) => {
            calls[name] = (calls[name] ?? 0) + 1;
            try {
                return f(...a);
            }
            catch (e) {
                if (e instanceof WasiErrno)
                    return e.errno;
                if (e instanceof ProcExit)
                    throw e;
                if (e instanceof WasiTrap)
                    throw new WebAssembly.RuntimeError(`${name}: ${e.message}`);
                const code = e.code;
                return code === 'ENOENT' ? E.NOENT : code === 'EISDIR' ? E.ISDIR : code === 'ENOTDIR' ? E.NOTDIR : E.IO;
            }
        };
    }
    return {
        imports,
        calls,
        reads,
        bind: (m) => {
            memory = m;
        },
        close: () => {
            for (const d of fds)
                if (d?.hostFd !== undefined)
                    node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(d.hostFd);
        },
    };
}
/**
 * poll_oneoff in reproducible mode: nothing waits. Ready fd subscriptions are reported at once;
 * otherwise time jumps to the earliest clock deadline and the clocks due then fire.
 */
function pollAtOnce(clock, v, inPtr, outPtr, n, countPtr) {
    if (n === 0)
        throw new WasiErrno(E.INVAL);
    const subs = Array.from({ length: n }, (_, i) => {
        const at = (inPtr >>> 0) + i * 48;
        const tag = v.getUint8(at + 8);
        const deadline = tag === 0 ? v.getBigUint64(at + 24) + ((v.getUint16(at + 40) & 1) === 1 ? 0n : clock.peek()) : 0n;
        return { userdata: v.getBigUint64(at), tag, deadline };
    });
    const fdSubs = subs.filter((s) => s.tag !== 0);
    let fired = fdSubs;
    if (fdSubs.length === 0) {
        const earliest = subs.reduce((m, s) => (s.deadline < m ? s.deadline : m), subs[0].deadline);
        clock.advanceTo(earliest);
        fired = subs.filter((s) => s.deadline <= earliest);
    }
    fired.forEach((s, i) => {
        const at = (outPtr >>> 0) + i * 32;
        v.setBigUint64(at, s.userdata);
        v.setUint16(at + 8, E.SUCCESS);
        v.setUint8(at + 10, s.tag);
        v.setBigUint64(at + 16, 0n);
        v.setUint16(at + 24, 0);
    });
    v.setUint32(countPtr, fired.length);
    return E.SUCCESS;
}
function fileType(st) {
    if (st.isDirectory())
        return FILETYPE.dir;
    if (st.isFile())
        return FILETYPE.file;
    if (st.isSymbolicLink())
        return FILETYPE.symlink;
    if (st.isCharacterDevice())
        return FILETYPE.char;
    return FILETYPE.unknown;
}
function readStdin(buf) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync(0, buf, 0, buf.length, null);
    }
    catch {
        return 0;
    }
}


/***/ }),

/***/ 39948:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ watToBinary)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67989);
/** WAT, which the reference takes wherever it takes a module (inputs, preloads), to binary. */

/** wasm-tools reports WAT errors as a Rust debug dump; keep the message and its position. */
function watError(dump) {
    const message = /kind: (?:Custom|Lex)\("((?:[^"\\]|\\.)*)"\)/.exec(dump)?.[1] ?? dump.split('\n')[0];
    const at = /line: (\d+), col: (\d+)/.exec(dump);
    return at ? `${message.replace(/\\"/g, '"')} (line ${Number(at[1]) + 1}, column ${Number(at[2]) + 1})` : message;
}
/** WAT text in, binary out, through jco's wasm-tools parser (what `wasmtime wizer` accepts). */
async function watToBinary(text) {
    const { parse } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(248)]).then(__webpack_require__.bind(__webpack_require__, 29248));
    try {
        return await parse(new TextDecoder().decode(text));
    }
    catch (err) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('INVALID_INPUT', `failed to parse WAT: ${watError(String(err instanceof Error ? err.message : err))}`, err);
    }
}


/***/ })

};
