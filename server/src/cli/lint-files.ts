// Linting a list of files for the CLI: one after another here, or spread over worker threads when
// there are enough files to pay for starting them. Each file's result is the same either way.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { ConfigError, type Config } from '../core/config.js';
import { lint, lintOversized, MAX_FILE_BYTES, type LintResult } from '../core/lint.js';
import { isPodYamlFile, lintPodYaml } from '../core/lint-pod-yaml.js';
import type { Host } from '../core/host.js';
import { applyEdits, fixEdits } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { FsHost } from '../host/fs-host.js';
import { ConfigLoader } from '../host/load-config.js';
import { withTexts } from '../host/overlay-host.js';
import { readRegularFile } from '../host/read-file.js';
import { FixNotWritten, writeFixed } from '../host/write-file.js';
import type { FileReport } from './formatters/report.js';

/** What a file needs besides its name; plain data, so it can be sent to a worker. */
export interface LintJob {
  configPath?: string;
  ruleOverrides: Config['rules'];
  quiet: boolean;
  /** --fix applies safe fixes, --fix-unsafe every fix; `dryRun` (--fix-dry-run) writes nothing. */
  fix?: { unsafe: boolean; dryRun: boolean };
  stdinFilename?: string;
  /** Whether reports carry the files' texts (only the text format shows excerpts). */
  texts: boolean;
}

export interface FileOutcome {
  reports: FileReport[];
  /** A message for standard error when the file could not be read. */
  error?: string;
  /** What the file held to check, when it was linted. */
  checked?: LintResult['checked'];
  fixed?: FixOutcome;
}

export interface FixOutcome {
  /** Fixes applied (or, in a dry run, that would be). */
  fixes: number;
  /** Files changed (or that would be). */
  files: number;
  /** Unsafe fixes left for --fix-unsafe. */
  unsafeLeft: number;
  /** In a dry run: the changes as a unified diff. */
  diff?: string;
}

const STDIN_NAME = '<stdin>';
/** Below this many files, starting workers costs more than it saves. */
export const WORKER_MIN_FILES = 200;
/** Fixes can uncover or enable others; stop after this many rounds, as ESLint does. */
const MAX_FIX_PASSES = 10;

export class FileLinter {
  private readonly host = new FsHost({ shellcheck: true });
  private readonly configs: ConfigLoader;
  private readonly merged = new WeakMap<Config, Config>();

  constructor(private readonly job: LintJob) {
    this.configs = new ConfigLoader({ ...(job.configPath ? { explicit: job.configPath } : {}), stopAt: process.cwd() });
  }

  /** The config for a file: the nearest config file's (or --config), with --rule overrides on top. */
  configFor(file: string): { config: Config; file?: string } {
    const found = this.configs.forFile(file);
    // One merged config per config file, so that what the core keeps per config is kept across files.
    let config = this.merged.get(found.config);
    if (!config) this.merged.set(found.config, (config = { ...found.config, rules: { ...found.config.rules, ...this.job.ruleOverrides } }));
    return { ...found, config };
  }

  /** Lints one file; whatever goes wrong with it is its outcome's error, never another file's. */
  async lintFile(file: string): Promise<FileOutcome> {
    const name = file === '-' ? (this.job.stdinFilename ?? STDIN_NAME) : file;
    try {
      return await this.lintNamed(file, name);
    } catch (e) {
      // A broken config is every file's problem: the run stops with it (cli/main.ts).
      if (e instanceof ConfigError) throw e;
      return { reports: [], error: `${name}: internal error: ${(e as Error)?.message ?? e}; please report this` };
    }
  }

  private async lintNamed(file: string, name: string): Promise<FileOutcome> {
    const { config } = this.configFor(name === STDIN_NAME ? resolve('Jenkinsfile') : name);
    let result: LintResult;
    if (file === '-') {
      result = await this.lintText(readStdin(), name, config);
    } else {
      const read = readRegularFile(file, MAX_FILE_BYTES);
      if (!read.ok && read.reason === 'too-large') result = await lintOversized('', read.size!, 'bytes', { file: name, host: this.host, config });
      else if (!read.ok) return { reports: [], error: `${name}: ${read.message}` };
      else result = await this.lintText(read.text, name, config);
    }
    let error: string | undefined;
    let fixed: FixOutcome | undefined;
    if (this.job.fix && file !== '-') ({ result, error, fixed } = await this.fix(name, result, config, this.job.fix));
    // ShellCheck asked for (`shellcheck: on`) and missing, or stuck: the findings are not all there.
    if (!error && result.shellcheck?.error) error = `${name}: ${result.shellcheck.error}`;
    // Group by file: the Jenkinsfile as given, then any yamlFile it read, relative to the cwd.
    const reports: FileReport[] = [];
    for (const [f, t] of result.texts) {
      const diagnostics = result.diagnostics.filter((d) => d.file === f && (!this.job.quiet || d.severity === 'error'));
      if (f === name || diagnostics.length) reports.push({ file: f === name ? name : relative(process.cwd(), resolve(f)), diagnostics, text: this.job.texts ? t : '' });
    }
    return { reports, checked: result.checked, ...(error ? { error } : {}), ...(fixed ? { fixed } : {}) };
  }

