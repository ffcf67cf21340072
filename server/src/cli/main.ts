#!/usr/bin/env node
// The jenkinsfile-lint command: finds files, lints each with the shared core, reports.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, type Config } from '../core/config.js';
import { SEVERITY_RANK } from '../core/diagnostic.js';
import { lint, type LintResult } from '../core/lint.js';
import { applyEdits, fixEdits } from '../fix/apply.js';
import { FsHost } from '../host/fs-host.js';
import { ConfigLoader } from '../host/load-config.js';
import { writeFixed } from '../host/write-file.js';
import { RULE_CODES } from '../rules/index.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { discover, rebaseIgnores } from './discover.js';
import { format } from './formatters/index.js';
import type { FileReport } from './formatters/report.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_TROUBLE = 2;
const LIFTOFF_ONLY_MAX_FILES = 20;
const PROGRESS_MIN_FILES = 50;
/** Fixes can uncover or enable others; stop after this many rounds, as ESLint does. */
const MAX_FIX_PASSES = 10;
const STDIN_NAME = '<stdin>';

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usage(e.message);
  }
  if (opts.help) return print(HELP);
  if (opts.version) return print(version() + '\n');
  if (opts.explain !== undefined) return explain(opts.explain);
  const configs = new ConfigLoader(opts.config);
  const configFor = (file: string): Config => {
    const { config } = configs.forFile(file);
    return { ...config, rules: { ...config.rules, ...opts.rules } };
  };
  if (opts.printConfig !== undefined) return print(JSON.stringify({ configFile: configs.forFile(opts.printConfig).file ?? null, ...configFor(opts.printConfig) }, null, 2) + '\n');
  if (!opts.patterns.length) return usage('no files given');

  const { files, unmatched } = await discover(opts.patterns, (dir) => {
    const { config, file } = configs.forFile(join(dir, 'Jenkinsfile'));
    return rebaseIgnores(file, config.ignore, dir);
  });
  for (const p of unmatched) process.stderr.write(`jenkinsfile-lint: no Jenkinsfile found for "${p}"\n`);
  if (unmatched.length && opts.errorOnUnmatchedPattern) return EXIT_TROUBLE;

  // A short run never profits from V8 re-compiling the 1 MB grammar wasm with its optimizing tier
  // in the background (measured: ~90 ms of a ~300 ms cold start); a long run does.
  if (files.length <= LIFTOFF_ONLY_MAX_FILES) setFlagsFromString('--liftoff-only');
  const host = new FsHost();
  const progress = process.stderr.isTTY && files.length > PROGRESS_MIN_FILES;
  const reports: FileReport[] = [];
  let trouble = false;
  for (const [i, file] of files.entries()) {
    if (progress) process.stderr.write(`\rjenkinsfile-lint: ${i + 1}/${files.length} files`);
    const name = file === '-' ? (opts.stdinFilename ?? STDIN_NAME) : file;
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      process.stderr.write(`jenkinsfile-lint: ${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      trouble = true;
      continue;
    }
    const config = configFor(name === STDIN_NAME ? join(process.cwd(), 'Jenkinsfile') : name);
    let result = await lint(text, { file: name, host, config });
    if (opts.fix) result = await fixFile(name, result, host, config);
    // Group by file: the Jenkinsfile as given, then any yamlFile it read, relative to the cwd.
    for (const [f, t] of result.texts) {
      const diagnostics = result.diagnostics.filter((d) => d.file === f && (!opts.quiet || d.severity === 'error'));
      if (f === name || diagnostics.length) reports.push({ file: f === name ? name : relative(process.cwd(), resolve(f)), diagnostics, text: t });
    }
  }
  if (progress) process.stderr.write('\r\u001b[K');

  const toTerminal = !opts.outputFile && !!process.stdout.isTTY;
  const output = format(opts.format, reports, {
    color: toTerminal && !('NO_COLOR' in process.env),
    summary: toTerminal,
    cwd: process.cwd(),
    version: version(),
  });
  if (opts.outputFile) writeFileSync(opts.outputFile, output);
  else process.stdout.write(output);
  if (trouble) return EXIT_TROUBLE;
  const all = reports.flatMap((r) => r.diagnostics);
  const overThreshold = all.some((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[opts.severityThreshold]);
  const tooManyWarnings = opts.maxWarnings !== undefined && all.filter((d) => d.severity === 'warning').length > opts.maxWarnings;
  return overThreshold || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/** Applies fixes to the Jenkinsfile and the yamlFiles it reads, re-linting until nothing is left to fix. */
async function fixFile(file: string, first: LintResult, host: FsHost, config: Config): Promise<LintResult> {
  let result = first;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = fixEdits(result.diagnostics);
    if (!edits.size) break;
    for (const [f, list] of edits) {
      const before = result.texts.get(f)!;
      writeFixed(f, before, applyEdits(before, list));
    }
    result = await lint(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { file, host, config });
  }
  return result;
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function explain(code: string): number {
  const upper = code.toUpperCase();
  if (!RULE_CODES.has(upper)) return usage(`unknown rule code "${code}" (codes: ${[...RULE_CODES].join(', ')})`);
  return print(readFileSync(new URL(`../docs/${upper}.md`, import.meta.url), 'utf8'));
}

function print(text: string): number {
  process.stdout.write(text);
  return EXIT_OK;
}

function usage(message: string): number {
  process.stderr.write(`jenkinsfile-lint: ${message}\nTry 'jenkinsfile-lint --help'.\n`);
  return EXIT_TROUBLE;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof ConfigError ? e.message : `internal error: ${(e as Error)?.stack ?? String(e)}`;
    process.stderr.write(`jenkinsfile-lint: ${message}\n`);
    process.exitCode = EXIT_TROUBLE;
  },
);
