/**
 * Malformed and hostile files: every one must end in a PreinitError whose message is one line
 * naming the cause, through the library and through the CLI (exit code non-zero, one `error:`
 * line on stderr naming the file, no output file, the input untouched).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writer } from '../src/engine/binary.js';
import { preinitialize, PreinitError } from '../src/engine/index.js';
import { runCli } from './support/cli.js';
import { validates, wat } from './support/wasm.js';

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const bytes = (...parts: Array<number[] | Uint8Array>) => new Uint8Array(parts.flatMap((p) => [...p]));
const text = (s: string) => new TextEncoder().encode(s);

/** A small valid module with an init, used as the base of the truncations. */
const VALID = `(module (memory 1) (global $g (mut i32) (i32.const 0))
  (func $f (export "wizer-initialize") (global.set $g (i32.const 5)) (i32.store (i32.const 8) (i32.const 9)))
  (data (i32.const 0) "abc"))`;

interface Case {
  name: string;
  input: () => Promise<Uint8Array> | Uint8Array;
  /** What the one line must say about the cause. */
  cause: RegExp;
  file?: string;
}

const CASES: Case[] = [
  { name: 'a 0-byte file', input: () => new Uint8Array(0), cause: /empty/ },
  { name: 'a file shorter than the preamble', input: () => bytes([0x00, 0x61, 0x73]), cause: /magic|not a WebAssembly/ },
  { name: 'only the magic, no version', input: () => bytes([0x00, 0x61, 0x73, 0x6d]), cause: /magic|not a WebAssembly|version/ },
  { name: 'a wrong magic', input: () => bytes([0x00, 0x61, 0x73, 0x6e, 1, 0, 0, 0]), cause: /magic|not a WebAssembly/ },
  { name: 'a wrong version', input: () => bytes([0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0], [1, 1, 0]), cause: /version|magic|not a WebAssembly/ },
  {
    name: 'a module truncated inside a section',
    input: async () => {
      const full = await wat(VALID);
      return full.subarray(0, Math.floor(full.length * 0.6));
    },
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'a module truncated inside a function body',
    input: async () => {
      const full = await wat(VALID);
      // Keep the code section header but cut the last body short, with the section size intact.
      return full.subarray(0, full.length - 12);
    },
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'a section size LEB that never ends',
    input: () => bytes(HEADER, [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'a count LEB with too many bytes',
    input: () => bytes(HEADER, [0x01, 0x06, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'a section overrunning the file',
    input: () => bytes(HEADER, [0x01, 0x40, 0x01, 0x60, 0x00, 0x00]),
    cause: /validation failed.*(past end|extends)|failed to parse/,
  },
  {
    name: 'a huge declared type count',
    input: () => bytes(HEADER, [0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x0f]),
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'a huge declared data segment length',
    input: () => bytes(HEADER, [0x05, 0x03, 0x01, 0x00, 0x01], [0x0b, 0x0a, 0x01, 0x00, 0x41, 0x00, 0x0b, 0xff, 0xff, 0xff, 0xff, 0x0f]),
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'a memory minimum beyond 4 GiB',
    input: () => bytes(HEADER, [0x05, 0x05, 0x01, 0x00, 0x80, 0x80, 0x08]),
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'an exported function index out of range',
    // type () -> (); one function; export "wizer-initialize" as function 7; one empty body.
    input: () => bytes(HEADER, [0x01, 0x04, 0x01, 0x60, 0x00, 0x00], [0x03, 0x02, 0x01, 0x00],
      [0x07, 0x14, 0x01, 0x10, ...text('wizer-initialize'), 0x00, 0x07], [0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b]),
    cause: /validation failed/,
  },
  {
    name: 'a call to a function index out of range',
    input: () => bytes(HEADER, [0x01, 0x04, 0x01, 0x60, 0x00, 0x00], [0x03, 0x02, 0x01, 0x00],
      [0x07, 0x14, 0x01, 0x10, ...text('wizer-initialize'), 0x00, 0x00], [0x0a, 0x06, 0x01, 0x04, 0x00, 0x10, 0x63, 0x0b]),
    cause: /validation failed/,
  },
  {
    name: 'a function type index out of range',
    input: () => bytes(HEADER, [0x01, 0x04, 0x01, 0x60, 0x00, 0x00], [0x03, 0x02, 0x01, 0x09], [0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b]),
    cause: /validation failed/,
  },
  {
    name: 'a data segment for a memory that does not exist',
    input: () => bytes(HEADER, [0x0b, 0x09, 0x01, 0x02, 0x03, 0x41, 0x00, 0x0b, 0x01, 0x61, 0x62]),
    cause: /validation failed|failed to parse/,
  },
  {
    name: 'invalid WAT text',
    input: () => text('(module (func (export "wizer-initialize") (i32.add)) (bogus field))'),
    cause: /WAT/,
    file: 'broken.wasm',
  },
  {
    name: 'a PNG header',
    input: () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    cause: /magic|not a WebAssembly/,
    file: 'image.png',
  },
  { name: 'a JSON file', input: () => text('{"name": "not wasm", "version": 1}\n'), cause: /magic|not a WebAssembly/, file: 'package.json' },
  {
    name: 'a component preamble with garbage after it',
    input: () => bytes([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00], [0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03]),
    cause: /component/,
  },
  {
    name: 'a component preamble with an overrunning section',
    input: () => bytes([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00], [0x01, 0x7f, 0x00]),
    cause: /component/,
  },
];

function expectOneLine(message: string): void {
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/[\r\n]/);
  // No stack frames or engine internals leaking.
  expect(message).not.toMatch(/\bat .*\.(js|ts):\d+/);
  expect(message).not.toMatch(/^(TypeError|RangeError|Error|CompileError|RuntimeError)\b/);
}

describe('the library refuses each with one clean line', () => {
  test.each(CASES)('$name', async (c) => {
    const input = await c.input();
    const copy = Uint8Array.from(input);
    let caught: unknown;
    try {
      await preinitialize(input, { stdout: () => {}, stderr: () => {} });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PreinitError);
    const message = (caught as Error).message;
    expectOneLine(message);
    expect(message).toMatch(c.cause);
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  });
});

describe('the CLI refuses each with one `error:` line naming the file, and writes nothing', () => {
  let dir: string;
  beforeAll(() => {
    if (!fs.existsSync(path.resolve('lib/cli/bundle/preinit.js'))) throw new Error('lib/ is not built: run `npm run build:lib` (npm test does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-malformed-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(CASES.map((c, i) => ({ ...c, i })))('$name', async (c) => {
    const sub = path.join(dir, String(c.i));
    fs.mkdirSync(path.join(sub, 'out'), { recursive: true });
    const inFile = path.join(sub, c.file ?? 'input.wasm');
    const outFile = path.join(sub, 'out', 'output.wasm');
    const input = await c.input();
    fs.writeFileSync(inFile, input);
    const { code, stdout, stderr } = await runCli([inFile, '-o', outFile]);
    expect(code).not.toBe(0);
    expect(stdout.toString()).toBe('');
    const lines = stderr.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain(inFile);
    expect(lines[0]).toMatch(c.cause);
    expectOneLine(lines[0]);
    expect(fs.existsSync(outFile)).toBe(false);
    // Nothing else left behind next to the output (no temporary files).
    expect(fs.existsSync(path.dirname(outFile)) ? fs.readdirSync(path.dirname(outFile)) : []).toEqual([]);
    expect(Buffer.from(fs.readFileSync(inFile)).equals(Buffer.from(input))).toBe(true);
  });

  test('in-place (-o equal to the input) on a malformed file leaves the input as it was', async () => {
    const inFile = path.join(dir, 'inplace.wasm');
    const input = bytes(HEADER, [0x01, 0x40, 0x01]);
    fs.writeFileSync(inFile, input);
    const { code, stderr } = await runCli([inFile, '-o', inFile]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^error: .*inplace\.wasm/);
    expect(Buffer.from(fs.readFileSync(inFile)).equals(Buffer.from(input))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('a missing input file is one line naming it', async () => {
    const inFile = path.join(dir, 'does-not-exist.wasm');
    const { code, stderr } = await runCli([inFile, '-o', path.join(dir, 'never.wasm')]);
    expect(code).not.toBe(0);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(inFile);
    expect(fs.existsSync(path.join(dir, 'never.wasm'))).toBe(false);
  });

  test('a directory given as the input is one line naming it', async () => {
    const { code, stderr } = await runCli([dir, '-o', path.join(dir, 'never2.wasm')]);
    expect(code).not.toBe(0);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(dir);
  });
});

describe('the cause is named precisely', () => {
  // A file with the wasm magic but an unknown version is not "a bad magic number".
  test('version 2 is reported as an unsupported version, not a bad magic number', async () => {
    const err = await preinitialize(bytes([0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreinitError);
    expect((err as Error).message).toMatch(/version/);
  });
  // jco's parse error is a Rust `Debug` dump: `Error { kind: Wast(Error { inner: ... kind: Custom("...") } }) }`.
  test('invalid WAT names the parser\'s message and position, without a Rust debug dump', async () => {
    const err = await preinitialize(text('(module (func (export "wizer-initialize") (i32.add)) (bogus field))')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreinitError);
    const message = (err as Error).message;
    expect(message).toContain('expected valid module field');
    expect(message).not.toMatch(/Error \{|ErrorInner|Span \{/);
  });
});

describe('hostile but valid inputs', () => {
  const leb = (n: number) => Array.from(new Writer().u32(n).finish());
  const section = (id: number, payload: Uint8Array | number[]) => Buffer.concat([Buffer.from([id, ...leb(payload.length)]), Buffer.from(payload)]);
  /** init stores 1 at address 8 after `depth` nested empty blocks; `passive` one-byte passive data segments. */
  function build({ depth = 0, passive = 0 }): Uint8Array {
    const open = Buffer.alloc(depth * 2);
    for (let i = 0; i < depth; i++) open.set([0x02, 0x40], 2 * i);
    const body = Buffer.concat([Buffer.from([0]), open, Buffer.alloc(depth, 0x0b), Buffer.from([0x41, 8, 0x41, 1, 0x36, 2, 0, 0x0b])]);
    const parts = [Buffer.from(HEADER), section(1, [1, 0x60, 0, 0]), section(3, [1, 0]), section(5, [1, 0, 1]),
      section(7, [1, 16, ...text('wizer-initialize'), 0, 0])];
    if (passive) parts.push(section(12, leb(passive)));
    parts.push(section(10, Buffer.concat([Buffer.from([1, ...leb(body.length)]), body])));
    if (passive) {
      const segs = Buffer.alloc(passive * 3);
      for (let i = 0; i < passive; i++) segs.set([1, 1, 7], 3 * i);
      parts.push(section(11, Buffer.concat([Buffer.from(leb(passive)), segs])));
    }
    return new Uint8Array(Buffer.concat(parts));
  }

  test('100,000 nested blocks in init: no stack overflow in our scanner', async () => {
    const input = build({ depth: 100_000 });
    expect(validates(input)).toBe(true);
    const { output } = await preinitialize(input);
    expect(validates(output)).toBe(true);
  });

  test('the maximum of 100,000 data segments plus the snapshot\'s: a clean error, no invalid output', async () => {
    const input = build({ passive: 100_000 });
    expect(validates(input)).toBe(true);
    const err = await preinitialize(input).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PreinitError);
    expectOneLine((err as Error).message);
    expect((err as Error).message).toMatch(/100000|100,000/);
  });
});
