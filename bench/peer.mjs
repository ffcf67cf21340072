// Peer comparison: the same Jenkinsfile through npm-groovy-lint (CodeNarc on Java), the linter
// Jenkins users reach for today, cold (--noserver: a JVM per run) and with its CodeNarc server
// warm, against our CLI run interleaved with it. Needs `npm run bench:peer-setup` (npm-groovy-lint
// into .tools/) and a Java 17 runtime (Debian: openjdk-17-jre-headless); skipped otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const peerDir = join(root, '.tools', 'npm-groovy-lint');
const peer = join(peerDir, 'node_modules', '.bin', 'npm-groovy-lint');
const cli = join(root, 'server', 'bin', 'jenkinsfile-lint.cjs');
const file = join(root, 'examples', 'Jenkinsfile');

function time(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: root });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.error ?? r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = () => time(process.execPath, [cli, file]).ms;

export function peerComparison(coldRuns = 3, warmRuns = 5) {
  if (!existsSync(peer)) return { skipped: 'npm-groovy-lint is not installed: npm run bench:peer-setup' };
  if (spawnSync('java', ['-version']).status !== 0) return { skipped: 'no java on PATH (Debian: apt-get install openjdk-17-jre-headless)' };
  const version = JSON.parse(readFileSync(join(peerDir, 'node_modules', 'npm-groovy-lint', 'package.json'), 'utf8')).version;
  const cold = [];
  const warm = [];
  const mine = [];
  for (let i = 0; i < coldRuns; i++) {
    cold.push(time(peer, ['--noserver', '--output', 'txt', file]).ms);
    mine.push(ours());
  }
  // The first run without --noserver starts the CodeNarc server; later runs reuse it.
  const started = time(peer, ['--output', 'txt', file]).ms;
  let found;
  try {
    for (let i = 0; i < warmRuns; i++) {
      const r = time(peer, ['--output', 'json', file]);
      warm.push(r.ms);
      found ??= JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
      mine.push(ours());
    }
  } finally {
    spawnSync(peer, ['--killserver'], { cwd: root });
  }
  const oursMs = median(mine);
  return {
    version,
    coldMs: median(cold),
    serverStartMs: started,
    warmMs: median(warm),
    oursMs,
    coldRatio: median(cold) / oursMs,
    warmRatio: median(warm) / oursMs,
    // What it reports on the example, by rule: style (CodeNarc), nothing about the pod.
    peerFindings: found?.summary?.detectedRules ?? {},
  };
}
