import type { Rule } from './rule.js';
import { kanikoRuns, mayNotPush, wordLoc } from './kaniko-uses.js';

export const rule: Rule = {
  code: 'JKL305',
  name: 'kaniko-no-destination',
  severity: 'error',
  summary: '`/kaniko/executor` with neither `--destination` nor `--no-push`',
  check(ctx) {
    for (const run of kanikoRuns(ctx)) {
      const { words, flags, unknown } = run.call;
      // A word an interpolation or a shell variable fills may hold the flags: never guess. As a
      // flag's value (`--context $WORKSPACE`) it is only that value.
      if (unknown.length || flags.has('destination') || mayNotPush(ctx, run)) continue;
      ctx.report({ loc: wordLoc(ctx, run, words[0]!), message: 'you must provide --destination, or use --no-push (Kaniko refuses to start without one)' });
    }
  },
};
