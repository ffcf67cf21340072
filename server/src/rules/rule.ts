// The shape of a rule: metadata plus one check over the resolved model.

import type { Config } from '../core/config.js';
import type { Finding, Severity } from '../core/diagnostic.js';
import type { Extraction, PodTemplate } from '../extract/model.js';
import type { ResolvedPod } from '../resolve/resolve.js';

export interface RuleContext {
  /** The Jenkinsfile being linted. */
  file: string;
  extraction: Extraction;
  pods: ResolvedPod[];
  podOf(t: PodTemplate): ResolvedPod | undefined;
  config: Config;
  report(finding: Omit<Finding, 'code'>): void;
}

export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  summary: string;
  check(ctx: RuleContext): void;
}

/** Where each rule's page lives; `docs/rules/<code>.md` in this repository. */
export const DOCS_BASE = 'https://github.com/jenkinsfile-lint/jenkinsfile-lint/blob/main/docs/rules/';
