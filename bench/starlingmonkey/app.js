// A small JS application for the StarlingMonkey row: its top level (run by componentize-js's
// init function inside the engine) builds a lookup table, so init does real JS work on top of
// booting the engine.
const words = [];
for (let i = 0; i < 5000; i++) words.push(`w${(i * 7919) % 10007}`);
const index = new Map(words.map((w, i) => [w, i]));

export function lookup(name) {
  return index.has(name) ? `${name}:${index.get(name)}` : `${name}:missing`;
}
