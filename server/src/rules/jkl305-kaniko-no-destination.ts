import type { Rule } from './rule.js';
import { kanikoRuns, wordLoc } from './kaniko-uses.js';

export const rule: Rule = {
  code: 'JKL305',
  name: 'kaniko-no-destination',
  severity: 'error',
  summary: '`/kaniko/executor` with neither `--destination` nor `--no-push`',
  check(ctx) {
    for (const run of kanikoRuns(ctx)) {
      const { words, flags } = run.call;
      // A word from an interpolation or a shell variable may hold the flags: never guess.
      if (words.some((w) => w.interpolated || w.text.includes('$'))) continue;
      if (flags.has('destination') || flags.get('no-push')?.some((f) => f.value !== 'false')) continue;
      ctx.report({ loc: wordLoc(ctx, run, words[0]!), message: 'you must provide --destination, or use --no-push (Kaniko refuses to start without one)' });
    }
  },
};
