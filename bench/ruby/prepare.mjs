#!/usr/bin/env node
// Prepares the ruby.wasm row of the benchmark: CRuby 3.4 with its standard library packed in
// (npm @ruby/3.4-wasm-wasi, ruby+stdlib.wasm, 30 MB) given a `wizer-initialize` export, as the
// Wizer examples give one: a function that does what the program would do at start-up. Here
// that is what the package's own RubyVM.initialize does (the reactor's `_initialize`, then
// `ruby-init` with its argument list) plus `-rjson -rset`, so init boots the VM and loads two
// libraries from the packed file system. The module goes to bench/.work/ruby/in.wasm (never
// committed: it comes from the npm package).
//
// The function is spliced into the binary (one type, one function, one export, one body), so the
// original code and its indices stay as they are. It calls only exports: cabi_realloc for the
// argument strings, `_initialize`, `ruby-init`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@ruby/3.4-wasm-wasi@2.8.1';
export const RUBY_ARGS = ['ruby.wasm', '-EUTF-8', '-rjson', '-rset', '-e_=0'];

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const work = join(root, 'bench/.work/ruby');

// LEB128 and the section list

function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
function sleb(n) {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}
function readU(bytes, at) {
  let n = 0, shift = 0, b;
  do {
    b = bytes[at++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [n, at];
}

function sections(bytes) {
  const list = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readU(bytes, at + 1);
    list.push({ id, body: bytes.subarray(body, body + size) });
    at = body + size;
  }
  return list;
}

/** A vector section with `extra` entries appended (count rewritten). */
function appendTo(body, extra) {
  const [count, at] = readU(body, 0);
  return Uint8Array.from([...uleb(count + extra.length), ...body.subarray(at), ...extra.flat()]);
}

const name = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];

function functionExports(body) {
  const map = new Map();
  let [count, at] = readU(body, 0);
  for (; count > 0; count--) {
    let len;
    [len, at] = readU(body, at);
    const n = Buffer.from(body.subarray(at, at + len)).toString('utf8');
    const kind = body[at + len];
    let index;
    [index, at] = readU(body, at + len + 1);
    if (kind === 0) map.set(n, index);
  }
  return map;
}

function importedFunctions(body) {
  let funcs = 0;
  let [count, at] = readU(body, 0);
  for (; count > 0; count--) {
    for (let k = 0; k < 2; k++) {
      let len;
      [len, at] = readU(body, at);
      at += len;
    }
    const kind = body[at++];
    if (kind !== 0) throw new Error(`import kind ${kind}: only function imports expected`);
    funcs++;
    [, at] = readU(body, at);
  }
  return funcs;
}

/** The input with an exported `() -> ()` function `wizer-initialize` that calls `_initialize`, then `ruby-init(args)`. */
export function withInit(bytes, args) {
  const list = sections(bytes);
  const get = (id) => list.find((s) => s.id === id);
  const exp = functionExports(get(7).body);
  const fn = (n) => {
    const i = [...exp].find(([k]) => k === n || k.startsWith(`${n}:`))?.[1];
    if (i === undefined) throw new Error(`ruby.wasm has no export ${n}`);
    return i;
  };
  const [types] = readU(get(1).body, 0);
  const [defined] = readU(get(3).body, 0);
  const index = importedFunctions(get(2).body) + defined;

  // locals: $argv (0), $s (1)
  const code = [0x10, ...uleb(fn('_initialize'))];
  const alloc = (align, size) => [0x41, 0, 0x41, 0, 0x41, ...sleb(align), 0x41, ...sleb(size), 0x10, ...uleb(fn('cabi_realloc'))];
  code.push(...alloc(4, args.length * 8), 0x21, 0);
  args.forEach((arg, i) => {
    const s = Buffer.from(`${arg}\0`); // RubyVM.initialize passes C strings
    code.push(...alloc(1, s.length), 0x21, 1);
    s.forEach((b, k) => code.push(0x20, 1, 0x41, ...sleb(b), 0x3a, 0, ...uleb(k)));
    code.push(0x20, 0, 0x20, 1, 0x36, 2, ...uleb(i * 8));
    code.push(0x20, 0, 0x41, ...sleb(s.length), 0x36, 2, ...uleb(i * 8 + 4));
  });
  code.push(0x20, 0, 0x41, ...sleb(args.length), 0x10, ...uleb(fn('ruby-init')), 0x0b);
  const body = [1, 2, 0x7f, ...code];

  const edits = new Map([
    [1, appendTo(get(1).body, [[0x60, 0, 0]])],
    [3, appendTo(get(3).body, [uleb(types)])],
    [7, appendTo(get(7).body, [[...name('wizer-initialize'), 0, ...uleb(index)]])],
    [10, appendTo(get(10).body, [[...uleb(body.length), ...body]])],
  ]);
  const out = [bytes.subarray(0, 8)];
  for (const s of list) {
    const b = edits.get(s.id) ?? s.body;
    out.push(Uint8Array.from([s.id, ...uleb(b.length)]), b);
  }
  return Buffer.concat(out);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = join(work, 'package');
  const wasm = join(pkg, 'dist/ruby+stdlib.wasm');
  if (!existsSync(wasm)) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    execFileSync('npm', ['pack', '--silent', PACKAGE], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['xzf', tgz], { cwd: work });
    rmSync(join(work, tgz));
  }
  const out = withInit(readFileSync(wasm), RUBY_ARGS);
  new WebAssembly.Module(out); // fails here, not in the bench, if the splice is wrong
  writeFileSync(join(work, 'in.wasm'), out);
  console.log(`ruby.wasm: ${join(work, 'in.wasm')} (${out.length} bytes, from ${PACKAGE})`);
}
