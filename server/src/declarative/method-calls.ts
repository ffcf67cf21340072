// An entry of `options`, `triggers` or `parameters` (or a call nested in one's arguments) checked
// against the catalog, as Jenkins' ModelValidatorImpl.validateElement(ModelASTMethodCall) does.
// Source: pipeline-model-definition-plugin @ 42c9dc3e, …/validator/ModelValidatorImpl.groovy, and
// Utils.parentsForMethodCall (the parent types an entry is looked up under).

import type { Catalog, EntryKind, Param } from '../catalog/catalog.js';
import { invalidParameter, validateType } from './describable.js';
import type { MethodCall } from './model.js';
import type { Problems } from './problems.js';

/**
 * Where an entry's name is looked up, as lookupFunctionFirstThenStep(name, parent) for each parent
 * in turn: an option is a job property, else a step, else a declarative option; a trigger a
 * Trigger, a parameter a ParameterDefinition (each else a step). A nested call has no parent.
 */
export type Parent = 'option' | 'trigger' | 'parameter' | undefined;

const PARENT_KINDS: Record<NonNullable<Parent>, EntryKind[][]> = {
  option: [['jobProperty'], ['option']],
  trigger: [['trigger']],
  parameter: [['parameter']],
};

const PASSWORD_PARAMETER = 'hudson.model.PasswordParameterDefinition';

export function validateMethodCall(problems: Problems, catalog: Catalog, m: MethodCall, parent: Parent): void {
  const entry = parent ? PARENT_KINDS[parent].map((kinds) => catalog.functionOrStep(m.name, kinds)).find((e) => e) : catalog.functionOrStep(m.name);
  if (!entry) return;
  if (m.args.some((a) => a.kind === 'pair')) {
    for (const a of m.args) {
      if (a.kind !== 'pair') {
        problems.add('arguments', m, 'ModelValidatorImpl.MixedNamedAndUnnamedParameters');
        continue;
      }
      // JENKINS-63499: a password parameter's defaultValue is a String though no parameter says so.
      if (entry.className === PASSWORD_PARAMETER && a.key === 'defaultValue') {
        if (!('args' in a.value)) validateType(problems, 'arguments', a.value, { kind: 'string' }, a.key);
        continue;
      }
      const p = entry.params.find((x) => x.name === a.key);
      if (!p) invalidParameter(problems, 'arguments', a.keySpan, a.key, entry.params);
      else if (!('args' in a.value)) validateType(problems, 'arguments', a.value, p.type, a.key);
    }
  } else if (m.args.length > 1) {
    problems.add('arguments', m, 'ModelValidatorImpl.TooManyUnnamedParameters', m.name);
  } else {
    const required = entry.params.filter((p) => p.required);
    if (required.length !== m.args.length) {
      // JENKINS-41391: `foo()` passes null to a sole required Boolean (`skipDefaultCheckout()`).
      if (!(required.length === 1 && m.args.length === 0 && isBoxedBoolean(required[0]!))) {
        problems.add('arguments', m, 'ModelValidatorImpl.WrongNumberOfStepParameters', m.name, required.length, m.args.length);
      }
    } else {
      const a = m.args[0];
      if (a?.kind === 'value') validateType(problems, 'arguments', a.value, required[0]!.type);
    }
  }
}

function isBoxedBoolean(p: Param): boolean {
  return p.type.kind === 'boolean' && p.type.boxed === true;
}
