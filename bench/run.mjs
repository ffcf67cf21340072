// npm run bench: every benchmark, each printed as a ratio against a baseline measured in the same run.
import { coldStart } from './cold-start.mjs';

const r = coldStart(Number(process.env.BENCH_PAIRS ?? 15));
console.log(`cold start: jenkinsfile-lint ${r.lintMs.toFixed(1)} ms vs node -e 0 ${r.nodeMs.toFixed(1)} ms — median ratio ${r.ratio.toFixed(2)}× over ${r.pairs} interleaved pairs (target ≤ 2.0)`);
