// The instruction scanner against the binary format: opcodes of the reference-type family
// (0xd0–0xd6) carry exactly the immediates the spec gives them. A wrong width swallows or
// invents the next opcode, so a banned instruction is missed or reported where there is none.
import { Reader } from '../src/engine/binary.js';
import { readInstruction } from '../src/engine/instructions.js';

/** Scans a whole expression; returns the opcodes read and the first banned name. */
function scan(bytes: number[]): { ops: number[]; banned?: string } {
  const r = new Reader(Uint8Array.from(bytes));
  const ops: number[] = [];
  while (!r.done) {
    const { op, banned } = readInstruction(r);
    ops.push(op);
    if (banned) return { ops, banned };
  }
  return { ops };
}

describe('instruction scanner', () => {
  test('ref.as_non_null (0xd4) has no immediate: the table.set after it is found', () => {
    // i32.const 0; ref.func 0; ref.as_non_null; table.set 0; end
    expect(scan([0x41, 0x00, 0xd2, 0x00, 0xd4, 0x26, 0x00, 0x0b])).toEqual({ ops: [0x41, 0xd2, 0xd4, 0x26], banned: 'table.set' });
  });

  test('br_on_null (0xd5) takes a label: a label byte 0x26 is not a table.set', () => {
    // block; ref.null func; br_on_null 38; drop; end; end
    expect(scan([0x02, 0x40, 0xd0, 0x70, 0xd5, 0x26, 0x1a, 0x0b, 0x0b])).toEqual({ ops: [0x02, 0xd0, 0xd5, 0x1a, 0x0b, 0x0b] });
  });

  test('br_on_non_null (0xd6) takes a label, ref.is_null and ref.eq none', () => {
    expect(scan([0xd6, 0xcb, 0x01, 0xd1, 0xd3, 0x0b])).toEqual({ ops: [0xd6, 0xd1, 0xd3, 0x0b] });
  });
});
