#!/usr/bin/env node
// Batch helper for bench/batch.mjs: what a worker *pool* would give. N worker threads, each
// loading the library once and pre-initializing its share of the files one after another
// (`preinitialize`, no per-file worker, so no per-file timeout: a measurement, not a product).
// Compared with the CLI's batch mode, this shows what the CLI's isolation adds.
//   node bench/batch-pool.mjs <out-dir> <jobs> <flags-json> files...
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [outDir, jobs, flagsJson, ...files] = process.argv.slice(2);
  const options = JSON.parse(flagsJson);
  let next = 0;
  let failed = 0;
  await Promise.all(Array.from({ length: Number(jobs) }, () => new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { outDir, options }, stdout: true, stderr: true });
    const feed = () => (next < files.length ? w.postMessage(files[next++]) : w.postMessage(null));
    w.on('message', (m) => {
      if (m !== 'ok') {
        failed++;
        process.stderr.write(`${m}\n`);
      }
      feed();
    });
    w.on('error', reject);
    w.on('exit', resolve);
    feed();
  })));
  process.exitCode = failed ? 1 : 0;
} else {
  const { preinitialize } = await import('../lib/engine/index.js');
  const { outDir, options } = workerData;
  parentPort.on('message', async (file) => {
    if (file === null) return parentPort.close();
    try {
      const { output } = await preinitialize(new Uint8Array(await readFile(file)), { ...options, stdout: () => {}, stderr: () => {} });
      await writeFile(path.join(outDir, path.basename(file)), output);
      parentPort.postMessage('ok');
    } catch (err) {
      parentPort.postMessage(`${file}: ${err.message}`);
    }
  });
}
