// Where a small input's whole-process time goes: Node's own start, loading the CLI's modules,
// the library's work in-process (with and without verification) and the CLI as shipped (a
// worker thread per file, which loads the engine's modules again), against the reference.
// Alternating runs, medians. Used by bench/run.mjs.
import path from 'node:path';

export async function runOverhead({ measure, root, wizer, preinit, runs = 7, file = 'fixtures/wasm/c-start-wasi-env.wasm' }) {
  const input = path.join(root, file);
  const inproc = path.join(root, 'bench/inprocess.mjs');
  const out = path.join(root, 'bench/.work/overhead.wasm');
  const cases = [
    ['reference wizer', wizer, ['--allow-wasi', input, '-o', out]],
    ['node -e 0 (Node start only)', process.execPath, ['-e', '0']],
    ['preinit --version (Node + loading the CLI)', process.execPath, [preinit, '--version']],
    ['library in-process, no verification', process.execPath, [inproc, input, out, '{"allowWasi":true,"verify":false}']],
    ['library in-process, verification on', process.execPath, [inproc, input, out, '{"allowWasi":true}']],
    ['preinit CLI (one file: in its own thread, verification on)', process.execPath, [preinit, '--allow-wasi', input, '-o', out]],
  ];
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++) {
    const order = cases.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      const m = await measure(cases[k][1], cases[k][2]);
      times[k].push(m.code === 0 ? m.ms : NaN);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const rows = cases.map(([name], k) => `| ${name} | ${median(times[k]).toFixed(0)} | ${Math.min(...times[k]).toFixed(0)} |`);
  return `## Where a small input's time goes

\`${file}\` (${'--allow-wasi'}), ${runs} alternating runs of each command, wall ms:

| command | median | min |
| --- | --- | --- |
${rows.join('\n')}
`;
}
