// The rule registry: an explicit list sorted by code. A test checks that every code here has a
// docs page and fixtures.

import type { Rule } from './rule.js';
import { rule as JKL001 } from './jkl001-yaml-syntax.js';
import { rule as JKL002 } from './jkl002-pod-not-static.js';
import { rule as JKL003 } from './jkl003-yaml-file-unreadable.js';
import { rule as JKL101 } from './jkl101-pod-unknown-field.js';
import { rule as JKL102 } from './jkl102-pod-wrong-type.js';
import { rule as JKL103 } from './jkl103-pod-missing-required.js';
import { rule as JKL104 } from './jkl104-pod-invalid-value.js';
import { rule as JKL202 } from './jkl202-cloud-unknown.js';
import { rule as JKL203 } from './jkl203-cloud-not-named.js';
import { rule as JKL204 } from './jkl204-container-not-in-pod.js';
import { rule as JKL301 } from './jkl301-kaniko-container-missing.js';
import { rule as JKL302 } from './jkl302-kaniko-image-no-shell.js';

export const RULES: readonly Rule[] = [JKL001, JKL002, JKL003, JKL101, JKL102, JKL103, JKL104, JKL202, JKL203, JKL204, JKL301, JKL302];

export const RULE_CODES: ReadonlySet<string> = new Set(RULES.map((r) => r.code));

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
