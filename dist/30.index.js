export const id = 30;
export const ids = [30];
export const modules = {

/***/ 10580:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vt: () => (/* binding */ toJs),
/* harmony export */   d_: () => (/* binding */ resolveInit),
/* harmony export */   kN: () => (/* binding */ exportShape),
/* harmony export */   kY: () => (/* binding */ parseInitCall),
/* harmony export */   x6: () => (/* binding */ jsName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67989);
/**
 * The init function of a component: its name (`wizer-initialize`, a top-level function, or an
 * interface function `ns:pkg/iface.func@1.2.3`, also written `ns:pkg/iface@1.2.3#func`), an
 * optional WAVE-style call with arguments (`init("x", 3)`), resolution through the exports of the
 * instantiated component, and a signature check against the TypeScript declarations jco emits.
 */

/** Split `name` or `name(args)` and resolve the interface form. */
function parseInitCall(text) {
    const source = text.trim();
    let name = source;
    let args;
    const paren = source.indexOf('(');
    if (paren >= 0) {
        if (!source.endsWith(')'))
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('USAGE', `invalid init function call \`${text}\`: expected \`name(arguments)\``);
        name = source.slice(0, paren).trim();
        args = new WaveParser(source.slice(paren + 1, -1), text).list();
    }
    if (!name)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('USAGE', `invalid init function name \`${text}\``);
    let iface;
    let func = name;
    const hash = name.indexOf('#');
    if (hash >= 0) {
        iface = name.slice(0, hash);
        func = name.slice(hash + 1);
    }
    else if (name.includes('/')) {
        // ns:pkg/iface.func@1.2.3
        const at = name.indexOf('@', name.indexOf('/'));
        const base = at >= 0 ? name.slice(0, at) : name;
        const version = at >= 0 ? name.slice(at) : '';
        const dot = base.lastIndexOf('.');
        if (dot > base.indexOf('/')) {
            iface = base.slice(0, dot) + version;
            func = base.slice(dot + 1);
        }
    }
    return { name, iface, func, args };
}
/** jco's JavaScript name for a WIT identifier: lower camel case. */
function jsName(wit) {
    return wit
        .split('-')
        .map((part, i) => (i === 0 ? part.toLowerCase() : part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()))
        .join('');
}
/**
 * Find the init function in the component's exports and check its signature.
 * `declarations` are the `.d.ts` files of the same transpile.
 */
function resolveInit(call, exports, declarations) {
    const missing = () => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('INIT_FUNC', `the component does not have a \`${call.name}\` export`);
    let holder = exports;
    let sig;
    const member = jsName(call.func);
    if (call.iface !== undefined) {
        const inst = exports[call.iface];
        if (!inst || typeof inst !== 'object')
            missing();
        holder = inst;
        if (!(member in holder))
            missing();
        sig = interfaceSignature(call.iface, member, declarations);
    }
    else if (call.name.includes(':')) {
        // A whole interface named as the init function.
        if (call.name in exports)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('INIT_FUNC', `the component's \`${call.name}\` export is not a function`);
        missing();
    }
    else {
        if (!(member in holder))
            missing();
        sig = rootSignature(member, declarations);
    }
    const fn = holder[member];
    if (typeof fn !== 'function')
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('INIT_FUNC', `the component's \`${call.name}\` export is not a function`);
    const params = sig ? splitParams(sig.params) : [];
    const result = sig ? sig.result.trim() : 'void';
    const wanted = call.args?.length ?? 0;
    if (call.args === undefined && (params.length !== 0 || result !== 'void')) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('INIT_FUNC', `the component's \`${call.name}\` export does not have type \`func()\``);
    }
    if (call.args !== undefined && params.length !== wanted) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('INIT_FUNC', `the component's \`${call.name}\` export takes ${params.length} argument(s), but the call gives ${wanted}`);
    }
    return { fn: fn, params, result };
}
/**
 * A stand-in for the exports object, built from what the transpile lists and declares, so the
 * init function can be checked before anything runs. An interface without declarations accepts
 * any member (the check after instantiation decides).
 */
