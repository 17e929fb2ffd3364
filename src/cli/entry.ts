/**
 * The CLI's process entry, bundled into lib/cli/bundle/preinit.js (scripts/bundle.js). Isolated runs
 * start this same file as a worker (isolate.ts), where only the engine's worker side must run.
 */
import { isolatedWorkerPort } from '../engine/isolate.js';
import { main } from './main.js';

void isolatedWorkerPort().then(async (port) => {
  if (port) return;
  const opened = noteStdio();
  const code = await main(process.argv.slice(2));
  // Ending here skips tearing down the heap and the wasm memories (14 ms of a small file's run),
  // once what is still queued for stdout or stderr (an asynchronous pipe, outside Linux) is out.
  await Promise.all(opened.filter((s) => s.writableLength > 0).map((s) => new Promise((flushed) => s.write('', flushed))));
  process.exit(code);
});

/**
 * process.stdout and process.stderr are made at their first use (a pipe's loads node:net, 7 ms of
 * a small file's run): noted as they are made, so the drain at the end opens none of them.
 */
function noteStdio(): NodeJS.WriteStream[] {
  const opened: NodeJS.WriteStream[] = [];
  for (const name of ['stdout', 'stderr'] as const) {
    const make = Object.getOwnPropertyDescriptor(process, name)!.get!;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: true,
      get() {
        const stream = make.call(process) as NodeJS.WriteStream;
        if (!opened.includes(stream)) opened.push(stream);
        return stream;
      },
    });
  }
  return opened;
}
