#!/usr/bin/env node
// The CLI: one CommonJS bundle of lib/ (scripts/bundle.js, run by `npm run build:lib` and by
// `npm install` through `prepare`). CommonJS all the way, so no ES module loader starts for a run.
// The bundle is compiled with a V8 code cache kept beside it, one per bundle file and V8 version:
// a small file's run otherwise compiles each of our functions first (0.93x with it, Node 20).
// Whoever can write that directory can write the bundle too, so the cache adds no one to trust;
// where it cannot be written, none is kept.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, '..', 'lib', 'cli', 'bundle', 'preinit.js');
let source;
try {
  source = fs.readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write(`preinit: ${bundle} is missing: build it with \`npm run build:lib\`\n`);
  process.exit(2);
}
// V8 checks only a cache's length against the source: the name carries the bundle file's inode,
// size and change time, which any rewrite of it changes (hashing it would load node:crypto, 4 ms).
const { ino, size, ctimeNs } = fs.statSync(bundle, { bigint: true });
const cacheFile = `${bundle}.${ino}-${size}-${ctimeNs}.${process.arch}-v8-${process.versions.v8}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // none yet
}
// The bundle's package imports go through `__preinitImport` (see scripts/bundle.js).
const wrapper = `(function (exports, require, module, __filename, __dirname, __preinitImport) {${source}\n})`;
const script = new vm.Script(wrapper, { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  });
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle), (specifier) => import(specifier));