  /**
   * Fixes the Jenkinsfile and the yamlFiles it reads in memory, re-linting until nothing is left to
   * fix, then writes each changed file once (a dry run writes nothing and returns the diff). A file
   * that cannot be written is an error returned with the findings as the files on disk stand.
   */
  private async fix(file: string, first: LintResult, config: Config, how: NonNullable<LintJob['fix']>): Promise<{ result: LintResult; error?: string; fixed: FixOutcome }> {
    const original = new Map<string, string>();
    const current = new Map<string, string>();
    const fixesIn = new Map<string, number>();
    let result = first;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const taken = fixEdits(result.diagnostics, how.unsafe);
      if (!taken.fixes.size) break;
      for (const [f, n] of taken.fixes) fixesIn.set(f, (fixesIn.get(f) ?? 0) + n);
      for (const [f, list] of taken.byFile) {
        const before = result.texts.get(f)!;
        if (!original.has(f)) original.set(f, before);
        current.set(f, applyEdits(before, list));
      }
      result = await this.lintText(current.get(file) ?? original.get(file) ?? result.texts.get(file)!, file, config, withTexts(this.host, current));
    }
    const changed = [...current].filter(([f, text]) => text !== original.get(f));
    const unsafeLeft = result.diagnostics.filter((d) => d.fix && !d.fix.safe).length;
    const shown = (f: string) => (f === file ? file : relative(process.cwd(), resolve(f)));
    const count = (files: Array<[string, string]>): FixOutcome => ({ fixes: files.reduce((n, [f]) => n + (fixesIn.get(f) ?? 0), 0), files: files.length, unsafeLeft });
    if (how.dryRun) return { result, fixed: { ...count(changed), diff: changed.map(([f, text]) => unifiedDiff(shown(f), original.get(f)!, text)).join('') } };
    const written: Array<[string, string]> = [];
    for (const [f, text] of changed) {
      try {
        writeFixed(f, original.get(f)!, text);
        written.push([f, text]);
      } catch (e) {
        if (!(e instanceof FixNotWritten)) throw e;
        return { result: await this.relint(file, config), error: `${shown(f)} ${e.message}`, fixed: count(written) };
      }
    }
    return { result, fixed: count(written) };
  }

  private async relint(file: string, config: Config): Promise<LintResult> {
    const read = readRegularFile(file, MAX_FILE_BYTES);
    if (!read.ok) throw new Error(`${file} ${read.message} after it was fixed`);
    return this.lintText(read.text, file, config);
  }

  /** A file named `*.yaml` / `*.yml` is a pod YAML on its own; anything else is a Jenkinsfile. */
  private lintText(text: string, file: string, config: Config, host: Host = this.host): Promise<LintResult> {
    return (isPodYamlFile(file) ? lintPodYaml : lint)(text, { file, host, config });
  }
}

/** Standard input, whole (a pipe has no size to check first). */
function readStdin(): string {
  return readFileSync(0, 'utf8').replace(/^\uFEFF/, '');
}

/** How many workers a run of `files` gets (0: lint here). Fixing writes files, so it stays here. */
export function workerCount(files: string[], job: LintJob, requested?: number): number {
  if (job.fix || files.includes('-')) return 0;
  if (requested !== undefined) return Math.min(requested, files.length);
  // Workers pay off only with cores to spare beside the main thread: measured on 2 cores, two
  // workers were slower than none (bench/scale.mjs).
  const cores = availableParallelism();
  if (files.length < WORKER_MIN_FILES || cores < 4) return 0;
  return Math.min(cores - 1, 8, Math.floor(files.length / (WORKER_MIN_FILES / 2)));
}

/**
 * Lints files on `count` worker threads running `entry` (this bundle; see cli/main.ts), keeping the
 * order of `files`. `onDone` is called as files finish, for progress.
 */
export async function lintInWorkers(entry: URL, files: string[], job: LintJob, count: number, onDone: () => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((done, fail) => {
        const worker = new (threads().Worker)(entry, { argv: [WORKER_ARG], workerData: { jenkinsfileLintWorker: job } });
        const feed = () => {
          if (next >= files.length) return void worker.postMessage(null);
          const i = next++;
          worker.postMessage({ i, file: files[i] });
        };
        worker.on('message', (m: { i: number; outcome: FileOutcome }) => {
          outcomes[m.i] = m.outcome;
          onDone();
          feed();
        });
        worker.on('error', fail);
        worker.on('exit', () => done());
        feed();
      }),
    ),
  );
  return outcomes;
}

/**
 * Appended to a worker's argv: cli/main.ts looks for it before loading worker_threads, which costs
 * ~5 ms of every start.
 */
const WORKER_ARG = '--jenkinsfile-lint-worker';
const threads = () => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

/** In a worker thread started by lintInWorkers, serves it and returns true; elsewhere returns false. */
export function serveIfWorker(): boolean {
  if (process.argv[process.argv.length - 1] !== WORKER_ARG) return false;
  const { isMainThread, parentPort, workerData } = threads();
  const job = (workerData as { jenkinsfileLintWorker?: LintJob } | undefined)?.jenkinsfileLintWorker;
  if (isMainThread || !parentPort || !job) return false;
  serveAsWorker(job, parentPort);
  return true;
}

/** The worker side: lint each file it is sent until it is sent null. */
function serveAsWorker(job: LintJob, port: import('node:worker_threads').MessagePort): void {
  const linter = new FileLinter(job);
  port.on('message', (m: { i: number; file: string } | null) => {
    if (!m) return void port.close();
    linter.lintFile(m.file).then(
      (outcome) => port.postMessage({ i: m.i, outcome }),
      (e: unknown) => port.postMessage({ i: m.i, outcome: { reports: [], error: `${m.file}: internal error: ${(e as Error)?.stack ?? e}` } }),
    );
  });
}
