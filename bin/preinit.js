#!/usr/bin/env node
// The CLI: one CommonJS bundle of lib/ (scripts/bundle.js, run by `npm run build:lib` and by
// `npm install` through `prepare`). CommonJS all the way, so no ES module loader starts for a run.
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'lib', 'cli', 'bundle', 'preinit.js');
try {
  require.resolve(bundle);
} catch {
  process.stderr.write(`preinit: ${bundle} is missing: build it with \`npm run build:lib\`\n`);
  process.exit(2);
}
require(bundle);
