// The long fuzz run behind `npm run fuzz`.
import { check, mutate, rng, seeds } from './fuzz-engine.js';

const count = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const inputs = seeds();
const r = rng(seed);
let failed = 0;
const t0 = performance.now();
for (let i = 1; i <= count; i++) {
  const text = mutate(inputs[Math.floor(r() * inputs.length)]!, r);
  const problem = await check(text, 5000);
  if (problem) {
    failed++;
    if (failed <= 10) console.log(`FAIL input ${i} (seed ${seed}): ${problem.slice(0, 500)}`);
  }
  if (i % 10_000 === 0) console.log(`${i} inputs, ${failed} failures, ${((performance.now() - t0) / i).toFixed(2)} ms/input`);
}
console.log(`fuzz: ${count} inputs from ${inputs.length} seed files, seed ${seed}: ${failed} failures in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