function exportShape(list, declarations) {
    const placeholder = () => undefined;
    const shape = {};
    for (const [name, kind] of list) {
        if (kind === 'function') {
            shape[name] = placeholder;
            continue;
        }
        const file = Object.values(declarations).find((text) => text.startsWith(`/** @module Interface ${name} **/`));
        if (!file) {
            shape[name] = new Proxy({}, { has: () => true, get: () => placeholder });
            continue;
        }
        const members = {};
        for (const m of file.matchAll(/^export function (\w+)\(/gm))
            members[m[1]] = placeholder;
        // Reserved words: `export { _delete as delete };`
        for (const m of file.matchAll(/^export \{ (\w+) as (\w+) \};/gm))
            members[m[2]] = placeholder;
        shape[name] = members;
    }
    return shape;
}
function rootSignature(member, declarations) {
    const root = declarations['component.d.ts'];
    if (!root)
        return undefined;
    const body = /export interface Root \{([\s\S]*?)\n\}/.exec(root)?.[1] ?? '';
    // Reserved words come quoted: `'delete'(): void,`
    // One member per line; its result may hold commas (`[number, string]`), the line ends with one.
    const re = new RegExp(`^\\s*'?${escape(member)}'?\\(([^\\n]*?)\\):\\s*(.*?),?$`, 'm');
    const m = re.exec(body);
    return m ? { params: m[1], result: m[2] } : undefined;
}
function interfaceSignature(iface, member, declarations) {
    const file = Object.entries(declarations).find(([name, text]) => name.startsWith('interfaces/') && text.startsWith(`/** @module Interface ${iface} **/`));
    if (!file)
        return undefined;
    // A reserved word is declared under another name and exported as itself.
    const alias = new RegExp(`^export \\{ (\\w+) as ${escape(member)} \\};`, 'm').exec(file[1])?.[1];
    const re = new RegExp(`^(?:export )?function ${escape(alias ?? member)}\\(([\\s\\S]*?)\\):\\s*([^;\\n]*);`, 'm');
    const m = re.exec(file[1]);
    return m ? { params: m[1], result: m[2] } : undefined;
}
function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function splitParams(text) {
    const out = [];
    let depth = 0;
    let current = '';
    for (const ch of text) {
        if ('<([{'.includes(ch))
            depth++;
        if ('>)]}'.includes(ch))
            depth--;
        if (ch === ',' && depth === 0) {
            if (current.trim())
                out.push(param(current));
            current = '';
        }
        else {
            current += ch;
        }
    }
    if (current.trim())
        out.push(param(current));
    return out;
}
function param(text) {
    const colon = text.indexOf(':');
    return { name: text.slice(0, colon).trim(), type: text.slice(colon + 1).trim() };
}
/** Convert WAVE arguments to the JavaScript values jco's glue expects. */
function toJs(value, type) {
    const t = type.trim();
    switch (value.kind) {
        case 'string':
        case 'char': return value.value;
        case 'bool': return value.value;
        case 'number': {
            if (t === 'bigint') {
                if (!/^-?\d+$/.test(value.text))
                    (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('USAGE', `invalid init argument \`${value.text}\`: expected an integer`);
                return BigInt(value.text);
            }
            if (value.text === 'nan')
                return NaN;
            if (value.text === 'inf')
                return Infinity;
            if (value.text === '-inf')
                return -Infinity;
            return Number(value.text);
        }
        case 'list': {
            const typed = /^(Uint8|Int8|Uint16|Int16|Uint32|Int32|Float32|Float64|BigInt64|BigUint64)Array$/.exec(t);
            if (typed) {
                const big = typed[1].startsWith('Big');
                const items = value.items.map((v) => toJs(v, big ? 'bigint' : 'number'));
                const ctor = globalThis[t];
                return new ctor(items);
            }
            const inner = /^Array<(.*)>$/.exec(t)?.[1] ?? /^(.*)\[\]$/.exec(t)?.[1] ?? '';
            return value.items.map((v) => toJs(v, inner));
        }
        case 'tuple': {
            const inner = /^\[(.*)\]$/.exec(t)?.[1];
            const types = inner ? splitParams(inner.split(',').map((x, i) => `_${i}: ${x}`).join(',')).map((p) => p.type) : [];
            return value.items.map((v, i) => toJs(v, types[i] ?? ''));
        }
        case 'record': {
            const out = {};
            for (const [k, v] of value.fields)
                out[jsName(k)] = toJs(v, '');
            return out;
        }
        case 'flags': {
            const out = {};
            for (const n of value.names)
                out[jsName(n)] = true;
            return out;
        }
        case 'case': {
            const inner = t.endsWith('| undefined') ? t.slice(0, -'| undefined'.length) : '';
            if (value.name === 'none' && !value.payload)
                return undefined;
            if (value.name === 'some' && value.payload)
                return toJs(value.payload, inner);
            if (value.payload === undefined && value.name !== 'ok' && value.name !== 'err')
                return value.name; // enum case
            return { tag: value.name, val: value.payload === undefined ? undefined : toJs(value.payload, '') };
        }
    }
}
class WaveParser {
    s;
    whole;
    pos = 0;
    constructor(s, whole) {
        this.s = s;
        this.whole = whole;
    }
    error(what) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)('USAGE', `invalid init function call \`${this.whole}\`: ${what}`);
    }
    ws() {
        while (this.pos < this.s.length && /\s/.test(this.s[this.pos]))
            this.pos++;
    }
    eat(ch) {
        this.ws();
        if (this.s[this.pos] === ch) {
            this.pos++;
            return true;
        }
        return false;
    }
    /** A comma-separated list up to the end of input. */
    list() {
        const items = this.items('');
        this.ws();
        if (this.pos !== this.s.length)
            this.error(`unexpected \`${this.s.slice(this.pos, this.pos + 10)}\``);
        return items;
    }
    items(close) {
        const out = [];
        this.ws();
        if (close ? this.s[this.pos] === close : this.pos >= this.s.length)
            return out;
        for (;;) {
            out.push(this.value());
            if (!this.eat(','))
                break;
            this.ws();
            if (close ? this.s[this.pos] === close : this.pos >= this.s.length)
                break; // trailing comma
        }
        return out;
    }
    value() {
        this.ws();
        const c = this.s[this.pos];
        if (c === '"')
            return { kind: 'string', value: this.quoted('"') };
        if (c === "'")
            return { kind: 'char', value: this.quoted("'") };
        if (c === '[') {
            this.pos++;
            const items = this.items(']');
            if (!this.eat(']'))
                this.error('expected `]`');
            return { kind: 'list', items };
        }
        if (c === '(') {
            this.pos++;
            const items = this.items(')');
            if (!this.eat(')'))
                this.error('expected `)`');
            return { kind: 'tuple', items };
        }
        if (c === '{')
            return this.braces();
        const num = /^-?(?:inf|nan|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(this.s.slice(this.pos));
        if (num && (c === '-' || /\d/.test(c) || num[0] === 'inf' || num[0] === 'nan') && !/[\w-]/.test(this.s[this.pos + num[0].length] ?? '')) {
            this.pos += num[0].length;
            return { kind: 'number', text: num[0] };
        }
        const label = this.label();
        if (label === 'true' || label === 'false')
            return { kind: 'bool', value: label === 'true' };
        if (this.eat('(')) {
            const payload = this.value();
            if (!this.eat(')'))
                this.error('expected `)`');
            return { kind: 'case', name: label, payload };
        }
        return { kind: 'case', name: label };
    }
    braces() {
        this.pos++;
        this.ws();
        if (this.eat('}'))
            return { kind: 'flags', names: [] };
        const save = this.pos;
        this.label();
        const isRecord = this.eat(':');
        this.pos = save;
        if (isRecord) {
            const fields = [];
            do {
                this.ws();
                if (this.s[this.pos] === '}')
                    break;
                const key = this.label();
                if (!this.eat(':'))
                    this.error('expected `:` in record');
                fields.push([key, this.value()]);
            } while (this.eat(','));
            if (!this.eat('}'))
                this.error('expected `}`');
            return { kind: 'record', fields };
        }
        const names = [];
        do {
            this.ws();
            if (this.s[this.pos] === '}')
                break;
            names.push(this.label());
        } while (this.eat(','));
        if (!this.eat('}'))
            this.error('expected `}`');
        return { kind: 'flags', names };
    }
    label() {
        this.ws();
        const m = /^%?[a-zA-Z][a-zA-Z0-9-]*/.exec(this.s.slice(this.pos));
        if (!m)
            this.error(`unexpected \`${this.s.slice(this.pos, this.pos + 10) || 'end of input'}\``);
        this.pos += m[0].length;
        return m[0].replace(/^%/, '');
    }
    quoted(q) {
        let out = '';
        this.pos++;
        for (;;) {
            if (this.pos >= this.s.length)
                this.error('unterminated string');
            const ch = this.s[this.pos++];
            if (ch === q)
                break;
            if (ch !== '\\') {
                out += ch;
                continue;
            }
            const e = this.s[this.pos++];
            const simple = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\' };
            if (e in simple)
                out += simple[e];
            else if (e === 'u' && this.s[this.pos] === '{') {
                const end = this.s.indexOf('}', this.pos);
                if (end < 0)
                    this.error('bad unicode escape');
                out += String.fromCodePoint(parseInt(this.s.slice(this.pos + 1, end), 16));
                this.pos = end + 1;
            }
            else
                this.error(`bad escape \`\\${e}\``);
        }
        return out;
    }
}


/***/ }),

