// The rule registry: an explicit list sorted by code. A test checks that every code here has a
// docs page and fixtures.

import type { Rule } from './rule.js';
import { rule as JKL001 } from './jkl001-yaml-syntax.js';
import { rule as JKL002 } from './jkl002-pod-not-static.js';
import { rule as JKL003 } from './jkl003-yaml-file-unreadable.js';
import { rule as JKL004 } from './jkl004-groovy-syntax.js';
import { rule as JKL005 } from './jkl005-input-limit.js';
import { rule as JKL101 } from './jkl101-pod-unknown-field.js';
import { rule as JKL102 } from './jkl102-pod-wrong-type.js';
import { rule as JKL103 } from './jkl103-pod-missing-required.js';
import { rule as JKL104 } from './jkl104-pod-invalid-value.js';
import { rule as JKL105 } from './jkl105-env-duplicate.js';
import { rule as JKL201 } from './jkl201-kubernetes-unknown-option.js';
import { rule as JKL202 } from './jkl202-cloud-unknown.js';
import { rule as JKL203 } from './jkl203-cloud-not-named.js';
import { rule as JKL204 } from './jkl204-container-not-in-pod.js';
import { rule as JKL205 } from './jkl205-container-name-invalid.js';
import { rule as JKL206 } from './jkl206-container-duplicate.js';
import { rule as JKL207 } from './jkl207-agent-container-command.js';
import { rule as JKL208 } from './jkl208-sidecar-exits.js';
import { rule as JKL209 } from './jkl209-kubernetes-plugin-missing.js';
import { rule as JKL210 } from './jkl210-volume-mount-unknown.js';
import { rule as JKL211 } from './jkl211-pod-label-misuse.js';
import { rule as JKL212 } from './jkl212-deprecated-option.js';
import { rule as JKL213 } from './jkl213-agent-container-base-image.js';
import { rule as JKL301 } from './jkl301-kaniko-container-missing.js';
import { rule as JKL302 } from './jkl302-kaniko-image-no-shell.js';
import { rule as JKL303 } from './jkl303-kaniko-shell-path.js';
import { rule as JKL304 } from './jkl304-kaniko-no-registry-auth.js';
import { rule as JKL305 } from './jkl305-kaniko-no-destination.js';
import { rule as JKL306 } from './jkl306-kaniko-archived-image.js';
import { rule as JKL401 } from './jkl401-declarative-pipeline-section.js';
import { rule as JKL402 } from './jkl402-declarative-stage.js';
import { rule as JKL403 } from './jkl403-declarative-steps.js';
import { rule as JKL404 } from './jkl404-declarative-agent.js';
import { rule as JKL405 } from './jkl405-declarative-environment.js';
import { rule as JKL406 } from './jkl406-declarative-when.js';
import { rule as JKL407 } from './jkl407-declarative-post.js';
import { rule as JKL408 } from './jkl408-declarative-matrix.js';
import { rule as JKL409 } from './jkl409-declarative-directive.js';
import { rule as JKL410 } from './jkl410-declarative-value.js';
import { rule as JKL501 } from './jkl501-step-arguments.js';
import { rule as JKL502 } from './jkl502-step-unknown.js';
import { rule as JKL601 } from './jkl601-script-secret-interpolated.js';
import { rule as JKL602 } from './jkl602-script-bad-substitution.js';
import { rule as JKL901 } from './jkl901-suppression-unused.js';
import { rule as JKL902 } from './jkl902-suppression-unknown-code.js';

export const RULES: readonly Rule[] = [
  JKL001, JKL002, JKL003, JKL004, JKL005, JKL101, JKL102, JKL103, JKL104, JKL105, JKL201, JKL202, JKL203, JKL204, JKL205, JKL206, JKL207, JKL208, JKL209, JKL210, JKL211, JKL212, JKL213, JKL301, JKL302, JKL303, JKL304, JKL305, JKL306, JKL401, JKL402, JKL403, JKL404, JKL405, JKL406, JKL407, JKL408, JKL409, JKL410, JKL501, JKL502, JKL601, JKL602, JKL901, JKL902,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
