// The variables that hold secrets, and where: those a `withCredentials` binding sets in its body, and
// those a Declarative `environment` entry sets from `credentials('id')` in its pipeline or stage.
// Sources: credentials-binding-plugin @ 0331934a, impl/*Binding.java (what each binding puts in its
// secret values); pipeline-model-definition-plugin, CredentialsBindingHandler (NAME, NAME_USR, NAME_PSW).

import type { Extraction, Span } from '../extract/model.js';
import { argument } from '../extract/extract.js';
import type { Arg, Value } from '../extract/reader.js';
import { thisMethodName } from '../declarative/groovy.js';
import type { Environment, Pipeline, Stage, Stages } from '../declarative/model.js';

export interface SecretVariable {
  name: string;
  /** Where it is set: the withCredentials body, the pipeline or the stage. */
  scope: Span;
  /** Where it is bound (the binding's variable name, or the environment entry's). */
  bound: Span;
  by: 'withCredentials' | 'credentials()';
}

export function secretVariables(ex: Extraction, pipeline: Pipeline | undefined): SecretVariable[] {
  const out: SecretVariable[] = [];
  for (const call of ex.callsNamed('withCredentials')) {
    if (!call.closure) continue;
    const bindings = argument(call, 'bindings', 0);
    if (bindings?.kind !== 'list') continue;
    for (const b of bindings.items) {
      for (const a of bindingArgs(b)) {
        if (!a.name || !isSecretVariableParameter(a.name.text) || a.value.kind !== 'string' || a.value.text.placeholders.length) continue;
        out.push({ name: a.value.text.text, scope: { start: call.closure.start, end: call.closure.end }, bound: { start: a.value.start, end: a.value.end }, by: 'withCredentials' });
      }
    }
  }
  if (pipeline) {
    environmentSecrets(pipeline.environment, pipeline, out);
    forEachStage(pipeline.stages, (s) => environmentSecrets(s.environment ?? s.matrix?.environment, s, out));
  }
  return out;
}

/** `string(credentialsId: 'x', variable: 'T')` or `[$class: 'StringBinding', variable: 'T', …]`. */
function bindingArgs(v: Value): Arg[] {
  if (v.kind === 'call') return v.call.args;
  if (v.kind === 'map') return v.entries;
  return [];
}

/**
 * `variable`, `passwordVariable`, `keyFileVariable`, `passphraseVariable`, `keystoreVariable`,
 * `aliasVariable`, `secretKeyVariable`, …: every binding puts these in its secret values. Not
 * `usernameVariable`: a username is secret only when its credential says so, which the file cannot tell.
 */
function isSecretVariableParameter(name: string): boolean {
  return name === 'variable' || (name.endsWith('Variable') && name !== 'usernameVariable');
}

/** `NAME = credentials('id')` sets NAME and, for a username/password or SSH key, NAME_PSW (NAME_USR is the username). */
function environmentSecrets(env: Environment | undefined, scope: Span, out: SecretVariable[]): void {
  for (const v of env?.variables ?? []) {
    const call = v.value.expr.kind === 'call' ? v.value.expr.call : undefined;
    if (!call || thisMethodName(call) !== 'credentials') continue;
    for (const name of [v.key, `${v.key}_PSW`]) out.push({ name, scope: { start: scope.start, end: scope.end }, bound: v.keySpan, by: 'credentials()' });
  }
}

function forEachStage(stages: Stages | undefined, visit: (s: Stage) => void): void {
  for (const s of stages?.stages ?? []) {
    visit(s);
    forEachStage(s.parallel, visit);
    forEachStage(s.stages, visit);
    forEachStage(s.matrix?.stages, visit);
  }
}
