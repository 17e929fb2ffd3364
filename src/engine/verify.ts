/**
 * Verification: instantiate the output as a user would (imports trap, the start section is
 * gone) and check that it starts in exactly the state init left: every defined memory byte for
 * byte, every mutable global bit for bit, and every defined table entry by entry (the output
 * carries no table state, so a table init changed without a refused instruction is caught here). The output is read with the same parse, instrument
 * and capture code that took the snapshot, so both sides are read the same way.
 *
 * Lean verification (`digestState` + `verifyFile`) is for outputs written to disk: the state is
 * kept as a SHA-256 per 64 KiB block instead of a second copy of every memory, and the file is
 * read once, straight into its instrumented copy, which is freed once compiled.
 */
import { Reader, bufferSource } from './binary.js';
import { fail, PreinitError } from './errors.js';
import { collectGarbage } from './gc.js';
import { instrument, type Instrumented } from './instrument.js';
import { openInput } from './io.js';
import { EXTERNAL, SECTION, parseModule, type ParsedModule } from './parse.js';
import { linkImports, trapMessage } from './run.js';
import { sha256 } from './sha256.js';
import { captureState, type MemoryState, type Snapshot, type State, type TableState } from './snapshot.js';

/** A memory as init left it: its bytes, or (lean) the SHA-256 of each 64 KiB block in a row. */
export type ExpectedMemory = Pick<MemoryState, 'index' | 'pages'> & ({ bytes: Uint8Array } | { blockDigests: Uint8Array });

/** The state init left, as `snapshot` captured it (data segments are not needed). */
export interface ExpectedState {
  globals: Snapshot['globals'];
  memories: ExpectedMemory[];
  /**
   * Tables as init left them: the output carries none of their state, so they must start so.
   * Left out for a component's core module, whose tables other modules' segments fill.
   */
  tables?: TableState[];
}

const BLOCK = 65536;
const DIGEST = 32;

export interface VerifyOptions {
  /**
   * Imports for the output. Default: every import is a function that traps. A core module of a
   * component passes the imports its instance got, since it may import memories, globals, tables.
   */
  imports?: WebAssembly.Imports;
  /** Allow imported memories, globals and tables (a core module inside a component). */
  allowImportedState?: boolean;
  /** Prefix for the error message, e.g. `core module 2 of the component`. */
  label?: string;
  /**
   * Set when the output was renumbered by an optimizer: `expected` indexes refer to this module,
   * and state is matched through export names. Memories keep their indexes when the optimizer
   * kept all of them (it removes unused ones but never reorders); globals are only comparable
   * through exports, because Binaryen may reorder, remove or constant-fold unexported ones.
   */
  renumberedFrom?: ParsedModule;
}

export async function verifyModule(output: Uint8Array, expected: ExpectedState, options: VerifyOptions = {}): Promise<void> {
  const load = async () => {
    const dataAt = await dataSectionStart(output.length, async (at, length) => output.subarray(at, at + length));
    return instrumentHead(output.subarray(0, dataAt), output.length - dataAt, async (into, offset) => into.set(output.subarray(dataAt), offset), {}, options);
  };
  return check(load, expected, options, async () => {});
}

/**
 * Memory the verification may overwrite, taken (the box emptied) when the output is read: a
 * memory init filled, no longer needed once digested. Its pages are backed already; a fresh
 * buffer's are backed one fault at a time as the read fills it, which costs more than the read
 * on some machines (2.7 ms per MiB on the bench's).
 */
export interface Scratch {
  bytes?: Uint8Array<ArrayBuffer>;
  /**
   * The memory `bytes` views, when it is the module's only one: the output is instantiated into
   * it, zeroed, instead of a fresh memory whose pages the segments would back one fault at a
   * time; and the peak stays at twice the memory (it and V8's copy of the output).
   */
  memory?: WebAssembly.Memory;
}

/** The import the output's memory becomes when it is instantiated into `Scratch.memory`. */
const INTO = { module: '__preinit_verify', name: 'memory' };

/** Verifies the output in `file`, holding one copy of it at a time (see above). */
export async function verifyFile(file: string, expected: ExpectedState, scratch: Scratch = {}): Promise<void> {
  return check(() => instrumentFile(file, scratch), expected, {}, collectGarbage);
}

/** The state with every memory reduced to block digests, for `verifyFile`. */
export function digestState(state: State): ExpectedState {
  return { globals: state.globals, tables: state.tables, memories: state.memories.map((m) => ({ index: m.index, pages: m.pages, blockDigests: blockDigests(m.bytes) })) };
}

/** An output made ready to read its state: instrumented, and what capture needs of the parse. */
interface Loaded {
  instrumented: Instrumented;
  mod: Pick<ParsedModule, 'memories' | 'exports' | 'importedMemories' | 'imports'>;
  /** The memory to instantiate the output into (its memory made an import, INTO). */
  into?: WebAssembly.Memory;
}

