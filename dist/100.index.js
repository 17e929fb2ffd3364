export const id = 100;
export const ids = [100];
export const modules = {

/***/ 42100:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_INIT_FUNC: () => (/* reexport safe */ _types_js__WEBPACK_IMPORTED_MODULE_18__.sn),
/* harmony export */   DEFAULT_TIMEOUT_MS: () => (/* reexport safe */ _isolate_js__WEBPACK_IMPORTED_MODULE_20__.t1),
/* harmony export */   ERROR_CODES: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.OQ),
/* harmony export */   LEAN_VERIFY_FROM: () => (/* binding */ LEAN_VERIFY_FROM),
/* harmony export */   PreinitError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.iz),
/* harmony export */   describeError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.Uc),
/* harmony export */   measureStartup: () => (/* reexport safe */ _measure_js__WEBPACK_IMPORTED_MODULE_19__.measureStartup),
/* harmony export */   measureStartups: () => (/* reexport safe */ _measure_js__WEBPACK_IMPORTED_MODULE_19__.fz),
/* harmony export */   preinitialize: () => (/* binding */ preinitialize),
/* harmony export */   preinitializeIsolated: () => (/* reexport safe */ _isolate_js__WEBPACK_IMPORTED_MODULE_20__.vo),
/* harmony export */   preinitializeIsolatedToFile: () => (/* reexport safe */ _isolate_js__WEBPACK_IMPORTED_MODULE_20__.YH),
/* harmony export */   preinitializeToFile: () => (/* binding */ preinitializeToFile),
/* harmony export */   stageTimer: () => (/* binding */ stageTimer),
/* harmony export */   verifyModule: () => (/* reexport safe */ _verify_js__WEBPACK_IMPORTED_MODULE_15__.Sm),
/* harmony export */   watToBinary: () => (/* reexport safe */ _wat_js__WEBPACK_IMPORTED_MODULE_16__.R)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14279);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67989);
/* harmony import */ var _instrument_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10291);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6430);
/* harmony import */ var _relaxed_simd_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(75513);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(45488);
/* harmony import */ var _rewrite_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47696);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(94849);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(31857);
/* harmony import */ var _sha256_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(49985);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(36706);
/* harmony import */ var _warnings_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(25759);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(18229);
/* harmony import */ var _gc_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(11600);
/* harmony import */ var _reproducible_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(84294);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(60255);
/* harmony import */ var _wat_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(39948);
/* harmony import */ var _watchdog_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(74361);
/* harmony import */ var _measure_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(2128);
/* harmony import */ var _isolate_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(55721);

























function preinitialize(input, options = {}) {
    return run(input, options);
}
/**
 * Pre-initializes into `file`, written directly (the isolated variant makes it atomic) and
 * removed on failure. A core module whose snapshot holds LEAN_VERIFY_FROM bytes or more is
 * written as it is made, its data straight from the memories, and verified from the file with
 * lean verification: the instance is freed before the output is instantiated again, so the peak
 * stays near twice the largest memory. Smaller outputs, components and optimized outputs are
 * verified in memory, as by `preinitialize`.
 */
async function preinitializeToFile(input, file, options = {}) {
    try {
        const result = await run(input, options, file);
        if ('output' in result) {
            await _io_js__WEBPACK_IMPORTED_MODULE_4__/* .files */ .aq.writeFile(file, result.output).catch(cannotWrite);
            return { facts: result.facts, bytes: result.output.length };
        }
        const { facts, bytes, expected } = result;
        if (expected) {
            const start = (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_17__/* .monotonicMs */ .dR)();
            await (0,_gc_js__WEBPACK_IMPORTED_MODULE_13__/* .collectGarbage */ .i)(); // the instance, now unreachable (its memory stays for `scratch`)
            await (0,_verify_js__WEBPACK_IMPORTED_MODULE_15__/* .verifyFile */ .AI)(file, expected, result.scratch);
            facts.timings.verify = (facts.timings.verify ?? 0) + (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_17__/* .monotonicMs */ .dR)() - start;
        }
        return { facts, bytes };
    }
    catch (err) {
        await _io_js__WEBPACK_IMPORTED_MODULE_4__/* .files */ .aq.rm(file, { force: true });
        throw err;
    }
}
/**
 * Snapshots of this many bytes or more are written as they are made and verified lean by
 * `preinitializeToFile`: below it, the copies the in-memory way makes cost less than two forced
 * collections and the digests; above it, they cost more, and raise the peak (ruby.wasm: 365 MB
 * in memory, 230 MB lean, for a 73 MB memory).
 */
