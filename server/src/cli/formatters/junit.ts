// --format junit: one test suite per file, one failing test case per finding (a passing one for a
// clean file), for CI systems that show test reports.

import { escapeXml, oneBased, type FileReport } from './report.js';

export function formatJunit(reports: FileReport[]): string {
  const total = reports.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  const failures = reports.reduce((n, r) => n + r.diagnostics.length, 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="jenkinsfile-lint" tests="${total}" failures="${failures}" errors="0">`];
  for (const r of reports) {
    const file = escapeXml(r.file);
    lines.push(`  <testsuite name="${file}" tests="${Math.max(1, r.diagnostics.length)}" failures="${r.diagnostics.length}" errors="0">`);
    if (!r.diagnostics.length) lines.push(`    <testcase name="${file}" classname="jenkinsfile-lint"/>`);
    for (const d of r.diagnostics) {
      const p = oneBased(d);
      const where = `${r.file}:${p.line}:${p.column}`;
      lines.push(`    <testcase name="${escapeXml(`${d.code} at ${where}`)}" classname="jenkinsfile-lint.${d.code}" file="${file}">`);
      lines.push(`      <failure message="${escapeXml(d.message)}" type="${d.severity}">${escapeXml(`${where}: ${d.severity} ${d.code} ${d.message}`)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
