export const id = 397;
export const ids = [397];
export const modules = {

/***/ 50397:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   optimize: () => (/* binding */ optimize)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67989);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45488);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31857);
/**
 * Optional Binaryen pass over a snapshot, as the Wizer README recommends doing by hand with
 * wasm-opt: with the init export and the start function gone, code only init used is dead and
 * the optimizer removes it. Binaryen (~13 MB of JS) is loaded only when asked for. The output has
 * no start function and the optimizer never evaluates code (wasm-ctor-eval is a separate tool),
 * so the memory image stays the one init left; exports are checked to be unchanged, and the
 * caller verifies the result again.
 */



/** optimizeLevel and shrinkLevel as wasm-opt sets them for each flag. */
const LEVELS = {
    O: [2, 1], O1: [1, 0], O2: [2, 0], O3: [3, 0], O4: [4, 0], Os: [2, 1], Oz: [2, 2],
};
async function optimize(bytes, level) {
    if (!(0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isOptimizeLevel */ .kh)(level))
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('USAGE', `unknown optimization level \`${String(level)}\` (expected one of ${Object.keys(LEVELS).join(', ')})`);
    const { default: binaryen } = await import(/* webpackIgnore: true */ './binaryen.js');
    const exportsBefore = exportList(bytes);
    const mod = readWithFewestFeatures(binaryen, bytes);
    try {
        binaryen.setOptimizeLevel(LEVELS[level][0]);
        binaryen.setShrinkLevel(LEVELS[level][1]);
        // The defaults that let the optimizer assume nothing about the host.
        binaryen.setTrapsNeverHappen(false);
        binaryen.setLowMemoryUnused(false);
        binaryen.setClosedWorld(false);
        mod.optimize();
        const out = mod.emitBinary();
        if (exportList(out).join('\n') !== exportsBefore.join('\n'))
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('INTERNAL', 'internal error: the optimizer changed the exports');
        return out;
    }
    finally {
        mod.dispose();
    }
}
/**
 * Binaryen uses whatever features it is allowed: given GC it rewrote a plain C/Rust module with
 * typed references, which Node 20 cannot compile. So it gets the features every current engine
 * has (LLVM's defaults) plus only the proposals the input needs, found by dropping each one
 * that the module still validates without.
 */
function readWithFewestFeatures(binaryen, bytes) {
    const F = binaryen.Features;
    const baseline = F.MutableGlobals | F.SignExt | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt | F.Multivalue | F.ReferenceTypes | F.CallIndirectOverlong;
    const proposals = [F.SIMD128, F.RelaxedSIMD, F.TailCall, F.ExceptionHandling, F.ExtendedConst, F.Atomics, F.Memory64, F.MultiMemory, F.CustomPageSizes, F.GC];
    const simple = tryRead(binaryen, bytes, baseline);
    if (simple)
        return simple;
    let features = proposals.reduce((all, f) => all | f, baseline);
    for (const f of proposals) {
        const without = tryRead(binaryen, bytes, features & ~f);
        if (without) {
            without.dispose();
            features &= ~f;
        }
    }
    const mod = tryRead(binaryen, bytes, features);
    if (!mod)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('UNSUPPORTED', 'the optimizer cannot read the snapshot (it uses a feature Binaryen does not support here)');
    return mod;
}
/** The module read with `features`, or undefined when it does not validate with them. */
function tryRead(binaryen, bytes, features) {
    let mod;
    try {
        mod = binaryen.readBinaryWithFeatures(bytes, features);
    }
    catch {
        return undefined;
    }
    if (quietly(() => mod.validate()))
        return mod;
    mod.dispose();
    return undefined;
}
/** Binaryen's validator prints every error to stderr; a failed trial is not the user's business. */
function quietly(f) {
    const write = process.stderr.write;
    process.stderr.write = () => true;
    try {
        return f();
    }
    finally {
        process.stderr.write = write;
    }
}
/** `kind name` for every export, sorted (indexes may change, names and kinds may not). */
function exportList(bytes) {
    return (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModule */ .Y$)(bytes, { allowImportedState: true }).exports.map((e) => `${e.kind} ${e.name}`).sort();
}


/***/ })

};
