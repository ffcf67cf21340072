// --format junit: one test suite per file, one test case per finding (a passing one for a clean
// file), for CI systems that show test reports. Only a finding that fails the run (at the severity
// threshold, or a warning past --max-warnings) is a <failure>; the others are passing cases that
// carry the finding in <system-out>, so a test report fails exactly when the run does.

import type { Diagnostic } from '../../core/diagnostic.js';
import { escapeXml, oneBased, type FileReport } from './report.js';

export function formatJunit(reports: FileReport[], fails: (d: Diagnostic) => boolean): string {
  const count = (r: FileReport) => Math.max(1, r.diagnostics.length);
  const failing = (r: FileReport) => r.diagnostics.filter(fails).length;
  const total = reports.reduce((n, r) => n + count(r), 0);
  const failures = reports.reduce((n, r) => n + failing(r), 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="jenkinsfile-lint" tests="${total}" failures="${failures}" errors="0">`];
  for (const r of reports) {
    const file = escapeXml(r.file);
    lines.push(`  <testsuite name="${file}" tests="${count(r)}" failures="${failing(r)}" errors="0">`);
    if (!r.diagnostics.length) lines.push(`    <testcase name="${file}" classname="jenkinsfile-lint"/>`);
    for (const d of r.diagnostics) {
      const p = oneBased(d);
      const where = `${r.file}:${p.line}:${p.column}`;
      const text = escapeXml(`${where}: ${d.severity} ${d.code} ${d.message}`);
      lines.push(`    <testcase name="${escapeXml(`${d.code} at ${where}`)}" classname="jenkinsfile-lint.${d.code}" file="${file}">`);
      if (fails(d)) lines.push(`      <failure message="${escapeXml(d.message)}" type="${d.severity}">${text}</failure>`);
      else lines.push(`      <system-out>${text}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