/***/ 13736:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ rewriteComponent)
/* harmony export */ });
/* unused harmony export addProducer */
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14279);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67989);
/* harmony import */ var _encoding_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46699);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1919);
/**
 * Component stage 5, rewrite: splice the rewritten core modules back into the component, fixing
 * section sizes recursively through nested components (no index space moves), optionally remove
 * a top-level function export (renumbering the component functions defined after it, and the
 * `component-name` section), and record ourselves in the top-level `producers` section.
 */




function rewriteComponent(pc, options) {
    const root = pc.root;
    const patches = new Map();
    const patchFor = (section) => {
        let p = patches.get(section);
        if (!p)
            patches.set(section, (p = { refs: [], drops: [] }));
        return p;
    };
    const removedIndex = options.removeExport === undefined ? undefined : planExportRemoval(pc, options.removeExport, patchFor);
    for (const exp of options.dropExports ?? [])
        patchFor(exp.section).drops.push(exp.range);
    for (const [section, p] of patches) {
        if (p.drops.length)
            p.count = pc.funcs.exports.filter((e) => e.section === section).length - p.drops.length;
    }
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    w.bytes(Uint8Array.from(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .COMPONENT_PREAMBLE */ .Ln));
    let producersDone = false;
    root.sections.forEach((section, position) => {
        if (section.id === _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .CSECTION */ .bP.custom && section.name === 'component-name' && removedIndex !== undefined) {
            w.section(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .CSECTION */ .bP.custom, renumberNames(pc.bytes, section.payload, removedIndex));
            return;
        }
        if (section.id === _parse_js__WEBPACK_IMPORTED_MODULE_3__/* .CSECTION */ .bP.custom && section.name === 'producers' && options.processedBy && !producersDone) {
            producersDone = true;
            w.section(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .CSECTION */ .bP.custom, addProducer(pc.bytes, section.payload, options.processedBy));
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
        w.section(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .CSECTION */ .bP.custom, addProducer(pc.bytes, undefined, options.processedBy));
    }
    return w.finish();
}
function emitNode(pc, node, modules) {
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    w.bytes(Uint8Array.from(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .COMPONENT_PREAMBLE */ .Ln));
    for (const section of node.sections)
        emitSection(w, pc, section, modules);
    return w.finish();
}
function emitSection(w, pc, section, modules) {
    if (section.module !== undefined && modules.has(section.module)) {
        w.section(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .CSECTION */ .bP.coreModule, modules.get(section.module));
    }
    else if (section.component && containsReplaced(section.component, modules)) {
        w.section(_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .CSECTION */ .bP.component, emitNode(pc, section.component, modules));
    }
    else {
        w.bytes(pc.bytes.subarray(section.range.start, section.range.end));
    }
}
function containsReplaced(node, modules) {
    return node.sections.some((s) => (s.module !== undefined && modules.has(s.module)) || (s.component !== undefined && containsReplaced(s.component, modules)));
}
/** Plans the removal of export `name` into the patches; returns the function index it defined. */
function planExportRemoval(pc, name, patchFor) {
    const space = pc.funcs;
    const exp = space.exports.find((e) => e.name === name);
    if (!exp)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('INIT_FUNC', `the component does not have a \`${name}\` export`);
    if (exp.sort !== _encoding_js__WEBPACK_IMPORTED_MODULE_2__/* .SORT */ .fv.func)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('INIT_FUNC', `the component's \`${name}\` export is not a function`);
    if (space.unknown) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('UNSUPPORTED', `cannot remove the init export: the component uses an encoding this tool does not know (${space.unknown}); use keep-init-func`);
    }
    const removed = exp.definesIndex;
    const user = space.refs.find((ref) => ref.index === removed && !isEntryOf(ref, exp));
    if (user)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('UNSUPPORTED', `cannot remove the init export \`${name}\`: the component uses it internally; use keep-init-func`);
    for (const ref of space.refs) {
        if (ref.index > removed)
            patchFor(ref.section).refs.push({ range: ref.range, value: ref.index - 1 });
    }
    patchFor(exp.section).drops.push(exp.range);
    return removed;
}
function isEntryOf(ref, exp) {
    return ref.range.start >= exp.range.start && ref.range.end <= exp.range.end;
}
/** The payload with its patches applied, or undefined when a section ends up empty. */
function applyPatch(bytes, payload, patch) {
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    let pos = payload.start;
    if (patch.count !== undefined) {
        if (patch.count === 0)
            return undefined;
        const r = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(bytes, payload.start, payload.end);
        r.u32();
        w.u32(patch.count);
        pos = r.pos;
    }
    const edits = [...patch.refs, ...patch.drops.map((range) => ({ range }))];
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
    const r = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(bytes, payload.start, payload.end);
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU();
    w.name(r.name());
    while (!r.done) {
        const start = r.pos;
        const id = r.u8();
        const size = r.u32();
        const end = r.pos + size;
        if (id === 0x01) {
            const sub = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(bytes, r.pos, end);
            const sort = sub.u8();
            if (sort === _encoding_js__WEBPACK_IMPORTED_MODULE_2__/* .SORT */ .fv.func) {
                const entries = [];
                const n = sub.u32();
                for (let i = 0; i < n; i++)
                    entries.push([sub.u32(), sub.name()]);
                const body = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().byte(sort);
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
        const r = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Reader */ .mP(bytes, payload.start, payload.end);
        if (r.name() !== 'producers')
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)('INTERNAL', 'internal error: not a producers section');
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
    const w = new _binary_js__WEBPACK_IMPORTED_MODULE_0__/* .Writer */ .AU().name('producers').u32(fields.length);
    for (const [field, values] of fields) {
        w.name(field).u32(values.length);
        for (const [name, value] of values)
            w.name(name).name(value);
    }
    return w.finish();
}


/***/ }),

/***/ 45785:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ withStubs),
/* harmony export */   D3: () => (/* binding */ changedTable),
/* harmony export */   SO: () => (/* binding */ transpileView),
/* harmony export */   _D: () => (/* binding */ instantiateComponent),
/* harmony export */   _K: () => (/* binding */ transpileComponent),
/* harmony export */   cR: () => (/* binding */ foreignMemory),
/* harmony export */   ze: () => (/* binding */ coreFileName)
/* harmony export */ });
/* unused harmony exports coreFileIndex, transpileOnly, droppableExports, readTable */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(67989);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6430);
/* harmony import */ var _tiering_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7080);
/* harmony import */ var _encoding_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46699);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1919);
/* harmony import */ var _rewrite_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(13736);
/* harmony import */ var _wasi_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(79036);
/**
 * Component stage 3, run: transpile the component with jco in instantiation mode, load the glue,
 * and instantiate it with our own `getCoreModule` (instrumented modules in place of the originals)
 * and `instantiateCore` (which records the instance of every static module and refuses a second
 * instantiation). Then resolve and call the init function through the component's exports.
 *
 * jco is loaded with a dynamic import so that core-only use never pays for it.
 */