/**
 * Only what comes before the data section is parsed and instrumented: instrumentation never
 * changes the data section or what follows it, so that tail is put (`putTail`) straight behind
 * the instrumented sections; for a file, read into place, one copy instead of two (the read and
 * the copy). Not validated by the parse: compiling the instrumented copy validates it.
 */
async function instrumentHead(
  head: Uint8Array,
  tailLength: number,
  putTail: (into: Uint8Array, offset: number) => Promise<void>,
  scratch: Scratch,
  options: Pick<VerifyOptions, 'allowImportedState'>,
): Promise<Loaded> {
  const parsed = parseModule(head, { allowImportedState: options.allowImportedState, scanCode: false, validate: false });
  const into = scratch.memory && parsed.memories.length === 1 && parsed.importedMemories === 0 && !parsed.imports.some((i) => i.module === INTO.module) ? scratch.memory : undefined;
  const instrumented = instrument(parsed, into ? { memoryImport: INTO } : {});
  const size = instrumented.bytes.length + tailLength;
  const spare = scratch.bytes;
  scratch.bytes = undefined;
  scratch.memory = undefined;
  const bytes = spare && spare.length >= size ? spare.subarray(0, size) : new Uint8Array(size);
  bytes.set(instrumented.bytes);
  await putTail(bytes, instrumented.bytes.length);
  return {
    instrumented: { ...instrumented, bytes },
    mod: { memories: parsed.memories, exports: parsed.exports, importedMemories: parsed.importedMemories, imports: parsed.imports },
    into,
  };
}

async function instrumentFile(file: string, scratch: Scratch): Promise<Loaded> {
  const input = await openInput(file);
  try {
    const header = new Uint8Array(6);
    const dataAt = await dataSectionStart(input.size, async (at, length) => {
      await input.read(header, 0, length, at);
      return header.subarray(0, length);
    });
    const head = new Uint8Array(dataAt);
    await input.read(head, 0, dataAt, 0);
    return await instrumentHead(head, input.size - dataAt, (into, offset) => input.read(into, offset, input.size - dataAt, dataAt), scratch, {});
  } finally {
    await input.close();
  }
}

/**
 * Where the data section starts (`size` when there is none), from the section headers alone:
 * `header(at, length)` gives `length` bytes at `at`, at most 6 (an id and a u32 LEB).
 */
async function dataSectionStart(size: number, header: (at: number, length: number) => Promise<Uint8Array>): Promise<number> {
  for (let at = 8; at < size; ) {
    const r = new Reader(await header(at, Math.min(6, size - at)));
    if (r.u8() === SECTION.data) return at;
    const payload = r.u32();
    at += r.pos + payload;
  }
  return size;
}

/** `release` runs whenever the previous large buffer became garbage. */
async function check(load: () => Promise<Loaded>, expected: ExpectedState, options: VerifyOptions, release: () => Promise<void>): Promise<void> {
  const prefix = `verification failed${options.label ? ` (${options.label})` : ''}`;
  let actual: State;
  let mod: Loaded['mod'];
  try {
    let loaded: Loaded | undefined = await load();
    mod = loaded.mod;
    const { globals, memories, tables } = loaded.instrumented;
    const compiled = new WebAssembly.Module(bufferSource(loaded.instrumented.bytes));
    const into = loaded.into;
    loaded = undefined;
    await release();
    const imports = options.imports ?? (await linkImports(compiled, {}, undefined));
    if (into) {
      new Uint8Array(into.buffer).fill(0); // the file was read into it
      imports[INTO.module] = { [INTO.name]: into };
    }
    const instance = new WebAssembly.Instance(compiled, imports); // the output has no start function
    actual = captureState(instance, mod, { globals, memories, tables }, imports);
    // Its size is init's: what the output declares is what a fresh instance would start with.
    if (into) actual.memories[0].pages = mod.memories[0].min;
  } catch (err) {
    if (err instanceof PreinitError && err.code === 'IO') throw err;
    fail('VERIFY', `${prefix}: the output cannot be instantiated: ${err instanceof PreinitError ? err.message : trapMessage(err)}`, err);
  }
  const targets = options.renumberedFrom ? renumbering(options.renumberedFrom, mod) : undefined;
  const globals = new Map(actual.globals.map((g) => [g.index, g]));
  for (const g of expected.globals) {
    const target = targets ? targets.globals.get(g.index) : g.index;
    if (target === undefined) continue;
    const a = globals.get(target);
    if (!a) fail('VERIFY', `${prefix}: global ${g.index} is not a mutable global of the output`);
    if (a.bits !== g.bits) fail('VERIFY', `${prefix}: global ${g.index} differs from its value after init`);
  }
  // An optimizer renumbers functions and may drop or shrink tables: then they are not comparable.
  const tables = new Map(actual.tables.map((t) => [t.index, t]));
  for (const t of targets ? [] : expected.tables ?? []) {
    const a = tables.get(t.index);
    if (!a) fail('VERIFY', `${prefix}: table ${t.index} is missing from the output`);
    if (a.entries.length !== t.entries.length) fail('VERIFY', `${prefix}: table ${t.index} has ${a.entries.length} entries, ${t.entries.length} after init (tables are not snapshotted)`);
    const at = t.entries.findIndex((e, i) => e !== a.entries[i]);
    if (at >= 0) fail('VERIFY', `${prefix}: table ${t.index} entry ${at} differs from its state after init (tables are not snapshotted)`);
  }
  const memories = new Map(actual.memories.map((m) => [m.index, m]));
  for (const m of expected.memories) {
    const target = targets ? targets.memories.get(m.index) : m.index;
    if (target === undefined) continue;
    const a = memories.get(target);
    if (!a) fail('VERIFY', `${prefix}: memory ${m.index} is missing from the output`);
    if (a.pages !== m.pages) fail('VERIFY', `${prefix}: memory ${m.index} has ${a.pages} pages, ${m.pages} after init`);
    if ('bytes' in m) {
      const offset = firstDifference(m.bytes, a.bytes);
      if (offset >= 0) fail('VERIFY', `${prefix}: memory ${m.index} differs from its state after init at offset ${offset} (0x${offset.toString(16)})`);
    } else {
      const block = firstDifferentBlock(m.blockDigests, a.bytes);
      if (block >= 0) fail('VERIFY', `${prefix}: memory ${m.index} differs from its state after init in the 64 KiB block at offset ${block * BLOCK} (0x${(block * BLOCK).toString(16)})`);
    }
  }
}