const LEAN_VERIFY_FROM = 2 ** 20;
/** A preopen must be a directory before anything runs: the cause is the option, not the input. */
function checkPreopens(options) {
    for (const p of options.preopens ?? []) {
        let st;
        try {
            st = node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync(p.host, { throwIfNoEntry: false });
        }
        catch (err) {
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('IO', `cannot preopen ${p.host} as ${p.guest}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .osReason */ .Tk)(err)}`, err);
        }
        if (!st?.isDirectory())
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('IO', `cannot preopen ${p.host} as ${p.guest}: ${st ? 'not a directory' : 'no such directory'}`);
    }
}
async function run(input, options, file) {
    checkPreopens(options);
    const repro = (0,_reproducible_js__WEBPACK_IMPORTED_MODULE_14__/* .reproducibleSettings */ .ig)(options); // refuses bad settings before anything runs
    const result = await runKind(input, options, file);
    if (repro) {
        const digest = 'output' in result ? (0,_sha256_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256 */ .s)().update(result.output).digest('hex') : result.sha256;
        result.facts.reproducible = { seed: String(repro.seed), epoch: repro.epoch, sha256: digest };
    }
    return result;
}
async function runKind(input, options, file) {
    switch ((0,_binary_js__WEBPACK_IMPORTED_MODULE_1__/* .detectKind */ .i_)(input)) {
        case 'module':
            return preinitializeModule(input, options, file);
        case 'component': {
            if (options.optimize)
                (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('UNSUPPORTED', 'optimize is not supported for components');
            // jco's glue runs a component's guest code from promises the watchdog cannot wrap.
            if (options.timeoutMs !== undefined)
                (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('USAGE', 'timeoutMs stops core modules only: give a component to preinitializeIsolated, whose limits end its worker');
            const { preinitializeComponent } = await Promise.all(/* import() */[__webpack_require__.e(30), __webpack_require__.e(640)]).then(__webpack_require__.bind(__webpack_require__, 17640));
            const result = await preinitializeComponent(input, options);
            checkDeterministic(result.facts.warnings, options);
            return result;
        }
        case 'wat':
            return runKind(await (0,_wat_js__WEBPACK_IMPORTED_MODULE_16__/* .watToBinary */ .R)(input), options, file);
        case 'unknown-version': {
            const version = new DataView(input.buffer, input.byteOffset + 4, 4).getUint32(0, true);
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('INVALID_INPUT', `unsupported WebAssembly binary version 0x${version.toString(16)} (a module is version 1, a component 0x1000d)`);
        }
        default:
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('INVALID_INPUT', input.length === 0 ? 'the input is empty' : 'the input is not a WebAssembly module or component (bad magic number)');
    }
}
async function preinitializeModule(input, options, file) {
    const timer = stageTimer();
    const deadline = (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_17__/* .deadlineAfter */ .d8)(options.timeoutMs);
    const initFunc = options.initFunc ?? _types_js__WEBPACK_IMPORTED_MODULE_18__/* .DEFAULT_INIT_FUNC */ .sn;
    (0,_rewrite_js__WEBPACK_IMPORTED_MODULE_7__/* .checkRenames */ .kM)(options.renames ?? []);
    const mod = timer.time('parse', () => (0,_parse_js__WEBPACK_IMPORTED_MODULE_6__/* .parseModule */ .Y$)(input, { features: options.wasmFeatures }));
    const relaxedSimd = options.relaxedSimdDeterministic ? await (0,_relaxed_simd_js__WEBPACK_IMPORTED_MODULE_5__/* .relaxedSimdLibrary */ .g)() : undefined;
    const instrumented = timer.time('instrument', () => (0,_instrument_js__WEBPACK_IMPORTED_MODULE_3__/* .instrument */ .wV)(mod, { maxMemory: options.maxMemory, relaxedSimd }));
    const { instance, imports, wasiCalls, wasiReads } = await timer.timeAsync('run', () => (0,_run_js__WEBPACK_IMPORTED_MODULE_8__/* .runInit */ .ER)(mod, instrumented, options, deadline));
    const snap = timer.time('snapshot', () => (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_10__/* .snapshot */ .P9)(instance, mod, instrumented, imports));
    const warnings = (0,_warnings_js__WEBPACK_IMPORTED_MODULE_11__/* .nondeterminismWarnings */ .I)(wasiCalls);
    checkDeterministic(warnings, options);
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_12__/* .checkSecrets */ .KK)(snap.segments.memories, input, options);
    const rewriteOptions = { exports: 'wizer', initFunc, keepInitFunc: options.keepInitFunc, renames: options.renames };
    const verify = options.verify ?? true;
    const facts = (optimized) => ({
        kind: 'module',
        globals: snap.globals.length,
        memories: (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_10__/* .memoryFacts */ .Bo)(mod.memories, snap),
        dataSegments: snap.segments.count,
        wasiCalls,
        ...(options.traceWasi ? { wasiReads } : {}),
        timings: timer.timings,
        warnings,
        verified: verify,
        ...(optimized ? { optimized } : {}),
    });
    // Large and for a file: written as it is made, verified by the caller against digests once
    // the instance is freed (hashing and forced collections are only worth it then).
    if (file !== undefined && !options.optimize && (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_10__/* .segmentBytes */ .V0)(snap.segments) >= LEAN_VERIFY_FROM) {
        const hash = options.reproducible ? (0,_sha256_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256 */ .s)() : undefined;
        const bytes = timer.time('rewrite', () => writeOutput(file, (out) => (0,_rewrite_js__WEBPACK_IMPORTED_MODULE_7__/* .rewriteTo */ .qf)(mod, snap, rewriteOptions, out), hash));
        const expected = verify ? timer.time('verify', () => (0,_verify_js__WEBPACK_IMPORTED_MODULE_15__/* .digestState */ .Y0)(snap)) : undefined;
        return { facts: facts(), bytes, ...(hash ? { sha256: hash.digest('hex') } : {}), ...(expected ? { expected, scratch: scratchFor(snap, instance, instrumented) } : {}) };
    }
    const snapshotted = timer.time('rewrite', () => (0,_rewrite_js__WEBPACK_IMPORTED_MODULE_7__/* .rewrite */ .v8)(mod, snap, rewriteOptions));
    if (verify)
        await timer.timeAsync('verify', () => (0,_verify_js__WEBPACK_IMPORTED_MODULE_15__/* .verifyModule */ .Sm)(snapshotted, snap));
    if (!options.optimize)
        return { output: snapshotted, facts: facts() };
    const { optimize } = await __webpack_require__.e(/* import() */ 397).then(__webpack_require__.bind(__webpack_require__, 50397));
    const level = options.optimize;
    const output = await timer.timeAsync('optimize', () => optimize(snapshotted, level));
    // Binaryen renumbers: what stays comparable is matched through export names (see verify.ts).
    if (verify)
        await timer.timeAsync('verify', () => (0,_verify_js__WEBPACK_IMPORTED_MODULE_15__/* .verifyModule */ .Sm)(output, snap, { renumberedFrom: (0,_parse_js__WEBPACK_IMPORTED_MODULE_6__/* .parseModule */ .Y$)(snapshotted) }));
    return { output, facts: facts({ level, before: snapshotted.length, after: output.length }) };
}
/**
 * What verification may reuse (see `Scratch`): the largest memory that is not shared (a shared
 * one is no plain ArrayBuffer), and its Memory when it is the module's only one.
 */
function scratchFor(snap, instance, instrumented) {
    let bytes;
    for (const m of snap.memories) {
        if (m.bytes.buffer instanceof ArrayBuffer && m.bytes.length > (bytes?.length ?? -1))
            bytes = m.bytes;
    }
    if (bytes === undefined || snap.memories.length !== 1)
        return { bytes };
    return { bytes, memory: instance.exports[instrumented.memories[0].exportName] };
}
/** Opens `file` for a FileWriter and has `write` fill it; an OS error is the output's. */
function writeOutput(file, write, hash) {
    let fd;
    try {
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync(file, 'w');
        return write(new _binary_js__WEBPACK_IMPORTED_MODULE_1__/* .FileWriter */ .S8(fd, hash));
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PreinitError */ .iz || !err.syscall)
            throw err;
        return cannotWrite(err);
    }
    finally {
        if (fd !== undefined)
            node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync(fd);
    }
}
function cannotWrite(err) {
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('IO', `cannot write the output: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .osReason */ .Tk)(err)}`, err);
}
/** With `deterministic`, what would be nondeterminism warnings are errors (reproducible mode fixes those reads). */
function checkDeterministic(warnings, options) {
    if (options.deterministic && !options.reproducible && warnings.length > 0)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('NONDETERMINISTIC', `init is not deterministic: ${warnings.join('; ')}`);
}
function stageTimer() {
    const timings = { parse: 0, instrument: 0, run: 0, snapshot: 0, rewrite: 0 };
    return {
        timings,
        time(stage, f) {
            const start = (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_17__/* .monotonicMs */ .dR)();
            try {
                return f();
            }
            finally {
                timings[stage] = (timings[stage] ?? 0) + (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_17__/* .monotonicMs */ .dR)() - start;
            }
        },
        async timeAsync(stage, f) {
            const start = (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_17__/* .monotonicMs */ .dR)();
            try {
                return await f();
            }
            finally {
                timings[stage] = (timings[stage] ?? 0) + (0,_watchdog_js__WEBPACK_IMPORTED_MODULE_17__/* .monotonicMs */ .dR)() - start;
            }
        },
    };
}


/***/ }),

/***/ 47696:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kM: () => (/* binding */ checkRenames),
/* harmony export */   qf: () => (/* binding */ rewriteTo),
/* harmony export */   v8: () => (/* binding */ rewrite)
/* harmony export */ });
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _assemble_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41198);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67989);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45488);
/**
 * Stage 5, rewrite: emit the initialized module. Memories get their post-init minimums, mutable
 * globals constant initializers, original active data segments become empty passive ones (so
 * every data index stays valid), the snapshot is appended as active segments, the start function
 * is dropped and exports are edited. Every other section is copied byte for byte.
 */