// jco's transpiler package (what `jco transpile` calls), loaded only for components.
let transpiler;
function loadTranspiler() {
    // Node 20's V8 (11.x) tiers jco's 3.5 MB bindgen module up after the first transpile, and the
    // thread stalled 320 ms of a 1 s component run (heap.wasm: 1.0 s, 0.46 s in Liftoff only);
    // Node 24's does not stall, and there Liftoff alone was no faster. The import compiles it.
    const load = () => Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(248), __webpack_require__.e(360)]).then(__webpack_require__.bind(__webpack_require__, 7360));
    transpiler ??= Number(process.versions.v8.split('.')[0]) < 12 ? (0,_tiering_js__WEBPACK_IMPORTED_MODULE_5__/* .liftoffOnly */ .f)(load) : load();
    return transpiler;
}
/** The file jco gives static module `index` (depth-first binary order). */
function coreFileName(index) {
    return index === 0 ? 'component.core.wasm' : `component.core${index + 1}.wasm`;
}
/** Static index of a jco core file name, or undefined for other names. */
function coreFileIndex(name) {
    const m = /^component\.core(\d*)\.wasm$/.exec(name);
    if (!m)
        return undefined;
    return m[1] === '' ? 0 : Number(m[1]) - 1;
}
/** Transpile only (also the output's validation: jco runs the full component validator). */
async function transpileOnly(bytes, declarations = false) {
    const { transpileBytes } = await loadTranspiler();
    try {
        const out = await transpileBytes(bytes, {
            name: 'component',
            instantiation: 'async',
            // jco's own default (`jco transpile` wraps result errors in ComponentError).
            noComponentErrorWrapping: false,
            // Accept modules with several memories (Node 24 runs them); they must still come out byte for byte.
            multiMemory: true,
            emitTypescriptDeclarations: declarations,
        });
        return { files: out.files, exports: out.exports };
    }
    catch (err) {
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('INTERNAL', `jco could not transpile the component: ${firstLine(err)}`, err);
    }
}
function firstLine(err) {
    const text = err instanceof Error ? err.message : String(err);
    return text.split('\n').map((l) => l.trim()).filter(Boolean)[0] ?? 'unknown error';
}
/**
 * jco cannot decode an exported instance that WIT cannot describe (one of a nested component
 * that exports instances of its own). Such exports at the end of the top level, which nothing
 * after them uses, are left out of the copy jco is given; the output keeps them. `keep` is the
 * interface the init function is in.
 */
async function transpileView(bytes, keep, declarations = false) {
    try {
        return await transpileOnly(bytes, declarations);
    }
    catch (err) {
        if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreinitError */ .iz) || !/failed to extract interface information/.test(err.message))
            throw err;
        const pc = (0,_parse_js__WEBPACK_IMPORTED_MODULE_7__/* .parseComponent */ .bq)(bytes);
        const drop = droppableExports(pc, keep);
        if (drop.length === 0)
            throw err;
        return transpileOnly((0,_rewrite_js__WEBPACK_IMPORTED_MODULE_8__/* .rewriteComponent */ .Q)(pc, { modules: new Map(), dropExports: drop }), declarations);
    }
}
/** The instance exports, walking back from the end, until an instance index is used otherwise. */
function droppableExports(pc, keep) {
    const candidates = pc.funcs.exports.filter((e) => e.sort === _encoding_js__WEBPACK_IMPORTED_MODULE_6__/* .SORT */ .fv.instance && e.name !== keep);
    const drop = new Set();
    for (const at of [...pc.funcs.instanceRefs].reverse()) {
        const exp = candidates.find((e) => at >= e.range.start && at < e.range.end);
        if (!exp)
            break;
        drop.add(exp);
    }
    return [...drop];
}
/** Transpile (see transpileView), check jco kept every core module byte for byte, and load the glue. */
async function transpileComponent(pc, keep) {
    const out = await transpileView(pc.bytes, keep, true);
    for (const m of pc.modules) {
        const file = out.files[coreFileName(m.index)];
        if (!file)
            continue; // jco leaves out modules nothing instantiates
        if (!sameBytes(file, m.bytes)) {
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('INTERNAL', `jco rewrote core module ${m.index} of the component (its transpiled bytes differ from the component's), so it cannot be snapshotted`);
        }
    }
    const decoder = new TextDecoder();
    const glue = out.files['component.js'];
    if (!glue)
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('INTERNAL', 'jco produced no JavaScript glue for the component');
    const declarations = {};
    for (const [name, data] of Object.entries(out.files))
        if (name.endsWith('.d.ts'))
            declarations[name] = decoder.decode(data);
    const instantiate = await importGlue(decoder.decode(glue));
    return { instantiate, files: out.files, declarations, exports: out.exports };
}
function sameBytes(a, b) {
    return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}
