// --format json: the stable machine contract. 1-based lines and columns.

import type { FileReport } from './report.js';

export function formatJson(reports: FileReport[]): string {
  const out = reports.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
