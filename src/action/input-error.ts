/** A bad input: the step fails with this message alone (no stack). Its own module so parsers outside inputs.ts can throw it. */
export class InputError extends Error {
  override name = 'InputError';
}