/**
 * The import object: WASI from the shim, and for any other interface the component imports, stubs
 * that fail when called (like the core engine's trapping functions for unknown imports).
 */
function withStubs(wasi, tracker) {
    const stubs = new Map();
    const stubInterface = (iface) => new Proxy({}, {
        get(_, member) {
            if (typeof member !== 'string')
                return undefined;
            return function stub() {
                const err = new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreinitError */ .iz('UNKNOWN_IMPORT', `the component called \`${iface}#${(0,_wasi_js__WEBPACK_IMPORTED_MODULE_9__/* .kebab */ .i9)(member)}\`, an import the pre-initializer does not provide`);
                tracker.refused ??= err;
                throw err;
            };
        },
    });
    return new Proxy(wasi, {
        get(target, key) {
            if (typeof key !== 'string' || key in target)
                return Reflect.get(target, key);
            const base = unversioned(key);
            if (base in target)
                return Reflect.get(target, base);
            if (!stubs.has(key))
                stubs.set(key, stubInterface(key));
            return stubs.get(key);
        },
    });
}
/** An interface name without its version (`ns:pkg/iface@1.0.0` -> `ns:pkg/iface`), as jco's glue asks for it. */
function unversioned(name) {
    return name.replace(/@[^/]*$/, '');
}
/** The caller's interface implementations, under the names jco's glue asks for. */
function hostInterfaces(options) {
    return Object.fromEntries(Object.entries(options.hostInterfaces ?? {}).map(([name, members]) => [unversioned(name), members]));
}
async function importGlue(source) {
    const dir = await _io_js__WEBPACK_IMPORTED_MODULE_4__/* .files */ .aq.mkdtemp((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(), 'preinit-component-'));
    try {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'component.mjs');
        await _io_js__WEBPACK_IMPORTED_MODULE_4__/* .files */ .aq.writeFile(file, source);
        const mod = (await import(/* webpackIgnore: true */ (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)(file).href));
        if (typeof mod.instantiate !== 'function')
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('INTERNAL', 'the JavaScript glue jco generated has no `instantiate` function');
        return mod.instantiate;
    }
    finally {
        await _io_js__WEBPACK_IMPORTED_MODULE_4__/* .files */ .aq.rm(dir, { recursive: true, force: true });
    }
}
/** Instantiate through the glue with the given module bytes (instrumented or original) per static index. */
async function instantiateComponent(transpiled, moduleBytes, options, 
/** Filled as modules are instantiated, so a caller can inspect them after a failure. */
instances = new Map()) {
    const { imports, tracker } = await (0,_wasi_js__WEBPACK_IMPORTED_MODULE_9__/* .createWasiImports */ .Zu)(options);
    const staticOf = new WeakMap();
    const tables = [];
    const handles = new Map();
    const importsOf = new Map();
    let synthesized = 0;
    const getCoreModule = async (name) => {
        const index = coreFileIndex(name);
        const bytes = index !== undefined ? moduleBytes.get(index) ?? transpiled.files[name] : transpiled.files[name];
        if (!bytes)
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('INTERNAL', `jco asked for core module \`${name}\`, which it did not produce`);
        let module;
        try {
            module = await WebAssembly.compile(bytes);
        }
        catch (err) {
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('INVALID_INPUT', `failed to compile core module \`${name}\`: ${firstLine(err)}`, err);
        }
        if (index !== undefined && moduleBytes.has(index))
            staticOf.set(module, index);
        return module;
    };
    const instantiateCore = async (module, coreImports) => {
        const index = staticOf.get(module);
        if (index !== undefined && instances.has(index)) {
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('UNSUPPORTED', (0,_parse_js__WEBPACK_IMPORTED_MODULE_7__/* .instantiatedTwice */ .bO)(index));
        }
        let instance;
        try {
            const given = index === undefined ? followHandles(coreImports ?? {}, handles) : tagCaller(followHandles(coreImports ?? {}, handles), index, tracker);
            if (index !== undefined)
                importsOf.set(index, given);
            instance = await WebAssembly.instantiate(module, given);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreinitError */ .iz)
                throw err;
            if (tracker.refused)
                throw tracker.refused;
            const what = index !== undefined ? `core module ${index}` : 'a core module jco synthesized';
            (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('TRAP', `instantiating ${what} of the component failed: ${firstLine(err)}`, err);
        }
        const where = index !== undefined ? `core module ${index}` : `synthesized module ${synthesized++}`;
        for (const [name, value] of Object.entries(instance.exports)) {
            if (value instanceof WebAssembly.Table)
                tables.push({ where: `${where} export \`${name}\``, table: value, before: readTable(value) });
        }
        if (index !== undefined)
            instances.set(index, instance);
        let exports = instance.exports;
        const reset = exports['reset_adapter_state'];
        if (typeof reset === 'function') {
            // The preview1 adapter's reset forgets every handle it cached: follow it.
            exports = { ...exports, reset_adapter_state: (...args) => {
                    const result = reset(...args);
                    tracker.lastAdapterReset = ++tracker.seq;
                    return result;
                } };
        }
        return { exports };
    };
    let componentExports;
    try {
        componentExports = await transpiled.instantiate(getCoreModule, withStubs({ ...imports, ...hostInterfaces(options) }, tracker), instantiateCore);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreinitError */ .iz)
            throw err;
        if (tracker.refused)
            throw tracker.refused;
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ)('TRAP', `instantiating the component failed: ${firstLine(err)}`, err);
    }
    // Re-read tables after instantiation: later modules' element segments fill earlier modules' tables.
    for (const t of tables)
        t.before = readTable(t.table);
    return { instances, exports: componentExports, wasi: tracker, tables, handles, imports: importsOf };
}
/** Wrap a module's WASI imports so the tracker knows which module a WASI call came from. */
function tagCaller(imports, index, tracker) {
    const out = { ...imports };
    for (const [module, fields] of Object.entries(imports)) {
        if (!module.startsWith('wasi:') || !fields || typeof fields !== 'object')
            continue;
        const wrapped = { ...fields };
        for (const [name, value] of Object.entries(fields)) {
            if (typeof value !== 'function')
                continue;
            const original = value;
            wrapped[name] = Object.assign((...args) => {
                const previous = tracker.caller;
                tracker.caller = index;
                try {
                    return original(...args);
                }
                finally {
                    tracker.caller = previous;
                }
            }, original);
        }
        out[module] = wrapped;
    }
    return out;
}
/**
 * Count handles of the component's own resources: wit-component names the canonical built-ins
 * `[resource-new]R` and `[resource-drop]R` in an `[export]...` import module. A handle still alive
 * at the end of init lives in jco's JS handle table, which the snapshot cannot keep.
 */
