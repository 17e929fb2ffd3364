/** What a snapshot bakes in that the user should know about. */

const NONDETERMINISTIC: Record<string, string> = {
  random_get: 'init read random bytes (random_get): every instance of the snapshot starts with the same "random" state',
  clock_time_get: 'init read a clock (clock_time_get): the snapshot carries that build-time timestamp',
};

export function nondeterminismWarnings(wasiCalls: Record<string, number>): string[] {
  return Object.keys(NONDETERMINISTIC)
    .filter((name) => wasiCalls[name])
    .map((name) => NONDETERMINISTIC[name]);
}
