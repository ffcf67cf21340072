// Command-line arguments, parsed with Node's own util.parseArgs.

import { parseArgs } from 'node:util';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  files: string[];
  format: Format;
  config?: string;
  fix: boolean;
  explain?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: jenkinsfile-lint [options] <file...>

Lints Jenkinsfiles that use Kubernetes agents: the pod YAML against the Kubernetes Pod schema,
containers used by steps, clouds, and Kaniko builds. Offline; no Jenkins needed.

Options:
  -f, --format <text|json>   output format (default: text)
  -c, --config <file>        use this config file instead of the nearest .jenkinsfile-lint.yaml
      --fix                  apply safe fixes in place, then report what is left
      --explain <code>       print a rule's documentation (e.g. --explain JKL302)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors, 1 errors found, 2 usage error, unreadable input or internal failure.

Examples:
  jenkinsfile-lint Jenkinsfile
  jenkinsfile-lint --format json ci/Jenkinsfile.release
  jenkinsfile-lint --fix Jenkinsfile
  jenkinsfile-lint --explain JKL302
`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean', default: false },
        explain: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected one of ${FORMATS.join(', ')})`);
  return {
    files: positionals,
    format: format as Format,
    ...(values.config ? { config: values.config } : {}),
    ...(values.explain !== undefined ? { explain: values.explain } : {}),
    fix: values.fix === true,
    help: values.help === true,
    version: values.version === true,
  };
}
