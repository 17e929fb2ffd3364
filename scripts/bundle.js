#!/usr/bin/env node
/**
 * Builds dist/ (the shipped action) from lib/action/main.js with @vercel/ncc.
 *
 * The ncc traps handled here, so dist/ runs with no node_modules:
 * 1. jco's vendored components load their core wasm with `fetchCompile(new URL('./x.wasm',
 *    import.meta.url))`. ncc turns each into a hashed asset but reads the bytes as UTF-8 text,
 *    so the emitted file is corrupted. We find every emitted .wasm that is not valid, match it
 *    against the originals in node_modules (the corruption is exactly a UTF-8 round trip) and
 *    write the original bytes under the emitted name. The build fails if any .wasm stays invalid.
 * 2. jco-transpile imports `oxc-minify` (a native binding) at load time; ncc cannot bundle it.
 *    We map it to a small stub module: the engine never asks jco to minify.
 * 3. Binaryen (13 MB, the engine's optional optimizer, one self-contained ES module) stays out of
 *    the bundle: it is copied beside it as dist/binaryen.js and imported natively, only when
 *    `optimize` is on.
 * 4. webpack rewrites every `import(expr)` whose argument is not a string literal into a lookup
 *    in an empty module context, so the engine's import of the JavaScript glue jco generates at
 *    run time (a file in a temp directory) would fail. We bundle a staged copy of lib/ in which
 *    such imports carry `webpackIgnore`, so they stay native imports.
 *
 * The output is byte-for-byte reproducible (Node 20 or 24, any checkout location), but webpack's
 * chunk ids come from module paths relative to the checkout: build where node_modules really is
 * inside the checkout, not behind a symlink to another tree, or the chunk names change.
 *
 * The CLI is bundled too (`--cli`, part of `npm run build:lib`): lib/ in one CommonJS file,
 * lib/cli/bundle/preinit.js, so a run starts neither the ES module loader nor 30 module loads (23 ms
 * less on Node 20, 29 ms on Node 24, for a 30 kB module). npm packages stay native imports
 * resolved from node_modules, and the rarer stages are lazy chunks beside it (`keepPackageImports`).
 *
 * Usage: node scripts/bundle.js [entry] [outDir]    (defaults: lib/action/main.js dist)
 *        node scripts/bundle.js --cli               (lib/cli/entry.js -> lib/cli/bundle/)
 */
import ncc from '@vercel/ncc';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const OXC_STUB = `// Stub for oxc-minify (a native binding ncc cannot bundle). The engine never minifies.
export async function minify() {
  throw new Error('oxc-minify is not included in this bundle');
}
export function minifySync() {
  throw new Error('oxc-minify is not included in this bundle');
}
`;

/** Wasm files that bundled code may load: jco's vendored components and adapters. */
function wasmCandidates() {
  const dirs = [
    'node_modules/@bytecodealliance/jco-transpile/vendor',
    'node_modules/@bytecodealliance/jco/lib',
    'node_modules/@bytecodealliance/jco/obj',
  ];
  const out = [];
  for (const d of dirs) {
    const abs = path.join(root, d);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs)) {
      if (f.endsWith('.wasm')) out.push({ file: path.join(d, f), bytes: fs.readFileSync(path.join(abs, f)) });
    }
  }
  return out;
}

