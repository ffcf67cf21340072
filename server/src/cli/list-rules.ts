// --list-rules: every rule in the registry, with its code, name, default severity, whether it
// offers a fix, and what it reports; as a table, or with --format json as data.

import { RULES } from '../rules/index.js';
import { DOCS_BASE } from '../rules/rule.js';

export const LIST_FORMATS = ['text', 'json'] as const;

export function listRules(format: (typeof LIST_FORMATS)[number]): string {
  const rows = RULES.map((r) => ({ code: r.code, name: r.name, severity: r.severity, fixable: r.fixable ?? [], summary: r.summary, docs: `${DOCS_BASE}${r.code}.md` }));
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const table = [['code', 'name', 'default', 'fixable', 'summary'], ...rows.map((r) => [r.code, r.name, r.severity, r.fixable.join(', '), r.summary])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n') + '\n';
}
