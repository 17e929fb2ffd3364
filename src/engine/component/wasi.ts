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
import { PreinitError } from '../errors.js';
import { reproducibleSettings } from '../reproducible.js';
import { stdioTerminal } from '../stdio.js';
import { makeReproducible } from './reproducible.js';
import type { PreinitOptions, WasiRead } from '../types.js';

type AnyFn = (...args: unknown[]) => unknown;
type Obj = Record<string | symbol, unknown>;

const DISPOSE = [Symbol.for('dispose'), (Symbol as { dispose?: symbol }).dispose].filter((s): s is symbol => s !== undefined);

export interface LiveResource {
  /** e.g. `wasi:io/streams#output-stream` */
  type: string;
  /** The call that produced it, e.g. `wasi:cli/stdout#get-stdout`. */
  from: string;
  /** Sequence number of the call that produced it. */
  at: number;
  /** Static index of the core module whose import made that call, when known. */
  owner?: number;
}

export class WasiTracker {
  /** Calls per WASI function. */
  readonly calls: Record<string, number> = {};
  /** With traceWasi: what each random or clock read returned. */
  readonly reads: WasiRead[] = [];
  /** Resources handed to the guest and not yet dropped. */
  readonly live = new Map<object, LiveResource>();
  /** Sequence number of every call; a reset of the preview1 adapter forgets what came before. */
  seq = 0;
  lastAdapterReset = -1;
  /** What the guest is doing: instantiation (start functions, `_initialize`) or init. */
  phase: 'instantiation' | 'init' | 'done' = 'instantiation';
  /** The core module calling WASI right now (set by the import wrappers of run.ts). */
  caller?: number;
  /** Set when a WASI call was refused; the error init should report. */
  refused?: PreinitError;

  count(name: string): number {
    if (this.phase !== 'done') this.calls[name] = (this.calls[name] ?? 0) + 1;
    return ++this.seq;
  }

  /** Resources created during init, still held, and not forgotten by an adapter reset. */
  stale(): LiveResource[] {
    return [...this.live.values()].filter((r) => r.at > this.lastAdapterReset);
  }
}

export interface WasiSetup {
  imports: Record<string, unknown>;
  tracker: WasiTracker;
}

/** Descriptor methods that would change the host's files: preopens are read-only. */
const WRITES = new Set([
  'write', 'writeViaStream', 'appendViaStream', 'setSize', 'setTimes', 'setTimesAt', 'createDirectoryAt',
  'removeDirectoryAt', 'unlinkFileAt', 'renameAt', 'symlinkAt', 'linkAt', 'openAt',
]);

/** Whether a Descriptor call writes (`openAt` only when it asks to create, truncate or write). */
function mutates(method: string, args: unknown[]): boolean {
  if (!WRITES.has(method)) return false;
  if (method !== 'openAt' || args.length === 0) return true;
  const open = (args[2] ?? {}) as Record<string, boolean>;
  const flags = (args[3] ?? {}) as Record<string, boolean>;
  return Boolean(open.create || open.exclusive || open.truncate || flags.write || flags.mutateDirectory);
}

interface ResourceType {
  iface: string;
  /** WIT name of the resource, e.g. `output-stream`. */
  name: string;
}

/** The WIT spelling of one of jco's JavaScript names: `blockingWriteAndFlush` -> `blocking-write-and-flush`. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

function isClass(value: unknown): value is new (...args: unknown[]) => object {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}

/** What a random or clock read returned, as bytes (numbers little-endian); undefined for a pollable. */
function readBytes(value: unknown): Uint8Array | undefined {
  const u64 = (n: bigint) => Buffer.from(new BigUint64Array([n]).buffer);
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'bigint') return u64(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'bigint')) return Buffer.concat(value.map(u64));
  const time = value as { seconds?: unknown; nanoseconds?: unknown } | null;
  if (typeof time?.seconds === 'bigint' && typeof time.nanoseconds === 'number') return Buffer.concat([u64(time.seconds), u64(BigInt(time.nanoseconds))]);
  return undefined;
}

