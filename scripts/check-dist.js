#!/usr/bin/env node
/**
 * Checks that the committed dist/ is exactly what a fresh build gives: builds into a temp
 * directory (from lib/, so run `npm run build:lib` first) and compares every file both ways.
 * Exit 1 with the differing files listed otherwise.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-dist-check-'));
try {
  await bundle(path.join(root, 'lib', 'action', 'main.js'), fresh, { quiet: true });
  const list = (dir) =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort()
      : [];
  const a = list(dist);
  const b = list(fresh);
  const problems = [];
  for (const f of b) {
    if (!a.includes(f)) problems.push(`missing from dist/: ${f}`);
    else if (!fs.readFileSync(path.join(dist, f)).equals(fs.readFileSync(path.join(fresh, f)))) problems.push(`differs: dist/${f}`);
  }
  for (const f of a) if (!b.includes(f)) problems.push(`stale file in dist/: ${f}`);
  if (problems.length) {
    console.error(`dist/ is not a fresh build (run \`npm run build\` and commit dist/):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ is fresh (${b.length} files)`);
  }
} finally {
  fs.rmSync(fresh, { recursive: true, force: true });
}
