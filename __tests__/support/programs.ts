/** The real programs of fixtures/programs.json, with paths resolved and bytes loaded. */
import fs from 'node:fs';
import path from 'node:path';
import type { PreinitOptions } from '../../src/engine/index.js';

export interface Program {
  name: string;
  wasm: string;
  options: PreinitOptions;
  entry: string;
  expect: number;
  deterministic: boolean;
  bytes: Uint8Array;
}

/** Every program but the large ones (rust-uap's snapshot is ~80 MB), unless asked for by name or 'all'. */
export function programs(names?: string[] | 'all'): Program[] {
  const manifest = JSON.parse(fs.readFileSync('fixtures/programs.json', 'utf8')) as Array<Omit<Program, 'bytes'>>;
  return manifest
    .filter((p) => (names === 'all' || (names ? names.includes(p.name) : p.name !== 'rust-uap')))
    .map((p) => ({
      ...p,
      options: {
        ...p.options,
        inheritStdio: false,
        preopens: p.options.preopens?.map((o) => ({ guest: o.guest, host: path.resolve(o.host) })),
      },
      bytes: new Uint8Array(fs.readFileSync(p.wasm)),
    }));
}
