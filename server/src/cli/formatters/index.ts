// The output formats, by name.

import { formatCheckstyle } from './checkstyle.js';
import { formatGithub } from './github.js';
import { formatGnu } from './gnu.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import type { FileReport, FormatContext } from './report.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'checkstyle', 'junit', 'gnu', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function format(name: Format, reports: FileReport[], ctx: FormatContext): string {
  switch (name) {
    case 'text':
      return formatText(reports, ctx);
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, ctx);
    case 'checkstyle':
      return formatCheckstyle(reports, ctx.version);
    case 'junit':
      return formatJunit(reports, ctx.fails);
    case 'gnu':
      return formatGnu(reports);
    case 'github':
      return formatGithub(reports);
  }
}