function rewrite(mod, snap, options) {
    return (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .assemble */ .fT)(mod, edits(mod, snap, options));
}
/** As `rewrite`, written to `out` as it is made, the snapshot's data straight from the memories; returns the size. */
function rewriteTo(mod, snap, options, out) {
    return (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .assembleTo */ .Kc)(mod, edits(mod, snap, options), out);
}
function edits(mod, snap, options) {
    const edits = new Map();
    if ((0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .findSection */ .rv)(mod, _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.memory))
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.memory, memorySection(mod, snap));
    if ((0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .findSection */ .rv)(mod, _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.global))
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.global, globalSection(mod, snap));
    edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.start, null);
    edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.data, dataSection(mod, snap));
    if (mod.dataCount !== undefined)
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.dataCount, new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().u32(mod.data.length + snap.segments.count).finish());
    if (options.exports === 'wizer' && (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .findSection */ .rv)(mod, _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.export))
        edits.set(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .SECTION */ .wn.export, exportSection(mod, options));
    return edits;
}
function memorySection(mod, snap) {
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    mod.memories.forEach((m, i) => {
        w.byte(m.flags).u64(snap.memories[i].pages);
        if (m.max !== undefined)
            w.u64(m.max);
        if (m.flags & 8)
            w.u32(m.pageSizeLog2);
    });
    return (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(mod.memories.length, w.finish());
}
function globalSection(mod, snap) {
    const values = new Map(snap.globals.map((g) => [g.index, g.bits]));
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    mod.globals.forEach((g, i) => {
        w.bytes(mod.bytes.subarray(g.typeRange.start, g.typeRange.end));
        const bits = values.get(mod.importedGlobals + i);
        if (bits === undefined)
            w.bytes(mod.bytes.subarray(g.init.start, g.init.end));
        else
            constExpr(w, g.type, bits);
    });
    return (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(mod.globals.length, w.finish());
}
function constExpr(w, type, bits) {
    switch (type) {
        case _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .VAL */ .OQ.i32:
            w.byte(0x41).sleb(BigInt.asIntN(32, bits));
            break;
        case _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .VAL */ .OQ.i64:
            w.byte(0x42).sleb(BigInt.asIntN(64, bits));
            break;
        case _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .VAL */ .OQ.f32:
            w.byte(0x43).bytes(littleEndian(bits, 4));
            break;
        case _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .VAL */ .OQ.f64:
            w.byte(0x44).bytes(littleEndian(bits, 8));
            break;
        case _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .VAL */ .OQ.v128:
            w.byte(0xfd).u32(12).bytes(littleEndian(bits, 16));
            break;
        default: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('UNSUPPORTED', `unsupported global type 0x${type.toString(16)}`);
    }
    w.byte(0x0b);
}
function littleEndian(bits, size) {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++)
        out[i] = Number((bits >> BigInt(8 * i)) & 0xffn);
    return out;
}
/** Streamed: the snapshot's data can be as large as memory, and goes from memory to output once. */
function dataSection(mod, snap) {
    const memory64 = new Map(mod.memories.map((m, i) => [mod.importedMemories + i, m.memory64]));
    const { count, memories } = snap.segments;
    const total = mod.data.length + count;
    let length = (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .u32Size */ .eI)(total);
    for (const seg of mod.data)
        length += seg.passive ? seg.range.end - seg.range.start : 2;
    for (const { memory, start, end, first, last } of memories) {
        // Flags (and a memory index unless 0), offset expression, end, size, data.
        const fixed = (memory === 0 ? 1 : 1 + (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .u32Size */ .eI)(memory)) + 2;
        const wide = memory64.get(memory);
        for (let i = first; i < last; i++) {
            const size = end[i] - start[i];
            // An offset in a 32-bit memory is an i32.const: from 2 GiB up it is negative.
            length += fixed + (wide ? (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .slebSize */ .my)(BigInt(start[i])) : (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .sleb32Size */ .R4)(start[i])) + (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .u32Size */ .eI)(size) + size;
        }
    }
    return {
        length,
        writeTo(w) {
            w.u32(total);
            for (const seg of mod.data) {
                if (seg.passive)
                    w.bytes(mod.bytes.subarray(seg.range.start, seg.range.end));
                else
                    w.u32(1).u32(0);
            }
            for (const { memory, bytes, start, end, first, last } of memories) {
                const wide = memory64.get(memory);
                for (let i = first; i < last; i++) {
                    if (memory === 0)
                        w.byte(0);
                    else
                        w.byte(2).u32(memory);
                    if (wide)
                        w.byte(0x42).sleb(BigInt(start[i]));
                    else
                        w.byte(0x41).sleb32(start[i]);
                    w.byte(0x0b).u32(end[i] - start[i]).range(bytes, start[i], end[i]);
                }
            }
        },
    };
}
function exportSection(mod, options) {
    const renames = checkRenames(options.renames ?? []);
    const dsts = new Set(renames.values());
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    let count = 0;
    for (const e of mod.exports) {
        if (e.name === '_initialize')
            continue;
        if (e.name === options.initFunc && !options.keepInitFunc)
            continue;
        // Overwritten by a rename, unless it is itself renamed away (`-r a=b -r b=a` swaps them).
        if (dsts.has(e.name) && !renames.has(e.name))
            continue;
        const dst = renames.get(e.name);
        w.name(dst ?? e.name).byte(e.kind).u32(e.index);
        count++;
    }
    return (0,_assemble_js__WEBPACK_IMPORTED_MODULE_1__/* .vector */ .i1)(count, w.finish());
}
/** src -> dst; a name used twice as a source or as a destination is an error. */
function checkRenames(renames) {
    const bySrc = new Map();
    const dsts = new Set();
    for (const { dst, src } of renames) {
        if (dsts.has(dst))
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('USAGE', `Duplicated function rename dst ${dst}`);
        if (bySrc.has(src))
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fail */ .fJ)('USAGE', `Duplicated function rename src ${src}`);
        dsts.add(dst);
        bySrc.set(src, dst);
    }
    return bySrc;
}


/***/ }),

/***/ 18229:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KK: () => (/* binding */ checkSecrets)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, looksSecret, looksLikeToken, secretCandidates, findSecrets */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67989);
/**
 * Secret safety: a snapshot is published, so the data init leaves in memory must not carry the
 * value of a secret the build machine holds. Before the output is written, search the snapshot's
 * data segments for the values of environment variables that are secrets: by name (secret-looking
 * names, the runner's own tokens), or, for what the guest was given, by shape (well-known token
 * formats). An ordinary environment (PATH, HOME, RUNNER_*, the run's GITHUB_* facts) is not a
 * secret and may be baked in. Only names are ever reported, never values.
 */

/** Shorter values match by chance too often to mean anything. */
const MIN_SECRET_LENGTH = 6;
/**
 * A name part (split on `_`, `-`, `.`) that marks a secret. Whole parts only: PWD, PASSWD_FILE's
 * neighbours such as KEYBOARD or XAUTHORITY, and SSH_AUTH_SOCK (a path) are not secrets.
 */
const SECRET_PART = /^(TOKENS?|SECRETS?|KEYS?|APIKEY|PASSWORDS?|PASSWD|PASS|PASSPHRASE|CREDENTIALS?|PRIVATE|PAT)$/i;
/** Joined spellings: GITHUBTOKEN, apiKey, dbPassword. */
const SECRET_SUFFIX = /(TOKEN|SECRET|APIKEY|API_?KEY|PASSWORD)$/i;
/** The runner's own secrets, whatever their names look like. */
const RUNNER_SECRETS = new Set([
    'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'GITHUB_TOKEN',
]);
/** Well-known token formats (GitHub, npm, AWS, Slack, Stripe, GitLab, JWTs, PEM private keys). */
const TOKEN_SHAPES = [
    /\bgh[pousr]_[A-Za-z0-9]{36,}/, /\bgithub_pat_[A-Za-z0-9_]{40,}/, /\bnpm_[A-Za-z0-9]{36}\b/, /\b(AKIA|ASIA)[0-9A-Z]{16}\b/,
    /\bxox[abprs]-[A-Za-z0-9-]{10,}/, /\b[sr]k_live_[A-Za-z0-9]{20,}/, /\bglpat-[A-Za-z0-9_-]{20,}/,
    /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];
