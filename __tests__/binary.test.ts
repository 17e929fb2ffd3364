/** The number fast path of signed LEB128 (data offsets) writes what the BigInt path writes. */
import { Writer, sleb32Size, slebSize } from '../src/engine/binary.js';

describe('sleb32', () => {
  // Around every byte-length boundary, and offsets of 2 GiB and up, which an i32.const wraps.
  const values = [0, 1, 63, 64, -64, -65, 8191, 8192, -8193, 2 ** 20, 2 ** 27 - 1, 2 ** 27, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 0xfffffff0, 0xffffffff];
  test.each(values)('%d', (v) => {
    const wrapped = BigInt.asIntN(32, BigInt(v));
    const expected = new Writer().sleb(wrapped).finish();
    expect(Array.from(new Writer().sleb32(v).finish())).toEqual(Array.from(expected));
    expect(sleb32Size(v)).toBe(expected.length);
    expect(slebSize(wrapped)).toBe(expected.length);
  });
});
