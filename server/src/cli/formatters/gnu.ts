// --format gnu: `file:line:col: severity: message [code]`, what editors' quickfix lists and
// compilation modes read.

import { oneBased, printable, type FileReport } from './report.js';

export function formatGnu(reports: FileReport[]): string {
  return reports.flatMap((r) => r.diagnostics.map((d) => `${printable(r.file)}:${oneBased(d).line}:${oneBased(d).column}: ${d.severity}: ${printable(d.message)} [${d.code}]\n`)).join('');
}
