// Parses Mermaid texts (a JSON array on stdin) with Mermaid's own parser and prints, per text,
// the diagram type or the parse error. Its own process: Mermaid needs a DOM, which jsdom gives,
// and jest's guarded globals cannot take a window.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import('mermaid');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    results.push({ type: (await mermaid.parse(text)).diagramType });
  } catch (err) {
    results.push({ error: String(err.message ?? err).split('\n').slice(0, 3).join(' ') });
  }
}
process.stdout.write(JSON.stringify(results));
