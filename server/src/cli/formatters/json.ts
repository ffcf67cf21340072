// --format json: the stable machine contract. 1-based lines and columns.

import { oneBased, type FileReport } from './report.js';

export function formatJson(reports: FileReport[]): string {
  const out = reports.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, ...oneBased(d) })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
