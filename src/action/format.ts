/** Figures as the Markdown shows them: sizes, changes, times, table cells. */

export function formatBytes(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1024) return `${n} B`;
  if (abs < 1024 * 1024) return `${(n / 1024).toFixed(2)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export function signed(n: number, text: string): string {
  return n > 0 ? `+${text}` : n < 0 ? `\u2212${text.replace(/^-/, '')}` : text;
}

/** `+1.20 KiB (+3.1%)`; past +1000% a factor reads better: `+126.95 KiB (×691)`. No colour: growth over the input is expected. */
export function formatGrowth(bytes: number, pct: number | null): string {
  const p = pct === null ? '' : pct >= 1000 ? ` (×${Math.round(1 + pct / 100)})` : ` (${signed(pct, `${pct}%`)})`;
  return `${signed(bytes, formatBytes(bytes))}${p}`;
}

/** A change against the base, coloured: `🔺 +1.20 KiB (+3.1%)`, `🔽 −512 B (−2%)`, `⚪ 0 B`, `🆕 new`. */
export function formatDelta(bytes: number | null, pct: number | null): string {
  if (bytes === null) return '🆕 new';
  if (bytes === 0) return '⚪ 0 B';
  return `${bytes > 0 ? '🔺' : '🔽'} ${formatGrowth(bytes, pct)}`;
}

export function ms(n: number): string {
  if (n >= 100) return `${Math.round(n)} ms`;
  if (n >= 1) return `${n.toFixed(2)} ms`;
  return `${(n * 1000).toFixed(0)} µs`;
}

export function times(n: number): string {
  return `${n.toFixed(2)}×`;
}

/** Table cells must not break the table. */
export function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

export function arrow(a: number, b: number): string {
  return `${formatBytes(a)} → ${formatBytes(b)}`;
}
