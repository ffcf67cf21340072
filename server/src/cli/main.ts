#!/usr/bin/env node
// The jenkinsfile-lint command: finds files, lints each with the shared core, reports.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../core/config.js';
import { SEVERITY_RANK, type Diagnostic } from '../core/diagnostic.js';
import { packageVersion } from '../core/version.js';
import { compileGrammarForShortRun } from '../parse/parser.js';
import { findRule, shellcheckCode, unknownRule } from '../rules/lookup.js';
import { SHELLCHECK_WIKI } from '../shellcheck/findings.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { affectedBy } from './changed.js';
import { discover, rebaseIgnores } from './discover.js';
import { format } from './formatters/index.js';
import { LIST_FORMATS, listRules } from './list-rules.js';
import { FileLinter, lintInWorkers, serveIfWorker, workerCount, type FileOutcome, type FixOutcome, type LintJob } from './lint-files.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_TROUBLE = 2;
const LIFTOFF_ONLY_MAX_FILES = 20;
const PROGRESS_MIN_FILES = 50;
/** Files linted at once on one thread: their ShellCheck processes overlap (the linting itself is not concurrent). */
const FILES_IN_FLIGHT = 4;

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usage(e.message);
  }
  if (opts.help) return print(HELP);
  if (opts.version) return print(packageVersion() + '\n');
  if (opts.explain !== undefined) return explain(opts.explain);
  if (opts.listRules) {
    if (!(LIST_FORMATS as readonly string[]).includes(opts.format)) return usage(`--list-rules prints ${LIST_FORMATS.join(' or ')}, not ${opts.format}`);
    return print(listRules(opts.format as (typeof LIST_FORMATS)[number]));
  }
  const job: LintJob = {
    ...(opts.config ? { configPath: opts.config } : {}),
    ruleOverrides: opts.rules,
    quiet: opts.quiet,
    ...(opts.fix ? { fix: opts.fix } : {}),
    texts: opts.format === 'text',
    ...(opts.stdinFilename ? { stdinFilename: opts.stdinFilename } : {}),
  };
  // One linter (and so one reading of each config file) serves --print-config, the search's ignore
  // lists and, when no workers are started, the linting itself.
  const linter = new FileLinter(job);
  if (opts.printConfig !== undefined) {
    const { config, file } = linter.configFor(opts.printConfig);
    return print(JSON.stringify({ configFile: file ?? null, ...config }, null, 2) + '\n');
  }
  if (!opts.patterns.length) return usage('no files given');

  const ignoreOf = (dir: string) => {
    const { config, file } = linter.configFor(join(dir, 'Jenkinsfile'));
    return rebaseIgnores(file, config.ignore, dir);
  };
  const found = await discover(opts.patterns, ignoreOf);
  for (const p of found.unmatched) process.stderr.write(`jenkinsfile-lint: no Jenkinsfile found for "${p}"\n`);
  if (found.unmatched.length && opts.errorOnUnmatchedPattern) return EXIT_TROUBLE;
  const files = opts.changed ? await affectedBy(found.files, async (dir) => (await discover([dir], ignoreOf)).files) : found.files;

  if (files.length <= LIFTOFF_ONLY_MAX_FILES) compileGrammarForShortRun();
  // The file count first: asking process.stderr creates it, and its stream modules cost a cold start ~8 ms.
  const progress = files.length > PROGRESS_MIN_FILES && process.stderr.isTTY;
  let done = 0;
  const tick = () => {
    done++;
    if (progress) process.stderr.write(`\rjenkinsfile-lint: ${done}/${files.length} files`);
  };
  const workers = workerCount(files, job, opts.jobs);
  let outcomes: FileOutcome[];
  if (workers) {
    outcomes = await lintInWorkers(new URL(import.meta.url), files, job, workers, tick);
  } else {
    // A few files in flight, so that one file's ShellCheck process runs while the next ones are linted.
    outcomes = new Array<FileOutcome>(files.length);
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const i = next++;
        outcomes[i] = await linter.lintFile(files[i]!);
        tick();
      }
    };
    await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, files.length) }, lane));
  }
  if (progress) process.stderr.write('\r\u001b[K');
  const reports = outcomes.flatMap((o) => o.reports);
  const errors = outcomes.flatMap((o) => (o.error ? [o.error] : []));
  for (const e of errors) process.stderr.write(`jenkinsfile-lint: ${e}\n`);
  const trouble = errors.length > 0;
  if (opts.fix) {
    const fixed = outcomes.flatMap((o) => (o.fixed ? [o.fixed] : []));
    if (!opts.quiet || fixed.some((f) => f.fixes)) process.stderr.write(`jenkinsfile-lint: ${fixSummary(fixed, opts.fix)}\n`);
    if (opts.fix.dryRun) return writeOutput(fixed.map((f) => f.diff ?? '').join(''), opts.outputFile) ?? (trouble ? EXIT_TROUBLE : fixed.some((f) => f.files) ? EXIT_FINDINGS : EXIT_OK);
  }

  const toTerminal = !opts.outputFile && stdoutIsTerminal();
  const all = reports.flatMap((r) => r.diagnostics);
  // What fails the run: a finding at the threshold, or any warning once there are too many.
  const tooManyWarnings = opts.maxWarnings !== undefined && all.filter((d) => d.severity === 'warning').length > opts.maxWarnings;
  const fails = (d: Diagnostic) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[opts.severityThreshold] || (tooManyWarnings && d.severity === 'warning');
  const linted = outcomes.flatMap((o) => (o.checked ? [o.checked] : []));
  const checked = { files: linted.length, pipelines: sum(linted.map((c) => c.pipelines)), podTemplates: sum(linted.map((c) => c.podTemplates)) };
  const output = format(opts.format, reports, {
    color: toTerminal && !('NO_COLOR' in process.env),
    // --quiet: nothing at all when there is nothing to report.
    ...(opts.quiet && !all.length ? {} : { summary: checked }),
    cwd: process.cwd(),
    version: packageVersion(),
    fails,
  });
  const failed = writeOutput(output, opts.outputFile);
  if (failed !== undefined) return failed;
  if (trouble) return EXIT_TROUBLE;
  return all.some(fails) ? EXIT_FINDINGS : EXIT_OK;
}

