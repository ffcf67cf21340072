#!/usr/bin/env node
// The jenkinsfile-lint command: reads files, lints each with the shared core, prints a report.

import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import pc from 'picocolors';
import { ConfigError, type Config } from '../core/config.js';
import { lint, type LintResult } from '../core/lint.js';
import { applyEdits, fixEdits } from '../fix/apply.js';
import { FsHost } from '../host/fs-host.js';
import { ConfigLoader } from '../host/load-config.js';
import { writeFixed } from '../host/write-file.js';
import { RULE_CODES } from '../rules/index.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { formatJson } from './formatters/json.js';
import type { FileReport } from './formatters/report.js';
import { formatText } from './formatters/text.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_TROUBLE = 2;
const LIFTOFF_ONLY_MAX_FILES = 20;
/** Fixes can uncover or enable others; stop after this many rounds, as ESLint does. */
const MAX_FIX_PASSES = 10;

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usage(e.message);
  }
  if (opts.help) {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  if (opts.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(pkg.version + '\n');
    return EXIT_OK;
  }
  if (opts.explain !== undefined) return explain(opts.explain);
  if (!opts.files.length) return usage('no files given');

  // A short run never profits from V8 re-compiling the 1 MB grammar wasm with its optimizing tier
  // in the background (measured: ~90 ms of a ~300 ms cold start); a long run does.
  if (opts.files.length <= LIFTOFF_ONLY_MAX_FILES) setFlagsFromString('--liftoff-only');
  const host = new FsHost();
  const configs = new ConfigLoader(opts.config);
  const reports: FileReport[] = [];
  let trouble = false;
  for (const file of opts.files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      process.stderr.write(`jenkinsfile-lint: ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      trouble = true;
      continue;
    }
    const { config } = configs.forFile(file);
    let result = await lint(text, { file, host, config });
    if (opts.fix) result = await fixFile(file, result, host, config);
    // Group by file: the Jenkinsfile as given, then any yamlFile it read, relative to the cwd.
    for (const [f, t] of result.texts) {
      const diagnostics = result.diagnostics.filter((d) => d.file === f);
      if (f === file || diagnostics.length) reports.push({ file: f === file ? file : relative(process.cwd(), resolve(f)), diagnostics, text: t });
    }
  }

  const useColor = opts.format === 'text' && !!process.stdout.isTTY && !('NO_COLOR' in process.env);
  const output = opts.format === 'json' ? formatJson(reports) : formatText(reports, pc.createColors(useColor));
  process.stdout.write(output);
  if (trouble) return EXIT_TROUBLE;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
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

function explain(code: string): number {
  const upper = code.toUpperCase();
  if (!RULE_CODES.has(upper)) return usage(`unknown rule code "${code}" (codes: ${[...RULE_CODES].join(', ')})`);
  process.stdout.write(readFileSync(new URL(`../docs/${upper}.md`, import.meta.url), 'utf8'));
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
