// Runs the `shellcheck` program found on PATH over scripts written to a private temporary folder: one
// process for all of a file's scripts, never through a shell, killed past a time limit. The scripts
// are data to it (files it reads), never commands.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ShellcheckComment, ShellcheckRun } from '../core/host.js';

/** A Jenkinsfile's scripts take ShellCheck tens of milliseconds; past this it is stuck. */
export const SHELLCHECK_TIMEOUT_MS = 10_000;
/** More output than any real file's scripts produce: the rest is not read. */
const MAX_OUTPUT_CHARS = 16 * 1024 * 1024;

/** `signal`: aborting it kills the process (the language server's user typed on; its comments would be stale). */
export async function runShellcheck(scripts: readonly string[], exclude: readonly string[], signal?: AbortSignal, timeoutMs = SHELLCHECK_TIMEOUT_MS): Promise<ShellcheckRun> {
  // Loaded on first use: a lint without sh scripts (and every cold start) never pays for them.
  const require = createRequire(import.meta.url);
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const { mkdtemp, rm, writeFile } = require('node:fs/promises') as typeof import('node:fs/promises');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'jenkinsfile-lint-shellcheck-'));
  try {
    const names = scripts.map((_, i) => `${i}.sh`);
    await Promise.all(scripts.map((s, i) => writeFile(join(dir, names[i]!), s, { mode: 0o600 })));
    const args = ['--format=json1', '--norc', ...(exclude.length ? [`--exclude=${exclude.join(',')}`] : []), '--', ...names];
    if (signal?.aborted) return cancelled;
    return await new Promise<ShellcheckRun>((resolve) => {
      const child = spawn('shellcheck', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true, ...(signal ? { signal, killSignal: 'SIGKILL' as const } : {}) });
      let out = '';
      let err = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve({ ok: false, reason: 'timeout', message: `shellcheck did not finish within ${timeoutMs} ms` });
      }, timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        if (out.length < MAX_OUTPUT_CHARS) out += d;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        if (err.length < 4096) err += d;
      });
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (signal?.aborted) return resolve(cancelled);
        resolve(e.code === 'ENOENT' ? { ok: false, reason: 'missing', message: 'shellcheck is not installed (not found on PATH)' } : { ok: false, reason: 'failed', message: `shellcheck could not run: ${e.message}` });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (signal?.aborted) return resolve(cancelled);
        // 0: nothing to say, 1: comments; anything else is a failure (bad options, unreadable files).
        if (code !== 0 && code !== 1) return resolve({ ok: false, reason: 'failed', message: `shellcheck failed (exit ${code}): ${err.trim().split('\n')[0] ?? ''}` });
        resolve(parse(out, names));
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const cancelled: ShellcheckRun = { ok: false, reason: 'cancelled', message: 'the run was stopped: the document was edited' };

function parse(out: string, names: string[]): ShellcheckRun {
  let parsed: { comments?: Array<ShellcheckComment & { file: string }> };
  try {
    parsed = JSON.parse(out || '{"comments":[]}') as typeof parsed;
  } catch {
    return { ok: false, reason: 'failed', message: 'shellcheck printed no JSON' };
  }
  const byFile = names.map((): ShellcheckComment[] => []);
  for (const c of parsed.comments ?? []) {
    const k = names.indexOf(c.file);
    if (k >= 0) byFile[k]!.push({ line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn, level: c.level, code: c.code, message: c.message });
  }
  return { ok: true, comments: byFile };
}
