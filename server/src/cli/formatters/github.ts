// --format github: GitHub Actions workflow commands, which annotate the pull request's diff.

import { oneBased, printable, type FileReport } from './report.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Workflow-command escaping: data escapes %, CR, LF; property values also : and ,. */
const data = (s: string) => printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(reports: FileReport[]): string {
  return reports
    .flatMap((r) =>
      r.diagnostics.map((d) => {
        const p = oneBased(d);
        const props = `file=${prop(r.file)},line=${p.line},col=${p.column},endLine=${p.endLine},endColumn=${p.endColumn},title=${prop(`${d.code} (jenkinsfile-lint)`)}`;
        return `::${COMMAND[d.severity]} ${props}::${data(d.message)}\n`;
      }),
    )
    .join('');
}
