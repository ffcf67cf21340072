// The shape of a rule: metadata plus one check over the resolved model.

import type { Config } from '../core/config.js';
import type { Finding, Severity } from '../core/diagnostic.js';
import type { Declarative } from '../declarative/index.js';
import type { SyntaxProblem } from '../parse/syntax.js';
import type { Extraction, PodTemplate } from '../extract/model.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import type { Directive } from '../suppress/directives.js';

export interface RuleContext {
  /** The Jenkinsfile being linted. */
  file: string;
  extraction: Extraction;
  pods: ResolvedPod[];
  /** The Declarative pipeline and what Jenkins' parser and validator say of it. */
  declarative: Declarative;
  /** Where Groovy would refuse to compile the file. */
  syntax: SyntaxProblem[];
  podOf(t: PodTemplate): ResolvedPod | undefined;
  config: Config;
  /** Suppression directives, with which codes they used (filled in for rules of the 'suppressions' phase). */
  directives: Directive[];
  /** Whether ShellCheck's findings are among those the directives were applied to. */
  shellcheckRan: boolean;
  /** The global variables of a shared library in the Jenkinsfile's repository (`vars/*.groovy`). */
  libraryGlobals(): readonly string[];
  /** The text of the Jenkinsfile or of a yamlFile it reads (what Loc offsets index). */
  textOf(file: string): string | undefined;
  report(finding: Omit<Finding, 'code'>): void;
}

export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  summary: string;
  /** The kinds of fix it offers for some of its findings: safe ones `--fix` applies, unsafe ones `--fix-unsafe`. */
  fixable?: ReadonlyArray<'safe' | 'unsafe'>;
  /** Rules about suppressions run after the directives have been applied to the other rules' findings. */
  phase?: 'suppressions';
  check(ctx: RuleContext): void;
}

/** Where each rule's page lives; `docs/rules/<code>.md` in this repository. */
export const DOCS_BASE = 'https://github.com/jenkinsfile-lint/jenkinsfile-lint/blob/main/docs/rules/';
