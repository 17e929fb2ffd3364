/**
 * Real programs built from C, C++ and Rust sources (fixtures/programs, manifest
 * fixtures/programs.json): our snapshot must equal the reference's byte for byte when init is
 * deterministic, and its entry must return what `init(); entry()` returns on the original.
 */
import path from 'node:path';
import { preinitialize, type PreinitOptions } from '../src/engine/index.js';
import { programs } from './support/programs.js';
import { instantiate, reference } from './support/wasm.js';

/** The reference's flags for the same options. */
function referenceArgs(o: PreinitOptions): string[] {
  return [
    ...(o.initFunc ? ['-f', o.initFunc] : []),
    ...(o.keepInitFunc ? ['--keep-init-func'] : []),
    ...(o.allowWasi ? ['--allow-wasi', '--inherit-stdio=false'] : []),
    ...(o.preopens ?? []).flatMap((p) => ['--mapdir', `${p.guest}::${path.resolve(p.host)}`]),
    ...(o.renames ?? []).flatMap((r) => ['-r', `${r.dst}=${r.src}`]),
  ];
}

async function entryResult(bytes: Uint8Array, entry: string): Promise<unknown> {
  return ((await instantiate(bytes)).exports[entry] as () => unknown)();
}

describe.each(programs('all'))('$name', (program) => {
  test('snapshot runs like init(); entry() and matches the reference', async () => {
    const { output, facts } = await preinitialize(program.bytes, program.options);
    expect(await entryResult(output, program.entry)).toBe(program.expect);
    const ref = reference(program.bytes, referenceArgs(program.options));
    if (!ref.ok) throw new Error(`reference failed: ${ref.error}`);
    expect(await entryResult(ref.bytes, program.entry)).toBe(program.expect);
    if (program.deterministic) {
      expect(Buffer.from(output).equals(Buffer.from(ref.bytes))).toBe(true);
    } else {
      // Init read randomness (e.g. Rust's HashMap seed): no two runs agree, ours or the reference's.
      expect(facts.warnings.join('\n')).toMatch(/random_get/);
    }
  });
});
