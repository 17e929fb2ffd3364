#!/usr/bin/env node
/**
 * Builds the bundled examples: examples/src/*.wat -> examples/wasm/*.wasm (core modules with
 * wabt, components with jco's WAT parser). The .wasm files are committed so the CI workflow
 * and `npm run demo` need no build step; run this after editing a .wat file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'examples', 'src');
const out = path.join(root, 'examples', 'wasm');
fs.mkdirSync(out, { recursive: true });
const wabt = await wabtInit();
for (const name of fs.readdirSync(src).filter((f) => f.endsWith('.wat')).sort()) {
  const text = fs.readFileSync(path.join(src, name), 'utf8');
  let bytes;
  if (/^\s*(;;[^\n]*\n\s*)*\(component\b/.test(text)) {
    const { parse } = await import('@bytecodealliance/jco');
    bytes = await parse(text);
  } else {
    const mod = wabt.parseWat(name, text, { multi_value: true, bulk_memory: true });
    try {
      mod.validate();
      bytes = mod.toBinary({}).buffer;
    } finally {
      mod.destroy();
    }
  }
  const dest = path.join(out, name.replace(/\.wat$/, '.wasm'));
  fs.writeFileSync(dest, bytes);
  console.log(`${path.relative(root, dest)}: ${bytes.length} bytes`);
}