function looksSecret(name) {
    return RUNNER_SECRETS.has(name) || name.split(/[_.-]/).some((part) => SECRET_PART.test(part)) || SECRET_SUFFIX.test(name);
}
function looksLikeToken(value) {
    return TOKEN_SHAPES.some((shape) => shape.test(value));
}
/** Values to search for, from the host environment and the options. */
function secretCandidates(options, hostEnv = process.env) {
    const found = new Map();
    const add = (name, value, given) => {
        if (value === undefined || Buffer.byteLength(value) < MIN_SECRET_LENGTH)
            return;
        const reason = looksSecret(name) ? 'name' : given && looksLikeToken(value) ? 'shape' : undefined;
        if (reason)
            found.set(`${name}\0${value}`, { name, reason, value });
    };
    // Secret-named host values are searched for even when not inherited: init may read them from a file.
    for (const [name, value] of Object.entries(hostEnv))
        add(name, value, options.inheritEnv === true);
    for (const [name, value] of Object.entries(options.env ?? {}))
        add(name, value, true);
    return [...found.values()];
}
/**
 * Names of the candidates whose value occurs within one of the `data` ranges (as UTF-8 or
 * UTF-16LE). A value the input already contains is not a leak from the environment (a default
 * baked into the program).
 */
function findSecrets(data, candidates, input) {
    if (candidates.length === 0)
        return [];
    const source = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const spaces = data.map((d) => ({ ...d, bytes: Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength) }));
    return candidates.filter((c) => {
        const needles = [Buffer.from(c.value, 'utf8'), Buffer.from(c.value, 'utf16le')];
        return needles.some((n) => !source.includes(n) && spaces.some((space) => withinRanges(space, n)));
    });
}
/** Whether `needle` occurs inside one of the ranges: searched in the whole buffer, hits checked against the ranges. */
function withinRanges(space, needle) {
    const { bytes, start, end, first, last } = space;
    if (first === last)
        return false;
    for (let at = bytes.indexOf(needle, start[first]); at >= 0; at = bytes.indexOf(needle, at + 1)) {
        // The last range starting at or before the hit.
        let lo = first;
        let hi = last - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= at)
                lo = mid;
            else
                hi = mid - 1;
        }
        if (at + needle.length <= end[lo])
            return true;
        // Any later hit inside range lo would run past its end too.
        if (lo + 1 === last)
            return false;
        at = start[lo + 1] - 1;
    }
    return false;
}
/** Fails naming every variable whose secret value the snapshot's data carries, unless allowSecrets. */
function checkSecrets(data, input, options, hostEnv = process.env) {
    if (options.allowSecrets)
        return;
    const hits = findSecrets(data, secretCandidates(options, hostEnv), input);
    if (hits.length === 0)
        return;
    const names = (reason) => [...new Set(hits.filter((h) => h.reason === reason).map((h) => h.name))].sort();
    const parts = [];
    if (names('name').length)
        parts.push(`the secret environment variable(s) ${names('name').join(', ')}`);
    if (names('shape').length)
        parts.push(`the token-shaped value(s) of ${names('shape').join(', ')}`);
    (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .failNaming */ .zB)('SECRET', ['allowSecrets'], `the snapshot's memory contains ${parts.join(' and ')}; refusing to write it (allow it with allowSecrets)`);
}


/***/ }),

/***/ 36706:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O9: () => (/* binding */ captureState),
  Bo: () => (/* binding */ memoryFacts),
  V0: () => (/* binding */ segmentBytes),
  P9: () => (/* binding */ snapshot)
});

// UNUSED EXPORTS: MAX_DATA_SEGMENTS, dataSegments, littleEndianWords

// EXTERNAL MODULE: ./lib/.ncc-stage/engine/errors.js
var errors = __webpack_require__(67989);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/parse.js + 1 modules
var parse = __webpack_require__(45488);
;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/rust-sort.js
/**
 * Rust's `slice::sort_unstable_by_key` (ipnsort, Rust std 1.81 and later; the reference Wizer
 * binary is built with rustc 1.94.0), reimplemented so that records with equal keys end up in
 * exactly the order Rust leaves them. The reference caps data segments by sorting
 * `GapIndex { gap: u32, index: u32 }` by `gap` with this unstable sort and merging the first
 * `excess` gaps; which of several equal gaps get merged therefore depends on the precise sequence
 * of comparisons and moves, and byte-identical output needs the same sequence.
 *
 * The variant reproduced is the one Rust picks for a small `Copy` (and `Freeze`) type of at most
 * 8 bytes, key compared with `<`:
 * - up to 20 elements: insertion sort;
 * - otherwise, if the whole slice is one ascending (non-descending) or strictly descending run:
 *   done (reversed if descending);
 * - otherwise introsort-like quicksort with a limit of 2*floor(log2(len)) imbalanced partitions
 *   (then heapsort), pivot = median of 3 (recursive pseudomedian from 64 elements on), branchless
 *   Lomuto partition with a cyclic permutation, equal-to-ancestor-pivot partitions for many
 *   duplicates, and slices of at most 32 elements handed to the sorting-network small-sort
 *   (networks for 9 and 13 elements, insertion sort on top, bidirectional merge of the halves).
 */
/**
 * Runs Rust's `sort_unstable_by_key` on the pairs `(keys[i], values[i])`, but only as far as
 * deciding which pairs end up in the first `count` places: the caller merges that many gaps and
 * needs nothing else. Every step of the sort permutes one subslice and hands its parts on
 * independently, so a subslice lying wholly before or after place `count` can be left as it is
 * without changing which pairs land where (a quickselect that keeps the sort's every decision).
 * Parallel typed arrays rather than records: the reference's slices run to millions of gaps.
 */