function blockDigest(bytes: Uint8Array, block: number): Buffer {
  const view = bytes.subarray(block * BLOCK, (block + 1) * BLOCK);
  // A whole zero block (much of a memory, often): a native compare, many times faster than hashing.
  if (view.length === BLOCK && Buffer.from(view.buffer, view.byteOffset, BLOCK).equals((zeros.block ??= Buffer.alloc(BLOCK)))) {
    return (zeros.digest ??= sha256().update(zeros.block).digest());
  }
  return sha256().update(view).digest();
}

/** A zero block and its digest, made at the first digest (a small run digests nothing). */
const zeros: { block?: Buffer; digest?: Buffer } = {};

function blockDigests(bytes: Uint8Array): Uint8Array {
  const blocks = Math.ceil(bytes.length / BLOCK);
  const out = new Uint8Array(blocks * DIGEST);
  for (let b = 0; b < blocks; b++) out.set(blockDigest(bytes, b), b * DIGEST);
  return out;
}

/** Index of the first block whose digest differs, -1 when all match. */
function firstDifferentBlock(digests: Uint8Array, bytes: Uint8Array): number {
  const blocks = digests.length / DIGEST;
  for (let b = 0; b < blocks; b++) {
    if (!blockDigest(bytes, b).equals(digests.subarray(b * DIGEST, (b + 1) * DIGEST))) return b;
  }
  return -1;
}

/** Offset of the first differing byte, -1 when equal. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const x = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const y = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (x.length === y.length && x.equals(y)) return -1;
  const n = Math.min(x.length, y.length);
  // Narrow down by halves with the native compare, then finish byte by byte.
  let lo = 0;
  let hi = n;
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (x.subarray(lo, mid).equals(y.subarray(lo, mid))) lo = mid;
    else hi = mid;
  }
  for (let i = lo; i < hi; i++) if (x[i] !== y[i]) return i;
  return n;
}

/**
 * Where the optimizer put what it kept (index before -> index after): globals exported under the
 * same name in both modules; memories by index when it kept them all, else the exported ones.
 */
function renumbering(before: ParsedModule, after: Pick<ParsedModule, 'memories' | 'exports' | 'importedMemories'>) {
  const byName = (kind: number) => {
    const afterIndex = new Map(after.exports.filter((e) => e.kind === kind).map((e) => [e.name, e.index]));
    const map = new Map<number, number>();
    for (const e of before.exports) {
      const target = e.kind === kind ? afterIndex.get(e.name) : undefined;
      if (target !== undefined) map.set(e.index, target);
    }
    return map;
  };
  const keptAll = before.memories.length === after.memories.length && before.importedMemories === after.importedMemories;
  const total = before.importedMemories + before.memories.length;
  return {
    globals: byName(EXTERNAL.global),
    memories: keptAll ? new Map(Array.from({ length: total }, (_, i) => [i, i] as [number, number])) : byName(EXTERNAL.memory),
  };
}
