/**
 * Reproducible mode for components: the preview2 interfaces whose answers differ between runs or
 * machines are replaced, in the shim's import object, by the fixed sources of ../reproducible.ts.
 * The WASI wrappers (wasi.ts) then count and track these like any other call.
 */
import { FixedClock, RandomStream, type Reproducible } from '../reproducible.js';

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
}
