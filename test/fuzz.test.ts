// A quick fixed-seed fuzz run (the long one is `npm run fuzz`).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { check, mutate, rng, seeds } from './fuzz-engine.js';

it('survives 400 mutated Jenkinsfiles (seed 1)', async () => {
  const inputs = seeds();
  assert.ok(inputs.length > 50, 'seed files found');
  const r = rng(1);
  const failures: string[] = [];
  for (let i = 0; i < 400; i++) {
    const text = mutate(inputs[Math.floor(r() * inputs.length)]!, r);
    const problem = await check(text, 5000);
    if (problem) failures.push(`input ${i}: ${problem}`);
  }
  assert.deepEqual(failures, []);
});
