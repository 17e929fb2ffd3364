// `npm run build:scanner`: compiles src/engine/scanner.wat into src/engine/scanner-wasm.ts (the
// bytes, base64), so a run loads no WAT parser; __tests__/instructions.test.ts checks it is fresh.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bytes = await parse(fs.readFileSync(path.join(root, 'src/engine/scanner.wat'), 'utf8'));
const out = path.join(root, 'src/engine/scanner-wasm.ts');
fs.writeFileSync(out, `// Generated from scanner.wat by \`npm run build:scanner\`: do not edit.\nexport const SCANNER_WASM = '${Buffer.from(bytes).toString('base64')}';\n`);
console.log(`${path.relative(root, out)}: ${bytes.length} bytes of wasm`);
