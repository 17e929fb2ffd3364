/**
 * The init function of a component: its name (`wizer-initialize`, a top-level function, or an
 * interface function `ns:pkg/iface.func@1.2.3`, also written `ns:pkg/iface@1.2.3#func`), an
 * optional WAVE-style call with arguments (`init("x", 3)`), resolution through the exports of the
 * instantiated component, and a signature check against the TypeScript declarations jco emits.
 */
import { fail } from '../errors.js';

export interface InitCall {
  /** The name as written, without arguments. */
  name: string;
  /** Interface (`ns:pkg/iface@1.2.3`) for an interface function. */
  iface?: string;
  /** Function name in WIT (kebab case). */
  func: string;
  /** Arguments, when written as a call; undefined when just a name. */
  args?: WaveValue[];
}

export type WaveValue =
  | { kind: 'string'; value: string }
  | { kind: 'char'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'list'; items: WaveValue[] }
  | { kind: 'tuple'; items: WaveValue[] }
  | { kind: 'record'; fields: Array<[string, WaveValue]> }
  | { kind: 'flags'; names: string[] }
  | { kind: 'case'; name: string; payload?: WaveValue };

/** Split `name` or `name(args)` and resolve the interface form. */
export function parseInitCall(text: string): InitCall {
  const source = text.trim();
  let name = source;
  let args: WaveValue[] | undefined;
  const paren = source.indexOf('(');
  if (paren >= 0) {
    if (!source.endsWith(')')) fail('USAGE', `invalid init function call \`${text}\`: expected \`name(arguments)\``);
    name = source.slice(0, paren).trim();
    args = new WaveParser(source.slice(paren + 1, -1), text).list();
  }
  if (!name) fail('USAGE', `invalid init function name \`${text}\``);
  let iface: string | undefined;
  let func = name;
  const hash = name.indexOf('#');
  if (hash >= 0) {
    iface = name.slice(0, hash);
    func = name.slice(hash + 1);
  } else if (name.includes('/')) {
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
export function jsName(wit: string): string {
  return wit
    .split('-')
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()))
    .join('');
}

export interface ResolvedInit {
  fn: (...args: unknown[]) => unknown;
  /** Parameter types and result type as jco declares them in TypeScript. */
  params: Array<{ name: string; type: string }>;
  result: string;
}

/**
 * Find the init function in the component's exports and check its signature.
 * `declarations` are the `.d.ts` files of the same transpile.
 */
export function resolveInit(call: InitCall, exports: Record<string, unknown>, declarations: Record<string, string>): ResolvedInit {
  const missing = () => fail('INIT_FUNC', `the component does not have a \`${call.name}\` export`);
  let holder: Record<string, unknown> = exports;
  let sig: { params: string; result: string } | undefined;
  const member = jsName(call.func);
  if (call.iface !== undefined) {
    const inst = exports[call.iface];
    if (!inst || typeof inst !== 'object') missing();
    holder = inst as Record<string, unknown>;
    if (!(member in holder)) missing();
    sig = interfaceSignature(call.iface, member, declarations);
  } else if (call.name.includes(':')) {
    // A whole interface named as the init function.
    if (call.name in exports) fail('INIT_FUNC', `the component's \`${call.name}\` export is not a function`);
    missing();
  } else {
    if (!(member in holder)) missing();
    sig = rootSignature(member, declarations);
  }
  const fn = holder[member];
  if (typeof fn !== 'function') fail('INIT_FUNC', `the component's \`${call.name}\` export is not a function`);
  const params = sig ? splitParams(sig.params) : [];
  const result = sig ? sig.result.trim() : 'void';
  const wanted = call.args?.length ?? 0;
  if (call.args === undefined && (params.length !== 0 || result !== 'void')) {
    fail('INIT_FUNC', `the component's \`${call.name}\` export does not have type \`func()\``);
  }
  if (call.args !== undefined && params.length !== wanted) {
    fail('INIT_FUNC', `the component's \`${call.name}\` export takes ${params.length} argument(s), but the call gives ${wanted}`);
  }
  return { fn: fn as ResolvedInit['fn'], params, result };
}

/**
 * A stand-in for the exports object, built from what the transpile lists and declares, so the
 * init function can be checked before anything runs. An interface without declarations accepts
 * any member (the check after instantiation decides).
 */
