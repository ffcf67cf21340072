// --format checkstyle: the XML Jenkins' Warnings NG, reviewdog and most CI dashboards read.

import { escapeXml, oneBased, type FileReport } from './report.js';

export function formatCheckstyle(reports: FileReport[], version: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<checkstyle version="4.3" generator="jenkinsfile-lint ${escapeXml(version)}">`];
  for (const r of reports) {
    lines.push(`  <file name="${escapeXml(r.file)}">`);
    for (const d of r.diagnostics) {
      const p = oneBased(d);
      lines.push(`    <error line="${p.line}" column="${p.column}" severity="${d.severity}" message="${escapeXml(d.message)}" source="jenkinsfile-lint.${d.code}"/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
}
