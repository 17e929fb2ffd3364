#!/usr/bin/env node
// The library in this process, no worker thread: node bench/inprocess.mjs IN OUT [options-json]
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, json] = process.argv.slice(2);
const { preinitialize } = await import('../lib/engine/index.js');
const result = await preinitialize(new Uint8Array(readFileSync(input)), { ...JSON.parse(json ?? '{}'), stdout: () => {}, stderr: () => {} });
writeFileSync(output, result.output);