function selectLikeSortUnstable(keys, values, count) {
    new IpnSort(keys, values, count).sort();
}
const MAX_LEN_ALWAYS_INSERTION_SORT = 20;
const SMALL_SORT_THRESHOLD = 32;
const SMALL_SORT_NO_MERGE_BELOW = 18;
const PSEUDO_MEDIAN_REC_THRESHOLD = 64;
// Optimal sorting networks (compare-exchange pairs, in order) for 9 and 13 elements.
// prettier-ignore
const NETWORK_9 = [
    0, 3, 1, 7, 2, 5, 4, 8, 0, 7, 2, 4, 3, 8, 5, 6, 0, 2, 1, 3, 4, 5, 7, 8, 1, 4, 3, 6, 5, 7,
    0, 1, 2, 4, 3, 5, 6, 8, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6,
];
// prettier-ignore
const NETWORK_13 = [
    0, 12, 1, 10, 2, 9, 3, 7, 5, 11, 6, 8, 1, 6, 2, 3, 4, 11, 7, 9, 8, 10, 0, 4, 1, 2, 3, 6, 7, 8,
    9, 10, 11, 12, 4, 6, 5, 9, 8, 11, 10, 12, 0, 5, 3, 8, 4, 7, 6, 11, 9, 10, 0, 1, 2, 5, 6, 9,
    7, 8, 10, 11, 1, 3, 2, 4, 5, 6, 9, 10, 1, 2, 3, 4, 5, 7, 6, 8, 2, 3, 4, 5, 6, 7, 8, 9, 3, 4,
    5, 6,
];
class IpnSort {
    keys;
    values;
    split;
    /** The merge buffer of the small-sort (at most SMALL_SORT_THRESHOLD pairs). */
    scratchKeys;
    scratchValues = new Uint32Array(SMALL_SORT_THRESHOLD);
    constructor(keys, values, 
    /** The place whose two sides matter; see selectLikeSortUnstable. */
    split) {
        this.keys = keys;
        this.values = values;
        this.split = split;
        this.scratchKeys = keys instanceof Uint32Array ? new Uint32Array(SMALL_SORT_THRESHOLD) : new Float64Array(SMALL_SORT_THRESHOLD);
    }
    sort() {
        const k = this.keys;
        const len = k.length;
        if (len < 2)
            return;
        if (len <= MAX_LEN_ALWAYS_INSERTION_SORT) {
            this.insertionSort(0, len, 1);
            return;
        }
        // An existing run covering the whole slice ends the sort at once.
        const descending = k[1] < k[0];
        let run = 2;
        if (descending) {
            while (run < len && k[run] < k[run - 1])
                run++;
        }
        else {
            while (run < len && !(k[run] < k[run - 1]))
                run++;
        }
        if (run === len) {
            if (descending) {
                k.reverse();
                this.values.reverse();
            }
            return;
        }
        const limit = 2 * (31 - Math.clz32(len | 1));
        this.quicksort(0, len, undefined, limit);
    }
    quicksort(base, len, ancestorPivot, limit) {
        const k = this.keys;
        for (;;) {
            if (base >= this.split || base + len <= this.split)
                return;
            if (len <= SMALL_SORT_THRESHOLD) {
                this.smallSortNetwork(base, len);
                return;
            }
            if (limit === 0) {
                this.heapsort(base, len);
                return;
            }
            limit--;
            const pivotPos = this.choosePivot(base, len);
            // A pivot not greater than the ancestor pivot is the slice's minimum: split off everything
            // equal to it and carry on with the rest.
            if (ancestorPivot !== undefined && !(ancestorPivot < k[base + pivotPos])) {
                const numLe = this.partition(base, len, pivotPos, true);
                base += numLe + 1;
                len -= numLe + 1;
                ancestorPivot = undefined;
                continue;
            }
            const numLt = this.partition(base, len, pivotPos, false);
            this.quicksort(base, numLt, ancestorPivot, limit);
            ancestorPivot = k[base + numLt];
            base += numLt + 1;
            len -= numLt + 1;
        }
    }
    /**
     * Pivot to the front, partition the rest (`key < pivot`, or `key <= pivot` to split off
     * elements equal to an ancestor pivot), pivot between the halves; returns its position.
     */
    partition(base, len, pivotPos, orEqual) {
        this.swap(base, base + pivotPos);
        const numLt = this.lomutoCyclic(base + 1, len - 1, this.keys[base], orEqual);
        this.swap(base, base + numLt);
        return numLt;
    }
    /**
     * Branchless Lomuto partition done as one cyclic permutation: the first element is lifted out,
     * leaving a hole (always just behind `right`) that each step fills from the "less" boundary,
     * and it is fed in last.
     */
    lomutoCyclic(base, len, pivot, orEqual) {
        if (len === 0)
            return 0;
        const k = this.keys;
        const x = this.values;
        const end = base + len;
        const liftedKey = k[base];
        const liftedValue = x[base];
        let left = base;
        for (let right = base + 1; right < end; right++) {
            const key = k[right];
            const value = x[right];
            k[right - 1] = k[left];
            x[right - 1] = x[left];
            k[left] = key;
            x[left] = value;
            if (orEqual ? !(pivot < key) : key < pivot)
                left++;
        }
        k[end - 1] = k[left];
        x[end - 1] = x[left];
        k[left] = liftedKey;
        x[left] = liftedValue;
        if (orEqual ? !(pivot < liftedKey) : liftedKey < pivot)
            left++;
        return left - base;
    }
    /** Median of three, or of three recursive pseudomedians for 64 elements and more (offsets). */
    choosePivot(base, len) {
        const lenDiv8 = Math.floor(len / 8);
        const a = base;
        const b = base + lenDiv8 * 4;
        const c = base + lenDiv8 * 7;
        const at = len < PSEUDO_MEDIAN_REC_THRESHOLD ? this.median3(a, b, c) : this.median3Rec(a, b, c, lenDiv8);
        return at - base;
    }
    median3Rec(a, b, c, n) {
        if (n * 8 >= PSEUDO_MEDIAN_REC_THRESHOLD) {
            const n8 = Math.floor(n / 8);
            a = this.median3Rec(a, a + n8 * 4, a + n8 * 7, n8);
            b = this.median3Rec(b, b + n8 * 4, b + n8 * 7, n8);
            c = this.median3Rec(c, c + n8 * 4, c + n8 * 7, n8);
        }
        return this.median3(a, b, c);
    }
    median3(a, b, c) {
        const k = this.keys;
        const x = k[a] < k[b];
        const y = k[a] < k[c];
        if (x !== y)
            return a;
        const z = k[b] < k[c];
        return z !== x ? c : b;
    }
    /** Heapsort fallback: heapify and pop folded into one descending loop. */
    heapsort(base, len) {
        for (let i = len + Math.floor(len / 2) - 1; i >= 0; i--) {
            let node;
            if (i >= len) {
                node = i - len;
            }
            else {
                this.swap(base, base + i);
                node = 0;
            }
            this.siftDown(base, Math.min(i, len), node);
        }
    }
    siftDown(base, len, node) {
        const k = this.keys;
        for (;;) {
            let child = 2 * node + 1;
            if (child >= len)
                return;
            if (child + 1 < len && k[base + child] < k[base + child + 1])
                child++;
            if (!(k[base + node] < k[base + child]))
                return;
            this.swap(base + node, base + child);
            node = child;
        }
    }
    /**
     * Small-sort for small Copy types: below 18 elements one region, else two halves; each region
     * gets a 13- or 9-element network if long enough, then insertion sort; halves are merged.
     */
    smallSortNetwork(base, len) {
        if (len < 2)
            return;
        const half = Math.floor(len / 2);
        if (len < SMALL_SORT_NO_MERGE_BELOW) {
            this.sortRegion(base, len);
            return;
        }
        this.sortRegion(base, half);
        this.sortRegion(base + half, len - half);
        this.bidirectionalMerge(base, len);
    }
    sortRegion(base, len) {
        let presorted = 1;
        if (len >= 13) {
            this.network(base, NETWORK_13);
            presorted = 13;
        }
        else if (len >= 9) {
            this.network(base, NETWORK_9);
            presorted = 9;
        }
        this.insertionSort(base, len, presorted);
    }
    network(base, pairs) {
        const k = this.keys;
        for (let p = 0; p < pairs.length; p += 2) {
            const a = base + pairs[p];
            const b = base + pairs[p + 1];
            if (k[b] < k[a])
                this.swap(a, b);
        }
    }
    /** Insertion sort of `len` elements at `base`, the first `sorted` of them already in order. */
    insertionSort(base, len, sorted) {
        const k = this.keys;
        const x = this.values;
        for (let tail = base + sorted; tail < base + len; tail++) {
            const key = k[tail];
            if (!(key < k[tail - 1]))
                continue;
            const value = x[tail];
            let hole = tail;
            do {
                k[hole] = k[hole - 1];
                x[hole] = x[hole - 1];
                hole--;
            } while (hole > base && key < k[hole - 1]);
            k[hole] = key;
            x[hole] = value;
        }
    }
    /**
     * Merges the sorted halves `[base, base + len/2)` and the rest from both ends at once (front:
     * ties take the left element; back: ties take the right one), through scratch, then copies back.
     */
    bidirectionalMerge(base, len) {
        const k = this.keys;
        const x = this.values;
        const outKeys = this.scratchKeys;
        const outValues = this.scratchValues;
        const half = Math.floor(len / 2);
        let left = base;
        let right = base + half;
        let leftRev = base + half - 1;
        let rightRev = base + len - 1;
        let dst = 0;
        let dstRev = len - 1;
        for (let p = 0; p < half; p++) {
            const front = !(k[right] < k[left]) ? left++ : right++;
            outKeys[dst] = k[front];
            outValues[dst++] = x[front];
            const back = !(k[rightRev] < k[leftRev]) ? rightRev-- : leftRev--;
            outKeys[dstRev] = k[back];
            outValues[dstRev--] = x[back];
        }
        if (len % 2 !== 0) {
            const rest = left <= leftRev ? left : right;
            outKeys[dst] = k[rest];
            outValues[dst] = x[rest];
        }
        k.set(outKeys.subarray(0, len), base);
        x.set(outValues.subarray(0, len), base);
    }
    swap(i, j) {
        const k = this.keys;
        const x = this.values;
        const key = k[i];
        k[i] = k[j];
        k[j] = key;
        const value = x[i];
        x[i] = x[j];
        x[j] = value;
    }
}