function followHandles(imports, handles) {
    let out;
    for (const [module, fields] of Object.entries(imports)) {
        if (!module.startsWith('[export]') || !fields || typeof fields !== 'object')
            continue;
        for (const [name, value] of Object.entries(fields)) {
            const m = /^\[resource-(new|drop)\](.*)$/.exec(name);
            if (!m || typeof value !== 'function')
                continue;
            const key = `${module.slice('[export]'.length)}#${m[2]}`;
            const delta = m[1] === 'new' ? 1 : -1;
            const original = value;
            const wrapped = (...args) => {
                const result = original(...args);
                handles.set(key, (handles.get(key) ?? 0) + delta);
                return result;
            };
            out ??= { ...imports };
            out[module] = { ...out[module], [name]: wrapped };
        }
    }
    return out ?? imports;
}
/**
 * Memories are snapshotted by the module that defines them: the first static module importing a
 * memory no static module defines (one a module jco synthesized or the host made), if any.
 */
function foreignMemory(state) {
    const owned = new Set();
    for (const instance of state.instances.values()) {
        for (const value of Object.values(instance.exports))
            if (value instanceof WebAssembly.Memory)
                owned.add(value);
    }
    for (const [index, imports] of state.imports) {
        for (const fields of Object.values(imports)) {
            for (const value of Object.values(fields ?? {})) {
                if (value instanceof WebAssembly.Memory && !owned.has(value))
                    return index;
            }
        }
    }
    return undefined;
}
function readTable(table) {
    const entries = [];
    for (let i = 0; i < table.length; i++)
        entries.push(table.get(i));
    return { length: table.length, entries };
}
/** The first table that changed since `before`, described, or undefined. */
function changedTable(state) {
    for (const t of state.tables) {
        const now = readTable(t.table);
        if (now.length !== t.before.length)
            return `${t.where} grew from ${t.before.length} to ${now.length} entries`;
        for (let i = 0; i < now.length; i++) {
            if (now.entries[i] !== t.before.entries[i])
                return `${t.where} changed at index ${i}`;
        }
    }
    return undefined;
}


/***/ }),

/***/ 79036:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zu: () => (/* binding */ createWasiImports),
  i9: () => (/* binding */ kebab)
});

// UNUSED EXPORTS: WasiTracker

// EXTERNAL MODULE: ./lib/.ncc-stage/engine/errors.js
var errors = __webpack_require__(67989);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/reproducible.js
var reproducible = __webpack_require__(84294);
// EXTERNAL MODULE: ./lib/.ncc-stage/engine/stdio.js
var engine_stdio = __webpack_require__(61649);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/component/reproducible.js
/**
 * Reproducible mode for components: the preview2 interfaces whose answers differ between runs or
 * machines are replaced, in the shim's import object, by the fixed sources of ../reproducible.ts.
 * The WASI wrappers (wasi.ts) then count and track these like any other call.
 */


function makeReproducible(raw, settings) {
    const random = new reproducible/* RandomStream */.qv(settings.seed);
    const clock = new reproducible/* FixedClock */.d0(settings.epoch);
    const seed = new reproducible/* RandomStream */.qv(settings.seed, 'insecure-seed');
    const insecureSeed = [seed.u64(), seed.u64()];
    const replace = (iface, members) => {
        if (raw[iface])
            raw[iface] = { ...raw[iface], ...members };
    };
    replace('wasi:random/random', { getRandomBytes: (len) => random.bytes(Number(len)), getRandomU64: () => random.u64() });
    replace('wasi:random/insecure', { getInsecureRandomBytes: (len) => random.bytes(Number(len)), getInsecureRandomU64: () => random.u64() });
    replace('wasi:random/insecure-seed', { insecureSeed: () => insecureSeed });
    replace('wasi:clocks/wall-clock', {
        now: () => {
            const ns = clock.read();
            return { seconds: ns / 1000000000n, nanoseconds: Number(ns % 1000000000n) };
        },
    });
    // Sleeps do not wait: time jumps to the deadline and the pollable is ready at once.
    const monotonic = raw['wasi:clocks/monotonic-clock'];
    const ready = monotonic && monotonic.subscribeDuration.bind(monotonic);
    replace('wasi:clocks/monotonic-clock', {
        now: () => clock.read(),
        subscribeDuration: (ns) => (clock.advanceTo(clock.peek() + ns), ready(0n)),
        subscribeInstant: (at) => (clock.advanceTo(at), ready(0n)),
    });
    // The host's working directory is not the guest's business.
    replace('wasi:cli/environment', { initialCwd: () => undefined });
    const preopens = raw['wasi:filesystem/preopens'];
    if (preopens) {
        const files = new StableFiles(settings.epoch);
        replace('wasi:filesystem/preopens', { getDirectories: () => preopens.getDirectories().map(([d, guest]) => [files.descriptor(d, guest), guest]) });
    }
}
/**
 * Preopened files as reproducible mode shows them, the same as for core modules: every time the
 * epoch, one link, directories of size 0, metadata hashes (the adapter's inode numbers) from the
 * guest path, and listings sorted by name. Descriptors opened below a preopen are wrapped in turn;
 * methods run on the shim's own objects (their private fields do not pass through a proxy).
 */