/** The preview2 import object for instantiation, wrapped for the allow rules and tracking. */
export async function createWasiImports(options: PreinitOptions): Promise<WasiSetup> {
  const { WASIShim } = await import('@bytecodealliance/preview2-shim/instantiation');
  const allowed = options.allowWasi === true;
  const env: Record<string, string> = {};
  if (allowed && options.inheritEnv) {
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  }
  if (allowed && options.env) Object.assign(env, options.env);
  const preopens: Record<string, string> = {};
  if (allowed) for (const p of options.preopens ?? []) preopens[p.guest] = p.host;
  const shim = new WASIShim({
    sandbox: { preopens, env, args: allowed ? options.args ?? [] : [], enableNetwork: false },
  });
  const raw = shim.getImportObject() as unknown as Record<string, Obj>;
  // The shim calls every stream a terminal; wasmtime only a tty (none: not a terminal).
  const terminal = stdioTerminal(options);
  (['stdin', 'stdout', 'stderr'] as const).forEach((stream, fd) => {
    const iface = `wasi:cli/terminal-${stream}`;
    const getter = `getTerminal${stream[0].toUpperCase()}${stream.slice(1)}`;
    const original = raw[iface][getter] as AnyFn;
    raw[iface] = { ...raw[iface], [getter]: () => (terminal(fd) ? original() : undefined) };
  });
  const repro = reproducibleSettings(options);
  if (repro) makeReproducible(raw, repro);
  const tracker = new WasiTracker();

  const inherit = options.inheritStdio !== false;
  const sink = (fd: 1 | 2) => {
    const user = fd === 1 ? options.stdout : options.stderr;
    if (!inherit) return (_chunk: Uint8Array) => {};
    if (user) return user;
    const stream = fd === 1 ? process.stdout : process.stderr;
    return (chunk: Uint8Array) => void stream.write(chunk);
  };
  const stdio = new WeakMap<object, (chunk: Uint8Array) => void>();

  const classes = new Map<unknown, ResourceType>();
  for (const [iface, members] of Object.entries(raw)) {
    if (!members) continue;
    for (const [name, value] of Object.entries(members)) if (isClass(value)) classes.set(value.prototype, { iface, name: kebab(name) });
  }
  const targets = new WeakMap<object, object>();

  const guard = (name: string): number => {
    if (!allowed) {
      const when = tracker.phase === 'instantiation' ? 'while it was instantiated' : 'during init';
      const err = new PreinitError('WASI_NOT_ALLOWED', `the component called WASI (\`${name}\`) ${when}, but WASI is not allowed: enable it with allow-wasi`);
      tracker.refused ??= err;
      throw err;
    }
    return tracker.count(name);
  };

  const unwrap = (value: unknown): unknown => {
    if (value && typeof value === 'object') {
      const target = targets.get(value);
      if (target) return target;
      if (Array.isArray(value)) return value.map(unwrap);
    }
    return value;
  };

  const track = (value: unknown, from: string, at: number): unknown => {
    if (!value || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => track(v, from, at));
    const type = classes.get(Object.getPrototypeOf(value));
    if (type) return wrapResource(value, type, from, at);
    if (Object.getPrototypeOf(value) === Object.prototype) {
      // A record or variant: a copy with its resources wrapped (the shim may keep the original).
      const entries = Object.entries(value).map(([k, v]) => [k, track(v, from, at)] as const);
      if (entries.some(([k, v]) => v !== (value as Obj)[k])) return Object.fromEntries(entries);
    }
    return value;
  };

  const wrapResource = (target: object, type: ResourceType, from: string, at: number): object => {
    const proxy: object = new Proxy(target, {
      get(t, key) {
        if (DISPOSE.includes(key as symbol)) {
          const original = Reflect.get(t, key, t) as AnyFn | undefined;
          return () => {
            tracker.live.delete(proxy);
            if (original) original.call(t);
          };
        }
        const value = Reflect.get(t, key, t);
        if (typeof value !== 'function' || typeof key !== 'string') return value;
        const method = `${type.iface}#[method]${type.name}.${kebab(key)}`;
        if (type.iface === 'wasi:filesystem/types' && type.name === 'descriptor' && mutates(key, [])) {
          return (...args: unknown[]) => {
            const seq = guard(method);
            if (mutates(key, args)) throw 'read-only';
            return track((value as AnyFn).apply(t, args.map(unwrap)), method, seq);
          };
        }
        const out = stdio.get(t);
        if (out && (key === 'write' || key === 'blockingWriteAndFlush')) {
          return (buf: Uint8Array) => {
            guard(method);
            out(buf);
          };
        }
        return (...args: unknown[]) => {
          const seq = guard(method);
          return track((value as AnyFn).apply(t, args.map(unwrap)), method, seq);
        };
      },
    });
    targets.set(proxy, target);
    if (tracker.phase !== 'done') tracker.live.set(proxy, { type: `${type.iface}#${type.name}`, from, at, owner: tracker.caller });
    return proxy;
  };

  const wrapFunction = (fn: AnyFn, name: string): AnyFn => {
    return (...args: unknown[]) => {
      const seq = guard(name);
      const result = fn(...args.map(unwrap));
      if (options.traceWasi && tracker.phase !== 'done' && /^wasi:(random|clocks)\//.test(name)) {
        const bytes = readBytes(result);
        if (bytes) tracker.reads.push({ call: name, n: tracker.calls[name], hex: Buffer.from(bytes).toString('hex') });
      }
      if (name === 'wasi:cli/stdout#get-stdout' || name === 'wasi:cli/stderr#get-stderr') {
        if (result && typeof result === 'object') stdio.set(result, sink(name.includes('stdout') ? 1 : 2));
      }
      return track(result, name, seq);
    };
  };

  const imports: Record<string, unknown> = {};
  for (const [iface, members] of Object.entries(raw)) {
    if (!members) continue;
    const wrapped: Obj = {};
    for (const [name, value] of Object.entries(members)) {
      const full = `${iface}#${kebab(name)}`;
      if (isClass(value)) {
        wrapped[name] = new Proxy(value, {
          construct(t, args, nt) {
            const seq = guard(`${iface}#[constructor]${kebab(name)}`);
            return track(Reflect.construct(t, args.map(unwrap), nt), full, seq) as object;
          },
          get(t, key, receiver) {
            const v = Reflect.get(t, key, receiver);
            if (key === 'prototype' || typeof v !== 'function' || typeof key !== 'string') return v;
            return wrapFunction((v as AnyFn).bind(t), `${iface}#[static]${kebab(name)}.${kebab(key)}`);
          },
        });
      } else if (typeof value === 'function') {
        wrapped[name] = wrapFunction(value as AnyFn, full);
      } else {
        wrapped[name] = value;
      }
    }
    imports[iface] = wrapped;
  }
  return { imports, tracker };
}