/** Writes the report (or diff) to --output-file or standard output; EXIT_TROUBLE when it cannot be written. */
function writeOutput(output: string, outputFile: string | undefined): number | undefined {
  if (!outputFile) {
    writeStdout(output);
    return undefined;
  }
  try {
    writeFileSync(outputFile, output);
    return undefined;
  } catch (e) {
    process.stderr.write(`jenkinsfile-lint: cannot write the report to ${outputFile} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return EXIT_TROUBLE;
  }
}

/** `fixed 3 problems in 2 files; 1 more fix with --fix-unsafe` (`would fix` in a dry run). */
function fixSummary(fixed: FixOutcome[], how: NonNullable<CliOptions['fix']>): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const fixes = sum(fixed.map((f) => f.fixes));
  const unsafeLeft = sum(fixed.map((f) => f.unsafeLeft));
  const did = `${how.dryRun ? 'would fix' : 'fixed'} ${n(fixes, 'problem', 'problems')} in ${n(sum(fixed.map((f) => f.files)), 'file', 'files')}`;
  return unsafeLeft && !how.unsafe ? `${did}; ${n(unsafeLeft, 'more fix', 'more fixes')} with --fix-unsafe` : did;
}

function explain(ref: string): number {
  const rule = findRule(ref);
  const sc = shellcheckCode(ref);
  if (sc) return print(`${sc} is ShellCheck's: ${SHELLCHECK_WIKI}${sc}\n`);
  if (!rule) return usage(`--explain: ${unknownRule(ref)} (jenkinsfile-lint --list-rules lists them)`);
  return print(readFileSync(new URL(`../docs/${rule.code}.md`, import.meta.url), 'utf8'));
}

function sum(ns: number[]): number {
  return ns.reduce((a, b) => a + b, 0);
}

function print(text: string): number {
  writeStdout(text);
  return EXIT_OK;
}

function usage(message: string): number {
  process.stderr.write(`jenkinsfile-lint: ${message}\nTry 'jenkinsfile-lint --help'.\n`);
  return EXIT_TROUBLE;
}

if (!serveIfWorker()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const message = e instanceof ConfigError ? e.message : `internal error: ${(e as Error)?.stack ?? String(e)}`;
      // A broken config may have several problems: one line each.
      process.stderr.write(message.split('\n').map((line) => `jenkinsfile-lint: ${line}\n`).join(''));
      process.exitCode = EXIT_TROUBLE;
    },
  );
}
