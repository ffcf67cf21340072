// Cold start: the whole `jenkinsfile-lint` process on one typical Jenkinsfile (Maven + Kaniko pod)
// against `node -e 0` — the floor any Node CLI pays — run interleaved so machine noise hits both.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'server', 'bin', 'jenkinsfile-lint.cjs');
const file = join(root, 'examples', 'Jenkinsfile');

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // The linter exits 1 on the example's findings; anything on stderr means it did not really run.
  if ((r.status !== 0 && r.status !== 1) || r.stderr.length) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function coldStart(pairs = 15) {
  time([cli, file]); // warm the OS file cache once
  const lint = [];
  const base = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    const b = time(['-e', '0']);
    const l = time([cli, file]);
    base.push(b);
    lint.push(l);
    ratios.push(l / b);
  }
  return { pairs, lintMs: median(lint), nodeMs: median(base), ratio: median(ratios) };
}