;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/snapshot.js
/**
 * Stage 4, snapshot: read every instrumented global (exact bits) and memory, and turn memory into
 * data segments: maximal non-zero runs within each 64 KiB page, neighbours at most 4 bytes apart
 * merged (a new active segment costs at least 4 bytes), then capped at MAX_DATA_SEGMENTS by
 * merging the smallest gaps first.
 */



const MIN_SEGMENT_OVERHEAD = 4;
// Bound once: a global lookup of `Math` inside the scan loop is not optimized in some embedders
// (jest's test environment makes it 100x slower).
const { clz32, min } = Math;
const MAX_DATA_SEGMENTS = 10_000;
/** `imports`: what the instance was given, to name imported functions found in its tables. */
function snapshot(instance, mod, instrumented, imports) {
    const state = captureState(instance, mod, instrumented, imports);
    return { ...state, segments: dataSegments(state.memories) };
}
/** Globals, memories and tables as they are now, without the data segments (what verification compares). */
function captureState(instance, mod, instrumented, imports) {
    const exports = instance.exports;
    const globals = instrumented.globals.map((probe) => {
        const target = exports[probe.exportName];
        const value = probe.viaGetter ? target() : target.value;
        return { index: probe.index, type: probe.type, bits: toBits(probe.type, value) };
    });
    const memories = instrumented.memories.map((probe, i) => {
        const memory = exports[probe.exportName];
        const bytes = new Uint8Array(memory.buffer);
        const pageSize = 2 ** mod.memories[i].pageSizeLog2;
        return { index: probe.index, pages: BigInt(Math.floor(bytes.length / pageSize)), bytes };
    });
    const imported = new Map();
    for (const imp of mod.imports)
        if (imp.kind === parse/* EXTERNAL */.SJ.func)
            imported.set(imports[imp.module]?.[imp.name], imported.size);
    const tables = instrumented.tables.map((probe) => {
        const table = exports[probe.exportName];
        const entries = [];
        for (let i = 0; i < table.length; i++)
            entries.push(tableEntry(table.get(i), imported));
        return { index: probe.index, entries };
    });
    return { globals, memories, tables };
}
/**
 * V8 gives a wasm function's index in its own module as its `name`, and a JS import, once in a
 * table, as a wrapper named by its index here; a wasm function imported from elsewhere is itself.
 */
function tableEntry(value, imported) {
    if (value === null)
        return null;
    if (typeof value !== 'function')
        return typeof value;
    return imported.get(value) ?? Number(value.name);
}
function toBits(type, value) {
    switch (type) {
        case parse/* VAL */.OQ.i32:
        case parse/* VAL */.OQ.f32:
            return BigInt(value >>> 0);
        case parse/* VAL */.OQ.i64:
        case parse/* VAL */.OQ.f64:
            return BigInt.asUintN(64, value);
        case parse/* VAL */.OQ.v128: {
            const [lo, hi] = value;
            return (BigInt.asUintN(64, hi) << 64n) | BigInt.asUintN(64, lo);
        }
        default:
            (0,errors/* fail */.fJ)('UNSUPPORTED', `unsupported global type 0x${type.toString(16)}`);
    }
}
/**
 * Runs as parallel typed arrays grown by doubling: a large memory holds millions of them, and
 * per-run objects or JS arrays cost more in allocation and garbage collection than the scan.
 * Offsets are u32 unless a memory is 4 GiB or more (then float64: its end does not fit), and
 * each memory's runs are one stretch, so a run stores no memory index: 8 bytes a run, not 20.
 */
class Runs {
    Offsets;
    length = 0;
    start;
    end;
    /** Each memory with runs, in order: the index of its first run, and the bytes its runs hold. */
    memories = [];
    constructor(Offsets, capacity = 1024) {
        this.Offsets = Offsets;
        this.start = new Offsets(capacity);
        this.end = new Offsets(capacity);
    }
    /**
     * Sized for the most runs the memories can hold (a run and the gap after it take 5 bytes at
     * least), up to 16 Mi: the pages of the arrays a scan never reaches are never touched, so
     * they cost address space, not memory, and the scan seldom regrows.
     */
    static for(byteLengths) {
        const most = byteLengths.reduce((n, b) => n + Math.ceil(b / (MIN_SEGMENT_OVERHEAD + 1)), 0);
        return new Runs(byteLengths.every((n) => n < 2 ** 32) ? Uint32Array : Float64Array, Math.max(1024, Math.min(most, 2 ** 24)));
    }
    push(memory, start, end) {
        let stretch = this.memories[this.memories.length - 1];
        if (stretch?.memory !== memory) {
            stretch = { memory, first: this.length, bytes: 0 };
            this.memories.push(stretch);
        }
        stretch.bytes += end - start;
        if (this.length === this.start.length)
            this.grow();
        this.start[this.length] = start;
        this.end[this.length] = end;
        this.length++;
    }
    /** A function from a run's index to its memory, for indexes asked in non-decreasing order. */
    memoryWalk() {
        let m = 0;
        return (run) => {
            while (m + 1 < this.memories.length && this.memories[m + 1].first <= run)
                m++;
            return this.memories[m].memory;
        };
    }
    grow() {
        const start = new this.Offsets(this.length * 2);
        start.set(this.start);
        this.start = start;
        const end = new this.Offsets(this.length * 2);
        end.set(this.end);
        this.end = end;
    }
}
/** Non-zero runs of every memory, merged and capped. */
function dataSegments(memories) {
    const runs = Runs.for(memories.map((m) => m.bytes.length));
    for (const m of memories)
        collectRuns(m.index, m.bytes, runs);
    const bytes = new Map(memories.map((m) => [m.index, m.bytes]));
    const kept = capRuns(runs);
    return {
        count: kept.length,
        memories: kept.memories.map(({ memory, first, bytes: dataBytes }, k) => ({
            memory,
            bytes: bytes.get(memory),
            start: kept.start,
            end: kept.end,
            first,
            last: kept.memories[k + 1]?.first ?? kept.length,
            dataBytes,
        })),
    };
}
/** What each memory became; `defs`: the memories as the module defines them. */
function memoryFacts(defs, snap) {
    return snap.memories.map((m, i) => ({
        index: m.index,
        pagesBefore: Number(defs[i].min),
        pagesAfter: Number(m.pages),
        pageSize: 2 ** defs[i].pageSizeLog2,
        dataBytes: segmentBytes(snap.segments, m.index),
    }));
}
/** Bytes of data the segments hold, of one memory or of all. */
function segmentBytes(segments, memory) {
    return segments.memories.reduce((n, m) => (memory === undefined || m.memory === memory ? n + m.dataBytes : n), 0);
}
/**
 * Appends the non-zero runs of one memory, each merged with the previous one when the gap is at
 * most 4 bytes. The reference splits runs at 64 KiB boundaries, but a run cut there is merged
 * back at once (gap 0), so the boundaries can be ignored; and since the scan is in the
 * reference's (memory, offset) order, merging as we go is the same as merging afterwards.
 * Read a little-endian word at a time: a non-zero word's first and last non-zero bytes come from
 * its trailing and leading zero bits, and zeros inside one word are never a gap of 5. Whole zero
 * blocks (most of a memory, often) are passed over by one native compare each.
 */
