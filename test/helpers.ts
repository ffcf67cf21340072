// Shared test helpers: lint real files on disk through the built core, the way the CLI does.

import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../server/out/core/lint.js';
import { defaultConfig, type Config } from '../server/out/core/config.js';
import { FsHost } from '../server/out/host/fs-host.js';
import { ConfigLoader } from '../server/out/host/load-config.js';
import type { Diagnostic } from '../server/out/core/diagnostic.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(REPO, 'server', 'bin', 'jenkinsfile-lint.cjs');
export const CORPUS = join(REPO, '..', 'shared', 'corpus');

/** The files below `dir` whose path relative to it passes `keep`, as full paths in sorted order ([] when `dir` is absent). */
export function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => keep(relative(dir, p)))
    .sort();
}

export interface Flat {
  file: string;
  code: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fix?: { title: string; edits: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; newText: string }>; safe: boolean };
}

/** Diagnostics in the 1-based form of the JSON contract, files relative to `base`. */
export function flatten(diags: Diagnostic[], base: string): Flat[] {
  return diags.map((d) => ({
    file: relative(base, d.file) || '.',
    code: d.code,
    severity: d.severity,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    message: d.message,
    ...(d.fix
      ? {
          fix: {
            title: d.fix.title,
            edits: d.fix.edits.map((e) => ({
              file: relative(base, e.file) || '.',
              line: e.range.start.line + 1,
              column: e.range.start.character + 1,
              endLine: e.range.end.line + 1,
              endColumn: e.range.end.character + 1,
              newText: e.newText,
            })),
            safe: d.fix.safe,
          },
        }
      : {}),
  }));
}

/** Lints a file on disk with the config that applies to it (found by walking up). */
export async function lintPath(file: string, opts: { root?: string; config?: Config } = {}) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const config = opts.config ?? new ConfigLoader().forFile(file).config;
  return lint(text, { file, host: new FsHost(opts.root ? { root: opts.root } : {}), config });
}

/** Writes files into a fresh temporary workspace and returns its path. */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jkl-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Lints Jenkinsfile text written into a temporary workspace along with other files. */
export async function lintText(jenkinsfile: string, opts: { files?: Record<string, string>; config?: Config } = {}) {
  const dir = workspace({ Jenkinsfile: jenkinsfile, ...opts.files });
  const result = await lintPath(join(dir, 'Jenkinsfile'), { root: dir, config: opts.config ?? defaultConfig() });
  return { ...result, dir, flat: flatten(result.diagnostics, dir) };
}
