// Scale: 10,000 Jenkinsfiles (copies of the corpus's, in a temporary tree) through the CLI, on one
// thread and on all cores with worker threads; ShellCheck off (bench/shellcheck.mjs measures it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles } from './throughput.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'server', 'bin', 'jenkinsfile-lint.cjs');

/** The CLI over `dir` with `shellcheck` set in its config; milliseconds. */
export function run(dir, jobs, shellcheck = 'off') {
  const config = join(dir, `shellcheck-${shellcheck}.yaml`);
  writeFileSync(config, `shellcheck: ${shellcheck}\n`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '-o', join(dir, 'report.json'), '--config', config, ...(jobs === undefined ? [] : ['--jobs', String(jobs)]), dir], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  return performance.now() - t0;
}

/** A temporary tree of `count` copies of the corpus's Jenkinsfiles (undefined without the corpus). */
export function corpusTree(count) {
  const seeds = corpusFiles();
  if (!seeds.length) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'jkl-scale-'));
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `repo${Math.floor(i / 100)}`, `p${i}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'Jenkinsfile'), `// copy ${i}\n` + seeds[i % seeds.length].text);
  }
  return dir;
}

export function scale(count = 10_000) {
  const dir = corpusTree(count);
  if (!dir) return undefined;
  try {
    // One thread, then a worker per core (forced: by default the CLI starts workers only from 4 cores).
    const oneMs = run(dir, 0);
    const allMs = run(dir, availableParallelism());
    return { files: count, cores: availableParallelism(), oneCoreFilesPerSecond: (count / oneMs) * 1000, allCoresFilesPerSecond: (count / allMs) * 1000, speedup: oneMs / allMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
