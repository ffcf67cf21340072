// Command-line arguments, parsed with Node's own util.parseArgs.

import { parseArgs } from 'node:util';
import type { RuleSetting } from '../core/config.js';
import type { Severity } from '../core/diagnostic.js';
import { findRule, shellcheckCode, unknownRule } from '../rules/lookup.js';
import { FORMATS, type Format } from './formatters/index.js';

export interface CliOptions {
  /** Files, directories and globs; `-` is standard input. */
  patterns: string[];
  format: Format;
  outputFile?: string;
  config?: string;
  /** --rule JKLnnn:severity, applied over the config file's rules. */
  rules: Record<string, RuleSetting>;
  severityThreshold: Severity;
  maxWarnings?: number;
  quiet: boolean;
  /** --fix: safe fixes; --fix-unsafe: every fix; --fix-dry-run: the diff of either, nothing written. */
  fix?: { unsafe: boolean; dryRun: boolean };
  stdinFilename?: string;
  /** The files are a change set (pre-commit): YAML files are checked through the Jenkinsfiles that read them. */
  changed: boolean;
  /** Worker threads; undefined: decide from the file count and the cores. */
  jobs?: number;
  errorOnUnmatchedPattern: boolean;
  explain?: string;
  listRules: boolean;
  printConfig?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: jenkinsfile-lint [options] [file|dir|glob|-]...

Lints Jenkinsfiles that use Kubernetes agents: the pod YAML against the Kubernetes Pod schema,
containers used by steps, clouds, and Kaniko builds. Offline; no Jenkins needed. Directories are
searched for Jenkinsfile, Jenkinsfile.*, *.jenkinsfile and *.Jenkinsfile, honouring .gitignore.
A *.yaml or *.yml file named on the command line is checked as a pod YAML on its own.

Output:
  -f, --format <name>            ${FORMATS.join(', ')} (default: text)
  -o, --output-file <file>       write the report to a file instead of standard output
  -q, --quiet                    report errors only

Exit status:
      --severity-threshold <s>   exit 1 when a finding is at least this severe: error, warning, info (default: error)
      --max-warnings <n>         exit 1 when there are more than n warnings

Rules and configuration:
  -c, --config <file>            use this config file instead of the nearest .jenkinsfile-lint.yaml
      --rule <rule:severity>     set a rule's severity (off, info, warning, error), the rule by code
                                 or name (JKL306:off, kaniko-archived-image:off); repeatable
      --print-config <file>      print the configuration that applies to a file, and exit
      --explain <rule>           print a rule's documentation (by code or name), and exit
      --list-rules               list the rules: code, name, default severity, fixable, summary
                                 (--format json for data), and exit

Input and fixes:
      --stdin-filename <path>    the path to report (and find the config from) for standard input
      --fix                      apply the safe fixes in place (those that cannot change what the file
                                 means), then report what is left
      --fix-unsafe               apply every fix, guessed renames and added keep-alives too
      --fix-dry-run              print what --fix (or --fix-unsafe) would change as a unified diff, and
                                 write nothing (exit 1 when there is a change)
      --changed                  the files are a change (the pre-commit hook): lint its Jenkinsfiles and
                                 those that read its YAML files with yamlFile; other YAML is left alone
  -j, --jobs <n>                 worker threads (0: none; default: as many as pay off, up to the cores)
      --no-error-on-unmatched-pattern   exit 0 when no file is found

  -h, --help                     show this help
  -v, --version                  show the version

Exit status: 0 no findings at the threshold, 1 findings, 2 usage error, unreadable input,
broken configuration or internal failure.

Examples:
  jenkinsfile-lint Jenkinsfile
  jenkinsfile-lint .                               # every Jenkinsfile below here
  jenkinsfile-lint --format sarif -o jenkinsfile-lint.sarif .
  jenkinsfile-lint --format checkstyle ci/ > checkstyle.xml
  cat Jenkinsfile | jenkinsfile-lint --stdin-filename Jenkinsfile -
  jenkinsfile-lint ci/pod.yaml                     # a pod YAML on its own
  jenkinsfile-lint --rule JKL306:off --severity-threshold warning Jenkinsfile.release
  jenkinsfile-lint --fix Jenkinsfile
  jenkinsfile-lint --fix-dry-run --fix-unsafe . | git apply
  jenkinsfile-lint --explain JKL302
  jenkinsfile-lint --explain container-not-in-pod
`;

const SEVERITIES = ['error', 'warning', 'info'] as const;
const SETTINGS = ['off', ...SEVERITIES] as const;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q', default: false },
        'severity-threshold': { type: 'string', default: 'error' },
        'max-warnings': { type: 'string' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true, default: [] },
        'print-config': { type: 'string' },
        explain: { type: 'string' },
        'list-rules': { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        fix: { type: 'boolean', default: false },
        'fix-unsafe': { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        changed: { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        'no-error-on-unmatched-pattern': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  const format = v.format!;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected one of ${FORMATS.join(', ')})`);
  const threshold = v['severity-threshold']!;
  if (!(SEVERITIES as readonly string[]).includes(threshold)) throw new UsageError(`--severity-threshold takes error, warning or info, not "${threshold}"`);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not "${v['max-warnings']}"`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const r of v.rule ?? []) {
    const m = /^([\w-]+)[:=](\w+)$/.exec(r);
    if (!m || !(SETTINGS as readonly string[]).includes(m[2]!.toLowerCase())) throw new UsageError(`--rule takes RULE:SEVERITY such as JKL306:off or kaniko-archived-image:off, not "${r}"`);
    const code = findRule(m[1]!)?.code ?? shellcheckCode(m[1]!);
    if (!code) throw new UsageError(`--rule ${r}: ${unknownRule(m[1]!)} (jenkinsfile-lint --list-rules lists them)`);
    rules[code] = m[2]!.toLowerCase() as RuleSetting;
  }
  const fixing = v.fix || v['fix-unsafe'] || v['fix-dry-run'];
  if (fixing && positionals.includes('-')) throw new UsageError('--fix cannot fix standard input');
  if (v['fix-dry-run'] && format !== 'text') throw new UsageError(`--fix-dry-run prints a diff, not ${format}`);
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 0)) throw new UsageError(`--jobs takes a whole number, not "${v.jobs}"`);
  return {
    patterns: positionals,
    format: format as Format,
    ...(v['output-file'] ? { outputFile: v['output-file'] } : {}),
    ...(v.config ? { config: v.config } : {}),
    rules,
    severityThreshold: threshold as Severity,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: v.quiet === true,
    ...(fixing ? { fix: { unsafe: v['fix-unsafe'] === true, dryRun: v['fix-dry-run'] === true } } : {}),
    changed: v.changed === true,
    ...(v['stdin-filename'] ? { stdinFilename: v['stdin-filename'] } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    errorOnUnmatchedPattern: !v['no-error-on-unmatched-pattern'],
    ...(v.explain !== undefined ? { explain: v.explain } : {}),
    listRules: v['list-rules'] === true,
    ...(v['print-config'] !== undefined ? { printConfig: v['print-config'] } : {}),
    help: v.help === true,
    version: v.version === true,
  };
}