class StableFiles {
    targets = new WeakMap();
    time;
    constructor(epoch) {
        this.time = { seconds: BigInt(epoch), nanoseconds: 0 };
    }
    descriptor(target, guest) {
        const stat = (st) => ({
            ...st,
            linkCount: 1n,
            size: st.type === 'directory' ? 0n : st.size,
            dataAccessTimestamp: this.time,
            dataModificationTimestamp: this.time,
            statusChangeTimestamp: this.time,
        });
        const below = (sub) => external_node_path_.posix.join(guest, sub);
        return this.wrap(target, (key, call) => {
            switch (key) {
                case 'stat': return () => stat(call());
                case 'statAt': return (flags, sub) => stat(call(flags, sub));
                case 'metadataHash': return () => ({ upper: 0n, lower: (0,reproducible/* stableIno */.EK)(guest) });
                case 'metadataHashAt': return (flags, sub) => (call(flags, sub), { upper: 0n, lower: (0,reproducible/* stableIno */.EK)(below(String(sub))) });
                case 'openAt': return (...args) => this.descriptor(call(...args), below(String(args[1])));
                case 'readDirectory': return () => this.sorted(call());
                default: return undefined;
            }
        });
    }
    /** A directory stream that reads the whole listing first and hands it out in name order. */
    sorted(target) {
        let entries;
        return this.wrap(target, (key, call) => {
            if (key !== 'readDirectoryEntry')
                return undefined;
            return () => {
                if (!entries) {
                    const all = [];
                    for (let e = call(); e; e = call())
                        all.push(e);
                    const byName = new Map(all.map((e) => [e.name, e]));
                    entries = (0,reproducible/* sortNames */.Hy)([...byName.keys()]).map((n) => byName.get(n));
                }
                return entries.shift();
            };
        });
    }
    /** A proxy of `target` whose methods `override` may replace; `call` runs the original on the target. */
    wrap(target, override) {
        const unwrap = (v) => (v && typeof v === 'object' && this.targets.get(v)) || v;
        const proxy = new Proxy(target, {
            get: (t, key) => {
                const value = Reflect.get(t, key, t);
                if (typeof value !== 'function')
                    return value;
                const call = (...args) => value.apply(t, args.map(unwrap));
                return (typeof key === 'string' && override(key, call)) || call;
            },
        });
        this.targets.set(proxy, target);
        return proxy;
    }
}

;// CONCATENATED MODULE: ./lib/.ncc-stage/engine/component/wasi.js
/**
 * WASI preview2 for a component's init, through `@bytecodealliance/preview2-shim`, under the same
 * allow rules as core modules: off by default (every WASI call fails with a clear error); when
 * allowed, environment, arguments and preopens are only what the options give, the network is off,
 * and stdout/stderr go to the caller's sinks.
 *
 * Every WASI function and resource method is wrapped to count calls and to follow the resources
 * the host hands out: a resource still alive at the end of init lives only in jco's JS handle
 * table, which the snapshot cannot keep, so a guest that cached its handle would fail at first use.
 */




const DISPOSE = [Symbol.for('dispose'), Symbol.dispose].filter((s) => s !== undefined);
class WasiTracker {
    /** Calls per WASI function. */
    calls = {};
    /** With traceWasi: what each random or clock read returned. */
    reads = [];
    /** Resources handed to the guest and not yet dropped. */
    live = new Map();
    /** Sequence number of every call; a reset of the preview1 adapter forgets what came before. */
    seq = 0;
    lastAdapterReset = -1;
    /** What the guest is doing: instantiation (start functions, `_initialize`) or init. */
    phase = 'instantiation';
    /** The core module calling WASI right now (set by the import wrappers of run.ts). */
    caller;
    /** Set when a WASI call was refused; the error init should report. */
    refused;
    count(name) {
        if (this.phase !== 'done')
            this.calls[name] = (this.calls[name] ?? 0) + 1;
        return ++this.seq;
    }
    /** Resources created during init, still held, and not forgotten by an adapter reset. */
    stale() {
        return [...this.live.values()].filter((r) => r.at > this.lastAdapterReset);
    }
}
/** Descriptor methods that would change the host's files: preopens are read-only. */
const WRITES = new Set([
    'write', 'writeViaStream', 'appendViaStream', 'setSize', 'setTimes', 'setTimesAt', 'createDirectoryAt',
    'removeDirectoryAt', 'unlinkFileAt', 'renameAt', 'symlinkAt', 'linkAt', 'openAt',
]);
/** Whether a Descriptor call writes (`openAt` only when it asks to create, truncate or write). */
function mutates(method, args) {
    if (!WRITES.has(method))
        return false;
    if (method !== 'openAt' || args.length === 0)
        return true;
    const open = (args[2] ?? {});
    const flags = (args[3] ?? {});
    return Boolean(open.create || open.exclusive || open.truncate || flags.write || flags.mutateDirectory);
}
/** The WIT spelling of one of jco's JavaScript names: `blockingWriteAndFlush` -> `blocking-write-and-flush`. */
function kebab(name) {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}
function isClass(value) {
    return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}