function collectRuns(memory, bytes, runs) {
    const words = littleEndianWords(bytes);
    const buffer = Buffer.from(words.buffer, words.byteOffset, words.byteLength);
    let start = 0;
    let end = -MIN_SEGMENT_OVERHEAD - 1;
    for (let block = 0; block < words.length; block += ZERO_BLOCK_WORDS) {
        const stop = min(block + ZERO_BLOCK_WORDS, words.length);
        // A block with a non-zero end word has data: the compare (several calls deep) is for zero blocks.
        const whole = stop - block === ZERO_BLOCK_WORDS && words[block] === 0 && words[stop - 1] === 0;
        if (whole && buffer.compare(ZERO_BLOCK, 0, ZERO_BLOCK.length, block * 4, stop * 4) === 0)
            continue;
        for (let i = block; i < stop; i++) {
            const word = words[i];
            if (word === 0)
                continue;
            const at = i * 4;
            const first = at + ((31 - clz32(word & -word)) >>> 3);
            if (first - end > MIN_SEGMENT_OVERHEAD) {
                if (end >= 0)
                    runs.push(memory, start, end);
                start = first;
            }
            end = at + 4 - (clz32(word) >>> 3);
        }
    }
    if (end >= 0)
        runs.push(memory, start, end);
}
const ZERO_BLOCK_WORDS = 256;
const ZERO_BLOCK = Buffer.alloc(ZERO_BLOCK_WORDS * 4);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * The bytes as little-endian u32 words, the last one zero-padded: a view (faster to read than a
 * DataView) when the platform is little-endian and the bytes are whole aligned words, as a
 * memory's are unless its custom page size is under 4 bytes; else a copy.
 */
function littleEndianWords(bytes) {
    if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0 && bytes.length % 4 === 0)
        return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
    padded.set(bytes);
    const view = new DataView(padded.buffer);
    return Uint32Array.from({ length: padded.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}
/** Merges the smallest same-memory gaps until MAX_DATA_SEGMENTS runs remain. */
function capRuns(runs) {
    const n = runs.length;
    if (n <= MAX_DATA_SEGMENTS)
        return runs;
    // Gaps have the offsets' type: u32 unless a memory is 4 GiB or more (fresh pages are costly).
    const gaps = new runs.Offsets(n - 1);
    const after = new Uint32Array(n - 1);
    // The runs a segment ends with: the last of each memory, and those before a gap left unmerged.
    const lasts = [];
    let count = 0;
    runs.memories.forEach(({ first }, m) => {
        const end = runs.memories[m + 1]?.first ?? n;
        for (let i = first; i + 1 < end; i++) {
            gaps[count] = runs.start[i + 1] - runs.end[i];
            after[count] = i;
            count++;
        }
        lasts.push(end - 1);
    });
    // Rust's unstable sort, as the reference uses: which of several equal gaps get merged depends on it.
    const merged = Math.min(n - MAX_DATA_SEGMENTS, count);
    selectLikeSortUnstable(gaps.subarray(0, count), after.subarray(0, count), merged);
    for (let k = merged; k < count; k++)
        lasts.push(after[k]);
    lasts.sort((a, b) => a - b);
    const out = new Runs(runs.Offsets);
    const memoryOfFirst = runs.memoryWalk();
    let first = 0;
    for (const last of lasts) {
        out.push(memoryOfFirst(first), runs.start[first], runs.end[last]);
        first = last + 1;
    }
    return out;
}


/***/ }),

/***/ 60255:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ verifyFile),
/* harmony export */   Sm: () => (/* binding */ verifyModule),
/* harmony export */   Y0: () => (/* binding */ digestState)
/* harmony export */ });
/* unused harmony export firstDifference */
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67989);
/* harmony import */ var _gc_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11600);
/* harmony import */ var _instrument_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10291);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6430);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(45488);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94849);
/* harmony import */ var _sha256_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(49985);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(36706);
/**
 * Verification: instantiate the output as a user would (imports trap, the start section is
 * gone) and check that it starts in exactly the state init left: every defined memory byte for
 * byte, every mutable global bit for bit, and every defined table entry by entry (the output
 * carries no table state, so a table init changed without a refused instruction is caught here). The output is read with the same parse, instrument
 * and capture code that took the snapshot, so both sides are read the same way.
 *
 * Lean verification (`digestState` + `verifyFile`) is for outputs written to disk: the state is
 * kept as a SHA-256 per 64 KiB block instead of a second copy of every memory, and the file is
 * read once, straight into its instrumented copy, which is freed once compiled.
 */









const BLOCK = 65536;
const DIGEST = 32;
async function verifyModule(output, expected, options = {}) {
    const load = async () => {
        const dataAt = await dataSectionStart(output.length, async (at, length) => output.subarray(at, at + length));
        return instrumentHead(output.subarray(0, dataAt), output.length - dataAt, async (into, offset) => into.set(output.subarray(dataAt), offset), {}, options);
    };
    return check(load, expected, options, async () => { });
}
/** The import the output's memory becomes when it is instantiated into `Scratch.memory`. */
const INTO = { module: '__preinit_verify', name: 'memory' };
/** Verifies the output in `file`, holding one copy of it at a time (see above). */
async function verifyFile(file, expected, scratch = {}) {
    return check(() => instrumentFile(file, scratch), expected, {}, _gc_js__WEBPACK_IMPORTED_MODULE_2__/* .collectGarbage */ .i);
}
/** The state with every memory reduced to block digests, for `verifyFile`. */
function digestState(state) {
    return { globals: state.globals, tables: state.tables, memories: state.memories.map((m) => ({ index: m.index, pages: m.pages, blockDigests: blockDigests(m.bytes) })) };
}
/**
 * Only what comes before the data section is parsed and instrumented: instrumentation never
 * changes the data section or what follows it, so that tail is put (`putTail`) straight behind
 * the instrumented sections; for a file, read into place, one copy instead of two (the read and
 * the copy). Not validated by the parse: compiling the instrumented copy validates it.
 */
async function instrumentHead(head, tailLength, putTail, scratch, options) {
    const parsed = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseModule */ .Y$)(head, { allowImportedState: options.allowImportedState, scanCode: false, validate: false });
    const into = scratch.memory && parsed.memories.length === 1 && parsed.importedMemories === 0 && !parsed.imports.some((i) => i.module === INTO.module) ? scratch.memory : undefined;
    const instrumented = (0,_instrument_js__WEBPACK_IMPORTED_MODULE_3__/* .instrument */ .wV)(parsed, into ? { memoryImport: INTO } : {});
    const size = instrumented.bytes.length + tailLength;
    const spare = scratch.bytes;
    scratch.bytes = undefined;
    scratch.memory = undefined;
    const bytes = spare && spare.length >= size ? spare.subarray(0, size) : new Uint8Array(size);
    bytes.set(instrumented.bytes);
    await putTail(bytes, instrumented.bytes.length);
    return {
        instrumented: { ...instrumented, bytes },
        mod: { memories: parsed.memories, exports: parsed.exports, importedMemories: parsed.importedMemories, imports: parsed.imports },
        into,
    };
}
async function instrumentFile(file, scratch) {
    const input = await (0,_io_js__WEBPACK_IMPORTED_MODULE_4__/* .openInput */ .lt)(file);
    try {
        const header = new Uint8Array(6);
        const dataAt = await dataSectionStart(input.size, async (at, length) => {
            await input.read(header, 0, length, at);
            return header.subarray(0, length);
        });
        const head = new Uint8Array(dataAt);
        await input.read(head, 0, dataAt, 0);
        return await instrumentHead(head, input.size - dataAt, (into, offset) => input.read(into, offset, input.size - dataAt, dataAt), scratch, {});
    }
    finally {
        await input.close();
    }
}
/**
 * Where the data section starts (`size` when there is none), from the section headers alone:
 * `header(at, length)` gives `length` bytes at `at`, at most 6 (an id and a u32 LEB).
 */
