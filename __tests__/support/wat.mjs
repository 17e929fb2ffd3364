/**
 * WAT text to binary with wabt, shared by the tests (support/wasm.ts) and the scripts (diffgen,
 * fuzz, fuzz-segment-cap, scale). Plain JS so that scripts can import it without a build.
 */
import wabtInit from 'wabt';

export const ALL_FEATURES = {
  exceptions: true, mutable_globals: true, sat_float_to_int: true, sign_extension: true, simd: true,
  threads: true, function_references: true, multi_value: true, tail_call: true, bulk_memory: true,
  reference_types: true, annotations: true, code_metadata: true, gc: true, memory64: true,
  multi_memory: true, extended_const: true, relaxed_simd: true,
};

/** A compiler for `features`: text in, validated binary out; `names` keeps a `name` section. */
export async function watCompiler(features = ALL_FEATURES) {
  const wabt = await wabtInit();
  return (text, names = false) => {
    const mod = wabt.parseWat('input.wat', text, features);
    try {
      mod.resolveNames();
      mod.validate();
      return new Uint8Array(mod.toBinary({ write_debug_names: names }).buffer);
    } finally {
      mod.destroy();
    }
  };
}
