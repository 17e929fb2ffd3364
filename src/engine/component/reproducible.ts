/**
 * Reproducible mode for components: the preview2 interfaces whose answers differ between runs or
 * machines are replaced, in the shim's import object, by the fixed sources of ../reproducible.ts.
 * The WASI wrappers (wasi.ts) then count and track these like any other call.
 */
import path from 'node:path';
import { FixedClock, RandomStream, sortNames, stableIno, type Reproducible } from '../reproducible.js';

type Members = Record<string, unknown>;

export function makeReproducible(raw: Record<string, Members>, settings: Reproducible): void {
  const random = new RandomStream(settings.seed);
  const clock = new FixedClock(settings.epoch);
  const seed = new RandomStream(settings.seed, 'insecure-seed');
  const insecureSeed: [bigint, bigint] = [seed.u64(), seed.u64()];
  const replace = (iface: string, members: Members) => {
    if (raw[iface]) raw[iface] = { ...raw[iface], ...members };
  };
  replace('wasi:random/random', { getRandomBytes: (len: bigint) => random.bytes(Number(len)), getRandomU64: () => random.u64() });
  replace('wasi:random/insecure', { getInsecureRandomBytes: (len: bigint) => random.bytes(Number(len)), getInsecureRandomU64: () => random.u64() });
  replace('wasi:random/insecure-seed', { insecureSeed: () => insecureSeed });
  replace('wasi:clocks/wall-clock', {
    now: () => {
      const ns = clock.read();
      return { seconds: ns / 1_000_000_000n, nanoseconds: Number(ns % 1_000_000_000n) };
    },
  });
  // Sleeps do not wait: time jumps to the deadline and the pollable is ready at once.
  const monotonic = raw['wasi:clocks/monotonic-clock'] as { subscribeDuration: (ns: bigint) => unknown } | undefined;
  const ready = monotonic && monotonic.subscribeDuration.bind(monotonic);
  replace('wasi:clocks/monotonic-clock', {
    now: () => clock.read(),
    subscribeDuration: (ns: bigint) => (clock.advanceTo(clock.peek() + ns), ready!(0n)),
    subscribeInstant: (at: bigint) => (clock.advanceTo(at), ready!(0n)),
  });
  // The host's working directory is not the guest's business.
  replace('wasi:cli/environment', { initialCwd: () => undefined });
  const preopens = raw['wasi:filesystem/preopens'] as { getDirectories: () => Array<[object, string]> } | undefined;
  if (preopens) {
    const files = new StableFiles(settings.epoch);
    replace('wasi:filesystem/preopens', { getDirectories: () => preopens.getDirectories().map(([d, guest]) => [files.descriptor(d, guest), guest]) });
  }
}

type AnyFn = (...args: unknown[]) => unknown;
type Stat = { type: string; size: bigint; [key: string]: unknown };

/**
 * Preopened files as reproducible mode shows them, the same as for core modules: every time the
 * epoch, one link, directories of size 0, metadata hashes (the adapter's inode numbers) from the
 * guest path, and listings sorted by name. Descriptors opened below a preopen are wrapped in turn;
 * methods run on the shim's own objects (their private fields do not pass through a proxy).
 */
class StableFiles {
  private readonly targets = new WeakMap<object, object>();
  private readonly time: { seconds: bigint; nanoseconds: number };

  constructor(epoch: number) {
    this.time = { seconds: BigInt(epoch), nanoseconds: 0 };
  }

  descriptor(target: object, guest: string): object {
    const stat = (st: Stat): Stat => ({
      ...st,
      linkCount: 1n,
      size: st.type === 'directory' ? 0n : st.size,
      dataAccessTimestamp: this.time,
      dataModificationTimestamp: this.time,
      statusChangeTimestamp: this.time,
    });
    const below = (sub: string) => path.posix.join(guest, sub);
    return this.wrap(target, (key, call) => {
      switch (key) {
        case 'stat': return () => stat(call() as Stat);
        case 'statAt': return (flags, sub) => stat(call(flags, sub) as Stat);
        case 'metadataHash': return () => ({ upper: 0n, lower: stableIno(guest) });
        case 'metadataHashAt': return (flags, sub) => (call(flags, sub), { upper: 0n, lower: stableIno(below(String(sub))) });
        case 'openAt': return (...args) => this.descriptor(call(...args) as object, below(String(args[1])));
        case 'readDirectory': return () => this.sorted(call() as object);
        default: return undefined;
      }
    });
  }

  /** A directory stream that reads the whole listing first and hands it out in name order. */
  private sorted(target: object): object {
    let entries: Array<{ name: string }> | undefined;
    return this.wrap(target, (key, call) => {
      if (key !== 'readDirectoryEntry') return undefined;
      return () => {
        if (!entries) {
          const all: Array<{ name: string }> = [];
          for (let e = call() as { name: string } | undefined; e; e = call() as { name: string } | undefined) all.push(e);
          const byName = new Map(all.map((e) => [e.name, e]));
          entries = sortNames([...byName.keys()]).map((n) => byName.get(n)!);
        }
        return entries.shift();
      };
    });
  }

  /** A proxy of `target` whose methods `override` may replace; `call` runs the original on the target. */
  private wrap(target: object, override: (key: string, call: AnyFn) => AnyFn | undefined): object {
    const unwrap = (v: unknown) => (v && typeof v === 'object' && this.targets.get(v)) || v;
    const proxy = new Proxy(target, {
      get: (t, key) => {
        const value = Reflect.get(t, key, t);
        if (typeof value !== 'function') return value;
        const call: AnyFn = (...args) => (value as AnyFn).apply(t, args.map(unwrap));
        return (typeof key === 'string' && override(key, call)) || call;
      },
    });
    this.targets.set(proxy, target);
    return proxy;
  }
}
