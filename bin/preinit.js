#!/usr/bin/env node
// The CLI entry: the compiled library lives in lib/ (built by `npm run build:lib`, run by `npm install` through `prepare`).
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
