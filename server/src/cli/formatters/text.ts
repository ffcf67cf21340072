// --format text: file:line:col, severity, code, message, and the line with a caret under the range.

import { styleText } from 'node:util';
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { printable, type FileReport, type FormatContext } from './report.js';

/** Paints `text` in a style, or leaves it plain when the report is not for a terminal. */
type Colors = (style: Parameters<typeof styleText>[0], text: string) => string;

export function formatText(reports: FileReport[], ctx: FormatContext): string {
  // Node's own styleText: picocolors read process.stdout as it loaded, which loads Node's stream
  // modules, ~8 ms of every cold start, most of which colour nothing. Whether to colour is decided
  // by the caller (NO_COLOR, a terminal), so styleText's own check of the stream is off.
  const c: Colors = ctx.color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    // Lines as LSP and the core count them: a lone CR ends one too.
    const textLines = r.text.split(/\r\n|\r|\n/);
    for (const d of r.diagnostics) {
      count[d.severity]++;
      const where = `${printable(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${c('bold', where)}: ${paint(c, d.severity)} ${c('dim', d.code)} ${printable(d.message)}`);
      lines.push(...excerpt(textLines, d, c));
    }
  }
  if (ctx.summary) {
    // "3 files: 2 pipelines, 4 pod templates; 1 error, 2 warnings": what was checked, so that no
    // findings in a file with no Kubernetes agent is not read as a clean pod.
    const { files, pipelines, podTemplates } = ctx.summary;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    const found = [count.error && plural(count.error, 'error'), count.warning && plural(count.warning, 'warning'), count.info && `${count.info} info`].filter(Boolean).join(', ');
    if (lines.length) lines.push('');
    lines.push(`${plural(files, 'file')}: ${plural(pipelines, 'pipeline')}, ${plural(podTemplates, 'pod template')}; ${found || 'no problems'}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function paint(c: Colors, s: Severity): string {
  return c(s === 'error' ? 'red' : s === 'warning' ? 'yellow' : 'blue', s);
}

function excerpt(textLines: string[], d: Diagnostic, c: Colors): string[] {
  const n = d.range.start.line;
  const raw = textLines[n] ?? '';
  if (raw.length > 200) return [];
  const gutter = String(n + 1);
  // The caret counts UTF-16 units of the raw line; an escaped character is wider, so no caret then.
  const line = printable(raw, true);
  if (line !== raw) return [`${c('dim', gutter + ' |')} ${line}`];
  const start = d.range.start.character;
  const end = d.range.end.line === n ? Math.max(d.range.end.character, start + 1) : line.length;
  // Tabs keep their width under the caret by being echoed as tabs.
  const pad = line.slice(0, start).replace(/[^\t]/g, ' ');
  return [`${c('dim', gutter + ' |')} ${line}`, `${' '.repeat(gutter.length)} ${c('dim', '|')} ${pad}${c('red', '^'.repeat(Math.max(1, Math.min(end, line.length + 1) - start)))}`];
}