async function dataSectionStart(size, header) {
    for (let at = 8; at < size;) {
        const r = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(await header(at, Math.min(6, size - at)));
        if (r.u8() === _parse_js__WEBPACK_IMPORTED_MODULE_5__/* .SECTION */ .wn.data)
            return at;
        const payload = r.u32();
        at += r.pos + payload;
    }
    return size;
}
/** `release` runs whenever the previous large buffer became garbage. */
async function check(load, expected, options, release) {
    const prefix = `verification failed${options.label ? ` (${options.label})` : ''}`;
    let actual;
    let mod;
    try {
        let loaded = await load();
        mod = loaded.mod;
        const { globals, memories, tables } = loaded.instrumented;
        const compiled = new WebAssembly.Module((0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .bufferSource */ .kq)(loaded.instrumented.bytes));
        const into = loaded.into;
        loaded = undefined;
        await release();
        const imports = options.imports ?? (await (0,_run_js__WEBPACK_IMPORTED_MODULE_6__/* .linkImports */ .jZ)(compiled, {}, undefined));
        if (into) {
            new Uint8Array(into.buffer).fill(0); // the file was read into it
            imports[INTO.module] = { [INTO.name]: into };
        }
        const instance = new WebAssembly.Instance(compiled, imports); // the output has no start function
        actual = (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_8__/* .captureState */ .O9)(instance, mod, { globals, memories, tables }, imports);
        // Its size is init's: what the output declares is what a fresh instance would start with.
        if (into)
            actual.memories[0].pages = mod.memories[0].min;
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreinitError */ .iz && err.code === 'IO')
            throw err;
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: the output cannot be instantiated: ${err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PreinitError */ .iz ? err.message : (0,_run_js__WEBPACK_IMPORTED_MODULE_6__/* .trapMessage */ .Je)(err)}`, err);
    }
    const targets = options.renumberedFrom ? renumbering(options.renumberedFrom, mod) : undefined;
    const globals = new Map(actual.globals.map((g) => [g.index, g]));
    for (const g of expected.globals) {
        const target = targets ? targets.globals.get(g.index) : g.index;
        if (target === undefined)
            continue;
        const a = globals.get(target);
        if (!a)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: global ${g.index} is not a mutable global of the output`);
        if (a.bits !== g.bits)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: global ${g.index} differs from its value after init`);
    }
    // An optimizer renumbers functions and may drop or shrink tables: then they are not comparable.
    const tables = new Map(actual.tables.map((t) => [t.index, t]));
    for (const t of targets ? [] : expected.tables ?? []) {
        const a = tables.get(t.index);
        if (!a)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: table ${t.index} is missing from the output`);
        if (a.entries.length !== t.entries.length)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: table ${t.index} has ${a.entries.length} entries, ${t.entries.length} after init (tables are not snapshotted)`);
        const at = t.entries.findIndex((e, i) => e !== a.entries[i]);
        if (at >= 0)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: table ${t.index} entry ${at} differs from its state after init (tables are not snapshotted)`);
    }
    const memories = new Map(actual.memories.map((m) => [m.index, m]));
    for (const m of expected.memories) {
        const target = targets ? targets.memories.get(m.index) : m.index;
        if (target === undefined)
            continue;
        const a = memories.get(target);
        if (!a)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: memory ${m.index} is missing from the output`);
        if (a.pages !== m.pages)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: memory ${m.index} has ${a.pages} pages, ${m.pages} after init`);
        if ('bytes' in m) {
            const offset = firstDifference(m.bytes, a.bytes);
            if (offset >= 0)
                (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: memory ${m.index} differs from its state after init at offset ${offset} (0x${offset.toString(16)})`);
        }
        else {
            const block = firstDifferentBlock(m.blockDigests, a.bytes);
            if (block >= 0)
                (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('VERIFY', `${prefix}: memory ${m.index} differs from its state after init in the 64 KiB block at offset ${block * BLOCK} (0x${(block * BLOCK).toString(16)})`);
        }
    }
}
function blockDigest(bytes, block) {
    const view = bytes.subarray(block * BLOCK, (block + 1) * BLOCK);
    // A whole zero block (much of a memory, often): a native compare, many times faster than hashing.
    if (view.length === BLOCK && Buffer.from(view.buffer, view.byteOffset, BLOCK).equals((zeros.block ??= Buffer.alloc(BLOCK)))) {
        return (zeros.digest ??= (0,_sha256_js__WEBPACK_IMPORTED_MODULE_7__/* .sha256 */ .s)().update(zeros.block).digest());
    }
    return (0,_sha256_js__WEBPACK_IMPORTED_MODULE_7__/* .sha256 */ .s)().update(view).digest();
}
/** A zero block and its digest, made at the first digest (a small run digests nothing). */
const zeros = {};
function blockDigests(bytes) {
    const blocks = Math.ceil(bytes.length / BLOCK);
    const out = new Uint8Array(blocks * DIGEST);
    for (let b = 0; b < blocks; b++)
        out.set(blockDigest(bytes, b), b * DIGEST);
    return out;
}
/** Index of the first block whose digest differs, -1 when all match. */
function firstDifferentBlock(digests, bytes) {
    const blocks = digests.length / DIGEST;
    for (let b = 0; b < blocks; b++) {
        if (!blockDigest(bytes, b).equals(digests.subarray(b * DIGEST, (b + 1) * DIGEST)))
            return b;
    }
    return -1;
}
/** Offset of the first differing byte, -1 when equal. */
function firstDifference(a, b) {
    const x = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const y = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    if (x.length === y.length && x.equals(y))
        return -1;
    const n = Math.min(x.length, y.length);
    // Narrow down by halves with the native compare, then finish byte by byte.
    let lo = 0;
    let hi = n;
    while (hi - lo > 64) {
        const mid = (lo + hi) >>> 1;
        if (x.subarray(lo, mid).equals(y.subarray(lo, mid)))
            lo = mid;
        else
            hi = mid;
    }
    for (let i = lo; i < hi; i++)
        if (x[i] !== y[i])
            return i;
    return n;
}
/**
 * Where the optimizer put what it kept (index before -> index after): globals exported under the
 * same name in both modules; memories by index when it kept them all, else the exported ones.
 */
function renumbering(before, after) {
    const byName = (kind) => {
        const afterIndex = new Map(after.exports.filter((e) => e.kind === kind).map((e) => [e.name, e.index]));
        const map = new Map();
        for (const e of before.exports) {
            const target = e.kind === kind ? afterIndex.get(e.name) : undefined;
            if (target !== undefined)
                map.set(e.index, target);
        }
        return map;
    };
    const keptAll = before.memories.length === after.memories.length && before.importedMemories === after.importedMemories;
    const total = before.importedMemories + before.memories.length;
    return {
        globals: byName(_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .EXTERNAL */ .SJ.global),
        memories: keptAll ? new Map(Array.from({ length: total }, (_, i) => [i, i])) : byName(_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .EXTERNAL */ .SJ.memory),
    };
}


/***/ }),

/***/ 25759:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ nondeterminismWarnings)
/* harmony export */ });
/** What a snapshot bakes in that the user should know about. */
const NONDETERMINISTIC = {
    random_get: 'init read random bytes (random_get): every instance of the snapshot starts with the same "random" state',
    clock_time_get: 'init read a clock (clock_time_get): the snapshot carries that build-time timestamp',
};
function nondeterminismWarnings(wasiCalls) {
    return Object.keys(NONDETERMINISTIC)
        .filter((name) => wasiCalls[name])
        .map((name) => NONDETERMINISTIC[name]);
}


/***/ })

};
