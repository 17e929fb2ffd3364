/**
 * WAVE (the WebAssembly Value Encoding) of jco's JavaScript values, written as wasm-wave's writer
 * writes them: what `wasmtime wizer` prints for an init call's results.
 */
import { jsName } from './init.js';
import type { ValType } from './types.js';

/** Names that WAVE writes with a `%` prefix when they are a variant case or an enum case. */
const KEYWORDS = new Set(['true', 'false', 'inf', 'nan', 'some', 'none', 'ok', 'err']);

class Unprintable extends Error {}

/**
 * Results as `wasmtime wizer` prints them (one value alone, none or several as a tuple), or what
 * WAVE cannot write (a resource, a stream, a future) when they hold one.
 */
export function waveResults(values: unknown[], types: ValType[]): { text: string } | { unprintable: string } {
  try {
    return { text: types.length === 1 ? wave(values[0], types[0]) : `(${types.map((t, i) => wave(values[i], t)).join(', ')})` };
  } catch (err) {
    if (err instanceof Unprintable) return { unprintable: err.message };
    throw err;
  }
}

function wave(value: unknown, type: ValType): string {
  switch (type.kind) {
    case 'bool':
      return value ? 'true' : 'false';
    case 's8': case 'u8': case 's16': case 'u16': case 's32': case 'u32': case 's64': case 'u64':
      return String(value);
    case 'f32': case 'f64':
      return float(value as number, type.kind);
    case 'char':
      return `'${escape(value as string)}'`;
    case 'string':
      return `"${escape(value as string)}"`;
    case 'list':
      return `[${Array.from(value as Iterable<unknown>, (v) => wave(v, type.element)).join(', ')}]`;
    case 'tuple':
      return `(${type.types.map((t, i) => wave((value as unknown[])[i], t)).join(', ')})`;
    case 'record': {
      const record = value as Record<string, unknown>;
      // A field whose option is none is left out; a record with nothing to show is `{:}`.
      const shown = type.fields.filter(([name, t]) => t.kind !== 'option' || !isNone(record[jsName(name)], t));
      return shown.length === 0 ? '{:}' : `{${shown.map(([name, t]) => `${name}: ${wave(record[jsName(name)], t)}`).join(', ')}}`;
    }
    case 'variant': {
      const { tag, val } = value as { tag: string; val?: unknown };
      const payload = type.cases.find(([name]) => name === tag)?.[1];
      return `${label(tag)}${payload ? `(${wave(val, payload)})` : ''}`;
    }
    case 'enum':
      return label(value as string);
    case 'flags':
      return `{${type.names.filter((name) => (value as Record<string, boolean>)[jsName(name)]).join(', ')}}`;
    case 'option':
      if (isNone(value, type)) return 'none';
      return `some(${wave(type.some.kind === 'option' ? (value as { val: unknown }).val : value, type.some)})`;
    case 'result': {
      const { tag, val } = value as { tag: 'ok' | 'err'; val?: unknown };
      const payload = tag === 'ok' ? type.ok : type.err;
      return `${tag}${payload ? `(${wave(val, payload)})` : ''}`;
    }
    case 'unprintable':
      throw new Unprintable(type.what);
  }
}

/** jco gives an option as the value or undefined, and a nested option as `{ tag: 'some' | 'none' }`. */
function isNone(value: unknown, type: Extract<ValType, { kind: 'option' }>): boolean {
  return type.some.kind === 'option' ? (value as { tag: string }).tag === 'none' : value === undefined || value === null;
}

function label(name: string): string {
  return KEYWORDS.has(name) ? `%${name}` : name;
}

/** Rust's `Display` of a float: the shortest digits that read back, never an exponent. */
function float(x: number, kind: 'f32' | 'f64'): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-0';
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
function plainDecimal(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = '', exp] = m;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', "'": "\\'", '\t': '\\t', '\r': '\\r', '\n': '\\n' };

/** Rust's escapes as wasm-wave uses them: the simple ones, then `\u{..}` for what does not print. */
function escape(text: string): string {
  return Array.from(text, (ch) => {
    if (ch in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[ch];
    const unprintable = ch !== ' ' && /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Grapheme_Extend}]/u.test(ch);
    return unprintable ? `\\u{${ch.codePointAt(0)!.toString(16)}}` : ch;
  }).join('');
}
