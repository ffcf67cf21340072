// Rules as users name them — in --explain, --rule, the config's and the editor's `rules`, and
// suppression comments: by code in any case (`jkl204`) or by name (`container-not-in-pod`).
// ShellCheck's codes are named the same way in the config and in suppressions.

import { distance } from 'fastest-levenshtein';
import { suggest } from '../schema/validate-pod.js';
import { RULES } from './index.js';
import type { Rule } from './rule.js';

export function findRule(ref: string): Rule | undefined {
  const upper = ref.toUpperCase();
  const lower = ref.toLowerCase();
  return RULES.find((r) => r.code === upper || r.name === lower);
}

/** ShellCheck's codes (`SC2086`, in any case) are not rules of ours, but are named wherever rules are. */
export function shellcheckCode(ref: string): string | undefined {
  return /^sc\d{4}$/i.test(ref) ? ref.toUpperCase() : undefined;
}

/** The code or name closest to an unknown one, for a did-you-mean. */
export function closestRule(ref: string): string | undefined {
  // Codes differ from each other by one digit: only a one-character slip is worth a suggestion.
  if (/^jkl/i.test(ref)) return RULES.find((r) => distance(r.code, ref.toUpperCase()) <= 1)?.code;
  return suggest(ref.toLowerCase(), RULES.map((r) => r.name));
}

/** "unknown rule "x"; did you mean "y"?" */
export function unknownRule(ref: string): string {
  const close = closestRule(ref);
  return `unknown rule "${ref}"` + (close ? `; did you mean "${close}"?` : '');
}