/** What a random or clock read returned, as bytes (numbers little-endian); undefined for a pollable. */
function readBytes(value) {
    const u64 = (n) => Buffer.from(new BigUint64Array([n]).buffer);
    if (value instanceof Uint8Array)
        return value;
    if (typeof value === 'bigint')
        return u64(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'bigint'))
        return Buffer.concat(value.map(u64));
    const time = value;
    if (typeof time?.seconds === 'bigint' && typeof time.nanoseconds === 'number')
        return Buffer.concat([u64(time.seconds), u64(BigInt(time.nanoseconds))]);
    return undefined;
}
/** The preview2 import object for instantiation, wrapped for the allow rules and tracking. */
async function createWasiImports(options) {
    const { WASIShim } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(523)]).then(__webpack_require__.bind(__webpack_require__, 96523));
    const allowed = options.allowWasi === true;
    const env = {};
    if (allowed && options.inheritEnv) {
        for (const [k, v] of Object.entries(process.env))
            if (v !== undefined)
                env[k] = v;
    }
    if (allowed && options.env)
        Object.assign(env, options.env);
    const preopens = {};
    if (allowed)
        for (const p of options.preopens ?? [])
            preopens[p.guest] = p.host;
    const shim = new WASIShim({
        sandbox: { preopens, env, args: allowed ? options.args ?? [] : [], enableNetwork: false },
    });
    const raw = shim.getImportObject();
    // The shim calls every stream a terminal; wasmtime only a tty (none: not a terminal).
    const terminal = (0,engine_stdio/* stdioTerminal */.g)(options);
    ['stdin', 'stdout', 'stderr'].forEach((stream, fd) => {
        const iface = `wasi:cli/terminal-${stream}`;
        const getter = `getTerminal${stream[0].toUpperCase()}${stream.slice(1)}`;
        const original = raw[iface][getter];
        raw[iface] = { ...raw[iface], [getter]: () => (terminal(fd) ? original() : undefined) };
    });
    const repro = (0,reproducible/* reproducibleSettings */.ig)(options);
    if (repro)
        makeReproducible(raw, repro);
    const tracker = new WasiTracker();
    const inherit = options.inheritStdio !== false;
    const sink = (fd) => {
        const user = fd === 1 ? options.stdout : options.stderr;
        if (!inherit)
            return (_chunk) => { };
        if (user)
            return user;
        const stream = fd === 1 ? process.stdout : process.stderr;
        return (chunk) => void stream.write(chunk);
    };
    const stdio = new WeakMap();
    const classes = new Map();
    for (const [iface, members] of Object.entries(raw)) {
        if (!members)
            continue;
        for (const [name, value] of Object.entries(members))
            if (isClass(value))
                classes.set(value.prototype, { iface, name: kebab(name) });
    }
    const targets = new WeakMap();
    const guard = (name) => {
        if (!allowed) {
            const when = tracker.phase === 'instantiation' ? 'while it was instantiated' : 'during init';
            const err = new errors/* PreinitError */.iz('WASI_NOT_ALLOWED', `the component called WASI (\`${name}\`) ${when}, but WASI is not allowed: enable it with allow-wasi`);
            tracker.refused ??= err;
            throw err;
        }
        return tracker.count(name);
    };
    const unwrap = (value) => {
        if (value && typeof value === 'object') {
            const target = targets.get(value);
            if (target)
                return target;
            if (Array.isArray(value))
                return value.map(unwrap);
        }
        return value;
    };
    const track = (value, from, at) => {
        if (!value || typeof value !== 'object')
            return value;
        if (Array.isArray(value))
            return value.map((v) => track(v, from, at));
        const type = classes.get(Object.getPrototypeOf(value));
        if (type)
            return wrapResource(value, type, from, at);
        if (Object.getPrototypeOf(value) === Object.prototype) {
            // A record or variant: a copy with its resources wrapped (the shim may keep the original).
            const entries = Object.entries(value).map(([k, v]) => [k, track(v, from, at)]);
            if (entries.some(([k, v]) => v !== value[k]))
                return Object.fromEntries(entries);
        }
        return value;
    };
    const wrapResource = (target, type, from, at) => {
        const proxy = new Proxy(target, {
            get(t, key) {
                if (DISPOSE.includes(key)) {
                    const original = Reflect.get(t, key, t);
                    return () => {
                        tracker.live.delete(proxy);
                        if (original)
                            original.call(t);
                    };
                }
                const value = Reflect.get(t, key, t);
                if (typeof value !== 'function' || typeof key !== 'string')
                    return value;
                const method = `${type.iface}#[method]${type.name}.${kebab(key)}`;
                if (type.iface === 'wasi:filesystem/types' && type.name === 'descriptor' && mutates(key, [])) {
                    return (...args) => {
                        const seq = guard(method);
                        if (mutates(key, args))
                            throw 'read-only';
                        return track(value.apply(t, args.map(unwrap)), method, seq);
                    };
                }
                const out = stdio.get(t);
                if (out && (key === 'write' || key === 'blockingWriteAndFlush')) {
                    return (buf) => {
                        guard(method);
                        out(buf);
                    };
                }
                return (...args) => {
                    const seq = guard(method);
                    return track(value.apply(t, args.map(unwrap)), method, seq);
                };
            },
        });
        targets.set(proxy, target);
        if (tracker.phase !== 'done')
            tracker.live.set(proxy, { type: `${type.iface}#${type.name}`, from, at, owner: tracker.caller });
        return proxy;
    };
    const wrapFunction = (fn, name) => {
        return (...args) => {
            const seq = guard(name);
            const result = fn(...args.map(unwrap));
            if (options.traceWasi && tracker.phase !== 'done' && /^wasi:(random|clocks)\//.test(name)) {
                const bytes = readBytes(result);
                if (bytes)
                    tracker.reads.push({ call: name, n: tracker.calls[name], hex: Buffer.from(bytes).toString('hex') });
            }
            if (name === 'wasi:cli/stdout#get-stdout' || name === 'wasi:cli/stderr#get-stderr') {
                if (result && typeof result === 'object')
                    stdio.set(result, sink(name.includes('stdout') ? 1 : 2));
            }
            return track(result, name, seq);
        };
    };
    const imports = {};
    for (const [iface, members] of Object.entries(raw)) {
        if (!members)
            continue;
        const wrapped = {};
        for (const [name, value] of Object.entries(members)) {
            const full = `${iface}#${kebab(name)}`;
            if (isClass(value)) {
                wrapped[name] = new Proxy(value, {
                    construct(t, args, nt) {
                        const seq = guard(`${iface}#[constructor]${kebab(name)}`);
                        return track(Reflect.construct(t, args.map(unwrap), nt), full, seq);
                    },
                    get(t, key, receiver) {
                        const v = Reflect.get(t, key, receiver);
                        if (key === 'prototype' || typeof v !== 'function' || typeof key !== 'string')
                            return v;
                        return wrapFunction(v.bind(t), `${iface}#[static]${kebab(name)}.${kebab(key)}`);
                    },
                });
            }
            else if (typeof value === 'function') {
                wrapped[name] = wrapFunction(value, full);
            }
            else {
                wrapped[name] = value;
            }
        }
        imports[iface] = wrapped;
    }
    return { imports, tracker };
}


/***/ })

};