function repairWasmAssets(outDir) {
  const candidates = wasmCandidates();
  const repaired = [];
  for (const name of fs.readdirSync(outDir, { recursive: true })) {
    const file = path.join(outDir, String(name));
    if (!String(name).endsWith('.wasm') || !fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    if (WebAssembly.validate(bytes)) continue;
    const match = candidates.find((c) => Buffer.from(c.bytes.toString('utf8'), 'utf8').equals(bytes));
    if (!match) throw new Error(`bundle: ${name} is not valid wasm and matches no known original`);
    fs.writeFileSync(file, match.bytes);
    repaired.push(`${name} <- ${match.file}`);
  }
  for (const name of fs.readdirSync(outDir, { recursive: true })) {
    const file = path.join(outDir, String(name));
    if (String(name).endsWith('.wasm') && fs.statSync(file).isFile() && !WebAssembly.validate(fs.readFileSync(file))) {
      throw new Error(`bundle: ${name} is still not valid wasm`);
    }
  }
  return repaired;
}

/**
 * Marks `import(<not a string literal>)` as native for webpack, and points Binaryen's import at
 * dist/binaryen.js as a native import too: as a webpack external it would become a static
 * import, evaluated (13 MB) on every start.
 */
export function keepRuntimeImports(source) {
  return source
    .replace(/\bimport\((?=\s*[^\s'"`/)])/g, 'import(/* webpackIgnore: true */ ')
    .replace(/\bimport\((['"])binaryen\1\)/g, "import(/* webpackIgnore: true */ './binaryen.js')");
}

/**
 * For the CLI: package imports stay native (node_modules is there beside lib/), made through
 * `__preinitImport` when bin/preinit.js passes one: an `import()` inside a script compiled from
 * a code cache loses its loader on Node 20 and warns on Node 24. A worker loads the same file the
 * usual way and imports directly. The engine's entry, which every run needs, is kept in the main
 * file (`eager`: still evaluated only when imported); the rarer stages (components, measuring,
 * Binaryen's glue) stay lazy chunks, 6 ms less to compile per run.
 */
export function keepPackageImports(source) {
  const native = "(typeof __preinitImport === 'function' ? __preinitImport : (s) => import(/* webpackIgnore: true */ s))(";
  return source
    .replace(/\bimport\((?=\s*[^\s'"`/)])/g, native)
    .replace(/\bimport\((?=(['"])(?!node:|\.)[^'"]+\1\))/g, native)
    .replace(/\bimport\((?=(['"])\.\/index\.js\1\))/g, 'import(/* webpackMode: "eager" */ ');
}

/** Copies lib/ (JavaScript only) to lib/.ncc-stage with its imports rewritten by `transform`. */
function stageLib(libDir, transform) {
  const stage = path.join(libDir, '.ncc-stage');
  fs.rmSync(stage, { recursive: true, force: true });
  for (const name of fs.readdirSync(libDir, { recursive: true })) {
    const rel = String(name);
    if (rel.startsWith('.ncc-stage') || !rel.endsWith('.js')) continue;
    const dest = path.join(stage, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, transform(fs.readFileSync(path.join(libDir, rel), 'utf8')));
  }
  return stage;
}

/** A build must not depend on where the checkout lives. */
function refuseLeakedPaths(files) {
  const leaked = files.filter((f) => fs.readFileSync(f, 'utf8').includes(root));
  if (leaked.length) throw new Error(`bundle: absolute build paths leaked into ${leaked.map((f) => path.relative(root, f)).join(', ')}`);
}

/** Silent, as tsc beside it in `build:lib`: `npm pack --json` runs it and prints JSON on the same stdout. */
export async function bundleCli() {
  const libDir = path.join(root, 'lib');
  const entry = path.join(libDir, 'cli', 'entry.js');
  if (!fs.existsSync(entry)) throw new Error(`bundle: ${entry} does not exist (run \`tsc -p tsconfig.json\` first)`);
  const stage = stageLib(libDir, keepPackageImports);
  try {
    const { code, assets } = await ncc(path.join(stage, 'cli', 'entry.js'), { esm: false, minify: false, sourceMap: false, quiet: true, target: 'es2022' });
    const outDir = path.join(libDir, 'cli', 'bundle');
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'preinit.js'), code);
    for (const [name, asset] of Object.entries(assets)) fs.writeFileSync(path.join(outDir, name), asset.source);
    // Its chunks are CommonJS .js files inside a "type": "module" package.
    fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
    refuseLeakedPaths(fs.readdirSync(outDir).filter((n) => n.endsWith('.js')).map((n) => path.join(outDir, n)));
    return outDir;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

export async function bundle(entry = path.join(root, 'lib/action/main.js'), outDir = path.join(root, 'dist'), { quiet = false } = {}) {
  if (!fs.existsSync(entry)) throw new Error(`bundle: ${entry} does not exist (run \`npm run build:lib\` first)`);
  const libDir = path.join(root, 'lib');
  if (entry.startsWith(libDir + path.sep)) entry = path.join(stageLib(libDir, keepRuntimeImports), path.relative(libDir, entry));
  const { code, assets } = await ncc(entry, {
    esm: true,
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2022',
    license: 'licenses.txt',
    externals: { 'oxc-minify': './oxc-minify-stub.js' },
  });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'index.js'), code);
  for (const [name, asset] of Object.entries(assets)) {
    const dest = path.join(outDir, name);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, asset.source);
    if (asset.permissions) fs.chmodSync(dest, asset.permissions);
  }
  fs.writeFileSync(path.join(outDir, 'oxc-minify-stub.js'), OXC_STUB);
  // Binaryen (13 MB, one self-contained ES module) is loaded only when `optimize` is on.
  fs.copyFileSync(path.join(root, 'node_modules', 'binaryen', 'index.js'), path.join(outDir, 'binaryen.js'));
  // dist/index.js is ESM: make sure the directory says so even when copied alone.
  fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  const repaired = repairWasmAssets(outDir);
  refuseLeakedPaths(fs.readdirSync(outDir, { recursive: true }).filter((n) => /\.(js|cjs|mjs)$/.test(String(n))).map((n) => path.join(outDir, String(n))));
  if (!quiet) {
    const size = fs.readdirSync(outDir, { recursive: true }).reduce((s, n) => {
      const st = fs.statSync(path.join(outDir, String(n)));
      return st.isFile() ? s + st.size : s;
    }, 0);
    console.log(`bundle: ${path.relative(root, outDir) || outDir} ${(size / 1024 / 1024).toFixed(1)} MiB`);
    for (const r of repaired) console.log(`bundle: repaired ${r}`);
  }
  return { outDir, repaired };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--cli') {
    await bundleCli();
  } else {
    const [entry, out] = args;
    await bundle(entry ? path.resolve(entry) : undefined, out ? path.resolve(out) : undefined);
  }
}
