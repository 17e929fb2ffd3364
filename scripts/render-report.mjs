// Renders a report's Markdown (report.md, a job summary or a PR comment) as GitHub would, with
// its Mermaid chart, and takes a screenshot in headless Chromium: to look at the report before
// shipping a change to it. Usage: node scripts/render-report.mjs REPORT.md OUT.png [WIDTH]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

const [input, output, width = '900'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/render-report.mjs REPORT.md OUT.png [WIDTH]');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mermaidJs = path.join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
// Mermaid fences become <pre class="mermaid"> as GitHub's renderer treats them.
const renderer = new marked.Renderer();
const plainCode = renderer.code.bind(renderer);
renderer.code = (token) => (token.lang === 'mermaid' ? `<pre class="mermaid">${token.text.replace(/</g, '&lt;')}</pre>` : plainCode(token));
const body = marked.parse(fs.readFileSync(input, 'utf8'), { renderer, gfm: true });
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; margin: 24px; max-width: ${width - 48}px; }
table { border-collapse: collapse; margin: 12px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { background: #f6f8fa; }
code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; } details { margin: 8px 0; }
</style><script src="file://${mermaidJs}"></script></head><body>${body}
<script>mermaid.initialize({ startOnLoad: false, theme: 'default' }); mermaid.run().then(() => { document.title = 'rendered'; });</script>
</body></html>`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinit-render-'));
const page = path.join(dir, 'report.html');
fs.writeFileSync(page, html);
try {
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--allow-file-access-from-files',
    '--virtual-time-budget=5000', `--window-size=${width},2400`, `--screenshot=${path.resolve(output)}`, `file://${page}`], { stdio: ['ignore', 'ignore', 'inherit'] });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${output}`);
