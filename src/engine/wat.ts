/** WAT, which the reference takes wherever it takes a module (inputs, preloads), to binary. */
import { fail } from './errors.js';

/** wasm-tools reports WAT errors as a Rust debug dump; keep the message and its position. */
function watError(dump: string): string {
  const message = /kind: (?:Custom|Lex)\("((?:[^"\\]|\\.)*)"\)/.exec(dump)?.[1] ?? dump.split('\n')[0];
  const at = /line: (\d+), col: (\d+)/.exec(dump);
  return at ? `${message.replace(/\\"/g, '"')} (line ${Number(at[1]) + 1}, column ${Number(at[2]) + 1})` : message;
}

/** WAT text in, binary out, through jco's wasm-tools parser (what `wasmtime wizer` accepts). */
export async function watToBinary(text: Uint8Array): Promise<Uint8Array> {
  const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  try {
    return await parse(new TextDecoder().decode(text));
  } catch (err) {
    fail('INVALID_INPUT', `failed to parse WAT: ${watError(String(err instanceof Error ? err.message : err))}`, err);
  }
}
