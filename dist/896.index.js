export const id = 896;
export const ids = [896];
export const modules = {

/***/ 73896:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   measureComponentStartup: () => (/* binding */ measureComponentStartup)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67989);
/* harmony import */ var _measure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2128);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31857);
/* harmony import */ var _init_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10580);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1919);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45785);
/* harmony import */ var _wasi_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79036);
/**
 * Startup measurement for components, the counterpart of the core engine's `measureStartup`
 * (same result shape): each side is transpiled once (untimed); an iteration compiles every core
 * module (cold: from bytes made unique by a custom section, so V8 cannot share code between
 * iterations; cached: compiled once), instantiates through jco's glue, and for the input calls
 * the init function. WASI follows the same allow rules as pre-initialization, with quiet stdio.
 */







async function measureComponentStartup(input, output, options = {}, measure = {}) {
    const call = (0,_init_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInitCall */ .kY)(options.initFunc ?? _types_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_INIT_FUNC */ .sn);
    const quiet = { ...options, inheritStdio: false };
    const sides = await Promise.all([input, output].map(async (bytes, k) => {
        const transpiled = await (0,_run_js__WEBPACK_IMPORTED_MODULE_4__/* .transpileComponent */ ._K)((0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseComponent */ .bq)(bytes), call.iface);
        if (k === 0)
            (0,_init_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveInit */ .d_)(call, (0,_init_js__WEBPACK_IMPORTED_MODULE_2__/* .exportShape */ .kN)(transpiled.exports, transpiled.declarations), transpiled.declarations);
        const names = Object.keys(transpiled.files).filter((n) => n.endsWith('.wasm'));
        const compiled = new Map(names.map((n) => [n, new WebAssembly.Module(transpiled.files[n])]));
        const init = k === 0 ? call : undefined;
        return (cold, serial) => startOnce(transpiled, names, cold ? undefined : compiled, serial, init, quiet);
    }));
    const [m] = await (0,_measure_js__WEBPACK_IMPORTED_MODULE_1__/* .measureSides */ .ZI)(sides, measure, `V8 ${process.versions.v8} (Node ${process.versions.node}), jco glue`);
    return m;
}
async function startOnce(transpiled, names, compiled, serial, call, options) {
    const { imports, tracker } = await (0,_wasi_js__WEBPACK_IMPORTED_MODULE_5__/* .createWasiImports */ .Zu)(options);
    const linked = (0,_run_js__WEBPACK_IMPORTED_MODULE_4__/* .withStubs */ .C1)(imports, tracker);
    const t0 = performance.now();
    const modules = compiled ?? new Map(names.map((n) => [n, new WebAssembly.Module((0,_measure_js__WEBPACK_IMPORTED_MODULE_1__/* .uniqueCopy */ .Tw)(transpiled.files[n], serial))]));
    const t1 = compiled ? t0 : performance.now();
    let t2 = t1;
    let t3 = t1;
    try {
        const exports = await transpiled.instantiate((name) => modules.get(name), linked, (m, i) => WebAssembly.instantiate(m, i ?? {}));
        t2 = performance.now();
        if (call) {
            tracker.phase = 'init';
            const init = (0,_init_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveInit */ .d_)(call, exports, transpiled.declarations);
            await init.fn(...(call.args ?? []).map((a, i) => (0,_init_js__WEBPACK_IMPORTED_MODULE_2__/* .toJs */ .Vt)(a, init.params[i]?.type ?? '')));
            t3 = performance.now();
        }
        else {
            t3 = t2;
        }
    }
    catch (err) {
        const shown = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreinitError */ .iz ? err.message : tracker.refused?.message ?? String(err);
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('MEASURE', `startup measurement: ${shown}`, err);
    }
    return { compile: t1 - t0, instantiate: t2 - t1, init: t3 - t2 };
}


/***/ })

};
