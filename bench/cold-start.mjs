// Cold start: the whole `jenkinsfile-lint` process on one typical Jenkinsfile (Maven + Kaniko pod)
// against `node -e 0` — the floor any Node CLI pays — run interleaved so machine noise hits both.
// The example is linted in a folder of its own whose config sets `shellcheck` (off for the cold start:
// its three sh scripts would otherwise start ShellCheck, measured apart in bench/shellcheck.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cli = join(root, 'server', 'bin', 'jenkinsfile-lint.cjs');

/** A folder holding the example Jenkinsfile and a config with `shellcheck: <mode>`; returns the file's path. */
export function exampleWith(shellcheck) {
  const dir = mkdtempSync(join(tmpdir(), 'jkl-bench-'));
  copyFileSync(join(root, 'examples', 'Jenkinsfile'), join(dir, 'Jenkinsfile'));
  writeFileSync(join(dir, '.jenkinsfile-lint.yaml'), `shellcheck: ${shellcheck}\n`);
  return join(dir, 'Jenkinsfile');
}

const file = exampleWith('off');

/** The whole `node args` process, run in `cwd` (where the linter finds the config beside the file). */
export function time(args, cwd = root) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // The linter exits 1 on the example's findings; anything on stderr means it did not really run.
  if ((r.status !== 0 && r.status !== 1) || r.stderr.length) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function coldStart(pairs = 15) {
  const cwd = dirname(file);
  time([cli, file], cwd); // warm the OS file cache once
  const lint = [];
  const base = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    const b = time(['-e', '0']);
    const l = time([cli, file], cwd);
    base.push(b);
    lint.push(l);
    ratios.push(l / b);
  }
  return { pairs, lintMs: median(lint), nodeMs: median(base), ratio: median(ratios) };
}

