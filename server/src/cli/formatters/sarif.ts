// --format sarif: SARIF 2.1.0 for GitHub code scanning and other viewers. One run; every rule with
// its help URI; locations relative to %SRCROOT% (the current directory).

import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../core/diagnostic.js';
import { RULES } from '../../rules/index.js';
import { DOCS_BASE } from '../../rules/rule.js';
import { SHELLCHECK_WIKI } from '../../shellcheck/findings.js';
import { oneBased, type FileReport, type FormatContext } from './report.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

function uri(file: string, cwd: string): string {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  return rel.split(sep).map(encodeURIComponent).join('/');
}

export function formatSarif(reports: FileReport[], ctx: FormatContext): string {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.code,
    name: r.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.summary },
    fullDescription: { text: r.summary },
    help: { text: `${r.summary}. See ${DOCS_BASE}${r.code}.md` },
    helpUri: `${DOCS_BASE}${r.code}.md`,
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  // ShellCheck's codes, as they occur, each with its wiki page.
  for (const code of new Set(reports.flatMap((r) => r.diagnostics.filter((d) => d.code.startsWith('SC')).map((d) => d.code)))) {
    rules.push({ id: code, shortDescription: { text: `ShellCheck ${code}` }, helpUri: `${SHELLCHECK_WIKI}${code}` });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = reports.flatMap((r) =>
    r.diagnostics.map((d) => {
      const p = oneBased(d);
      return {
        ruleId: d.code,
        ruleIndex: index.get(d.code)!,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uri(r.file, ctx.cwd), uriBaseId: '%SRCROOT%' },
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
      };
    }),
  );
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jenkinsfile-lint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: 'https://github.com/jenkinsfile-lint/jenkinsfile-lint',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
