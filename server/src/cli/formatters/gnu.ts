// --format gnu: `file:line:col: severity: message [code]`, what editors' quickfix lists and
// compilation modes read.

import { oneBased, type FileReport } from './report.js';

export function formatGnu(reports: FileReport[]): string {
  return reports.flatMap((r) => r.diagnostics.map((d) => `${r.file}:${oneBased(d).line}:${oneBased(d).column}: ${d.severity}: ${d.message} [${d.code}]\n`)).join('');
}