export function exportShape(list: Array<[string, string]>, declarations: Record<string, string>): Record<string, unknown> {
  const placeholder = () => undefined;
  const shape: Record<string, unknown> = {};
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
    const members: Record<string, unknown> = {};
    for (const m of file.matchAll(/^export function (\w+)\(/gm)) members[m[1]] = placeholder;
    // Reserved words: `export { _delete as delete };`
    for (const m of file.matchAll(/^export \{ (\w+) as (\w+) \};/gm)) members[m[2]] = placeholder;
    shape[name] = members;
  }
  return shape;
}

function rootSignature(member: string, declarations: Record<string, string>): { params: string; result: string } | undefined {
  const root = declarations['component.d.ts'];
  if (!root) return undefined;
  const body = /export interface Root \{([\s\S]*?)\n\}/.exec(root)?.[1] ?? '';
  // Reserved words come quoted: `'delete'(): void,`
  // One member per line; its result may hold commas (`[number, string]`), the line ends with one.
  const re = new RegExp(`^\\s*'?${escape(member)}'?\\(([^\\n]*?)\\):\\s*(.*?),?$`, 'm');
  const m = re.exec(body);
  return m ? { params: m[1], result: m[2] } : undefined;
}

function interfaceSignature(iface: string, member: string, declarations: Record<string, string>): { params: string; result: string } | undefined {
  const file = Object.entries(declarations).find(([name, text]) => name.startsWith('interfaces/') && text.startsWith(`/** @module Interface ${iface} **/`));
  if (!file) return undefined;
  // A reserved word is declared under another name and exported as itself.
  const alias = new RegExp(`^export \\{ (\\w+) as ${escape(member)} \\};`, 'm').exec(file[1])?.[1];
  const re = new RegExp(`^(?:export )?function ${escape(alias ?? member)}\\(([\\s\\S]*?)\\):\\s*([^;\\n]*);`, 'm');
  const m = re.exec(file[1]);
  return m ? { params: m[1], result: m[2] } : undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function splitParams(text: string): Array<{ name: string; type: string }> {
  const out: Array<{ name: string; type: string }> = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('<([{'.includes(ch)) depth++;
    if ('>)]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      if (current.trim()) out.push(param(current));
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) out.push(param(current));
  return out;
}

function param(text: string): { name: string; type: string } {
  const colon = text.indexOf(':');
  return { name: text.slice(0, colon).trim(), type: text.slice(colon + 1).trim() };
}

/** Convert WAVE arguments to the JavaScript values jco's glue expects. */
export function toJs(value: WaveValue, type: string): unknown {
  const t = type.trim();
  switch (value.kind) {
    case 'string': case 'char': return value.value;
    case 'bool': return value.value;
    case 'number': {
      if (t === 'bigint') {
        if (!/^-?\d+$/.test(value.text)) fail('USAGE', `invalid init argument \`${value.text}\`: expected an integer`);
        return BigInt(value.text);
      }
      if (value.text === 'nan') return NaN;
      if (value.text === 'inf') return Infinity;
      if (value.text === '-inf') return -Infinity;
      return Number(value.text);
    }
    case 'list': {
      const typed = /^(Uint8|Int8|Uint16|Int16|Uint32|Int32|Float32|Float64|BigInt64|BigUint64)Array$/.exec(t);
      if (typed) {
        const big = typed[1].startsWith('Big');
        const items = value.items.map((v) => toJs(v, big ? 'bigint' : 'number'));
        const ctor = (globalThis as unknown as Record<string, new (items: unknown[]) => unknown>)[t];
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
      const out: Record<string, unknown> = {};
      for (const [k, v] of value.fields) out[jsName(k)] = toJs(v, '');
      return out;
    }
    case 'flags': {
      const out: Record<string, boolean> = {};
      for (const n of value.names) out[jsName(n)] = true;
      return out;
    }
    case 'case': {
      const inner = t.endsWith('| undefined') ? t.slice(0, -'| undefined'.length) : '';
      if (value.name === 'none' && !value.payload) return undefined;
      if (value.name === 'some' && value.payload) return toJs(value.payload, inner);
      if (value.payload === undefined && value.name !== 'ok' && value.name !== 'err') return value.name; // enum case
      return { tag: value.name, val: value.payload === undefined ? undefined : toJs(value.payload, '') };
    }
  }
}

class WaveParser {
  private pos = 0;
  constructor(private readonly s: string, private readonly whole: string) {}

  private error(what: string): never {
    fail('USAGE', `invalid init function call \`${this.whole}\`: ${what}`);
  }

  private ws(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }

  private eat(ch: string): boolean {
    this.ws();
    if (this.s[this.pos] === ch) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** A comma-separated list up to the end of input. */
  list(): WaveValue[] {
    const items = this.items('');
    this.ws();
    if (this.pos !== this.s.length) this.error(`unexpected \`${this.s.slice(this.pos, this.pos + 10)}\``);
    return items;
  }

  private items(close: string): WaveValue[] {
    const out: WaveValue[] = [];
    this.ws();
    if (close ? this.s[this.pos] === close : this.pos >= this.s.length) return out;
    for (;;) {
      out.push(this.value());
      if (!this.eat(',')) break;
      this.ws();
      if (close ? this.s[this.pos] === close : this.pos >= this.s.length) break; // trailing comma
    }
    return out;
  }

  private value(): WaveValue {
    this.ws();
    const c = this.s[this.pos];
    if (c === '"') return { kind: 'string', value: this.quoted('"') };
    if (c === "'") return { kind: 'char', value: this.quoted("'") };
    if (c === '[') {
      this.pos++;
      const items = this.items(']');
      if (!this.eat(']')) this.error('expected `]`');
      return { kind: 'list', items };
    }
    if (c === '(') {
      this.pos++;
      const items = this.items(')');
      if (!this.eat(')')) this.error('expected `)`');
      return { kind: 'tuple', items };
    }
    if (c === '{') return this.braces();
    const num = /^-?(?:inf|nan|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/.exec(this.s.slice(this.pos));
    if (num && (c === '-' || /\d/.test(c) || num[0] === 'inf' || num[0] === 'nan') && !/[\w-]/.test(this.s[this.pos + num[0].length] ?? '')) {
      this.pos += num[0].length;
      return { kind: 'number', text: num[0] };
    }
    const label = this.label();
    if (label === 'true' || label === 'false') return { kind: 'bool', value: label === 'true' };
    if (this.eat('(')) {
      const payload = this.value();
      if (!this.eat(')')) this.error('expected `)`');
      return { kind: 'case', name: label, payload };
    }
    return { kind: 'case', name: label };
  }

  private braces(): WaveValue {
    this.pos++;
    this.ws();
    if (this.eat('}')) return { kind: 'flags', names: [] };
    const save = this.pos;
    this.label();
    const isRecord = this.eat(':');
    this.pos = save;
    if (isRecord) {
      const fields: Array<[string, WaveValue]> = [];
      do {
        this.ws();
        if (this.s[this.pos] === '}') break;
        const key = this.label();
        if (!this.eat(':')) this.error('expected `:` in record');
        fields.push([key, this.value()]);
      } while (this.eat(','));
      if (!this.eat('}')) this.error('expected `}`');
      return { kind: 'record', fields };
    }
    const names: string[] = [];
    do {
      this.ws();
      if (this.s[this.pos] === '}') break;
      names.push(this.label());
    } while (this.eat(','));
    if (!this.eat('}')) this.error('expected `}`');
    return { kind: 'flags', names };
  }

  private label(): string {
    this.ws();
    const m = /^%?[a-zA-Z][a-zA-Z0-9-]*/.exec(this.s.slice(this.pos));
    if (!m) this.error(`unexpected \`${this.s.slice(this.pos, this.pos + 10) || 'end of input'}\``);
    this.pos += m[0].length;
    return m[0].replace(/^%/, '');
  }

  private quoted(q: string): string {
    let out = '';
    this.pos++;
    for (;;) {
      if (this.pos >= this.s.length) this.error('unterminated string');
      const ch = this.s[this.pos++];
      if (ch === q) break;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = this.s[this.pos++];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\' };
      if (e in simple) out += simple[e];
      else if (e === 'u' && this.s[this.pos] === '{') {
        const end = this.s.indexOf('}', this.pos);
        if (end < 0) this.error('bad unicode escape');
        out += String.fromCodePoint(parseInt(this.s.slice(this.pos + 1, end), 16));
        this.pos = end + 1;
      } else this.error(`bad escape \`\\${e}\``);
    }
    return out;
  }
}
