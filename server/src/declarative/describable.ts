// Arguments checked against a describable's parameters (a step, a `when` condition, an option …),
// as Jenkins' ModelValidatorImpl.validateDescribable and validateParameterType do.
// Source: …/validator/ModelValidatorImpl.groovy, pipeline-model-definition-plugin @ 42c9dc3e.

import { distance } from 'fastest-levenshtein';
import type { Param, ParamType } from '../catalog/catalog.js';
import type { ArgList, Span, Value } from './model.js';
import { render } from './messages.js';
import type { Problems, Group } from './problems.js';
import { suggest } from '../schema/validate-pod.js';

/** The parameter Jenkins' DescribableModel calls the sole required one, if exactly one is required. */
export function soleRequired(params: readonly Param[]): Param | undefined {
  const required = params.filter((p) => p.required);
  return required.length === 1 ? required[0] : undefined;
}

/** hudson.util.EditDistance.findNearest: the first name at the smallest Levenshtein distance ("null" for none, as Java prints it). */
export function nearest(key: string, names: readonly string[]): string {
  let best = 'null';
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(key, n);
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

/**
 * validateDescribable: named arguments known and well typed, required ones present; or one value
 * for the sole required parameter. A named key the model lacks, when the sole required parameter is
 * itself a describable, is Jenkins' "sole describable map" (`step(artifacts: …)` read as the
 * describable's own arguments): the catalog cannot say which describable, so nothing is reported.
 */
export function validateArgs(problems: Problems, group: Group, element: Span, name: string, args: ArgList, params: readonly Param[], takesClosure = false): boolean {
  let valid = true;
  const sole = soleRequired(params);
  if (args.kind === 'named') {
    for (const { key, keySpan, value } of args.entries) {
      const p = params.find((x) => x.name === key);
      if (!p && sole?.type.kind === 'describable') return valid;
      if (!p) {
        invalidParameter(problems, group, keySpan, key, params);
        valid = false;
        continue;
      }
      const unnamed = args.entries.length === 1 && sole === p && !takesClosure;
      if (!validateType(problems, group, value, p.type, unnamed ? undefined : key)) valid = false;
    }
    if (valid) {
      for (const p of params) {
        if (p.required && !args.entries.some((e) => e.key === p.name)) {
          problems.add(group, element, 'ModelValidatorImpl.MissingRequiredStepParameter', p.name);
          valid = false;
        }
      }
    }
  } else if (args.kind === 'positional') {
    problems.add(group, element, 'ModelValidatorImpl.TooManyUnnamedParameters', name);
    valid = false;
  } else if (!sole && !takesClosure) {
    problems.add(group, element, 'ModelValidatorImpl.NotSingleRequiredParameter');
    valid = false;
  } else if (sole && !validateType(problems, group, args.value, sole.type)) valid = false;
  return valid;
}

/** InvalidStepParameter, with Jenkins' nearest name, and a rename when that name is a likely fix. */
export function invalidParameter(problems: Problems, group: Group, keySpan: Span, key: string, params: readonly Param[]): void {
  const names = params.map((x) => x.name);
  const problem = problems.add(group, keySpan, 'ModelValidatorImpl.InvalidStepParameter', key, nearest(key, names));
  const close = suggest(key, names);
  if (close) problem.fix = { title: `Rename to "${close}"`, edits: [{ start: keySpan.start, end: keySpan.end, newText: close }], safe: false };
}

/**
 * InvalidAgentParameter: an option `agent { type { … } }` does not take, with the valid ones as Jenkins
 * lists them and a near name to rename it to. JKL404 reports it for every agent type but kubernetes,
 * whose options JKL201 checks against the same catalog entry.
 */
export function invalidAgentParameter(key: string, type: string, names: readonly string[]): { message: string; close?: string } | undefined {
  if (names.includes(key)) return undefined;
  const close = suggest(key, names);
  return { message: render('ModelValidatorImpl.InvalidAgentParameter', key, type, names), ...(close ? { close } : {}) };
}

/**
 * validateParameterType: only literals are checked, as Groovy's castToType would cast them
 * (DefaultTypeTransformation, Groovy 2.4, which Jenkins runs): a String parameter refuses an Integer
 * or a Boolean and an int one a String or a Boolean (Jenkins' own rule); a boxed number, a long or a
 * double takes a number or a one-character String (read as a char); a boolean takes anything (Groovy
 * truth); an enum only the name of one of its constants; a describable no literal at all. Lists and
 * maps are not checked (the catalog does not say which collection class a parameter is).
 */
export function validateType(problems: Problems, group: Group, v: Value, type: ParamType, key?: string): boolean {
  if (!v.literal || v.value === null) return true;
  const cls = v.javaClass;
  const oneChar = cls === 'String' && String(v.value).length === 1;
  let ok: boolean;
  switch (type.kind) {
    case 'string':
      ok = type.boxed || (cls !== 'Integer' && cls !== 'Boolean');
      break;
    case 'int':
      ok = type.boxed ? cls !== 'Boolean' && (cls !== 'String' || oneChar) : cls !== 'String' && cls !== 'Boolean';
      break;
    case 'long':
    case 'double':
      ok = cls !== 'Boolean' && (cls !== 'String' || oneChar);
      break;
    case 'enum':
      ok = cls === 'String' && type.values.includes(String(v.value));
      break;
    case 'describable':
      ok = false;
      break;
    default:
      ok = true;
  }
  if (ok) return true;
  const expected = javaTypeName(type);
  const got = `class java.lang.${cls}`;
  if (key !== undefined) problems.add(group, v, 'ModelValidatorImpl.InvalidParameterType', expected, key, javaString(v), got);
  else problems.add(group, v, 'ModelValidatorImpl.InvalidUnnamedParameterType', expected, javaString(v), got);
  return false;
}

const BOXES: Record<string, string> = { string: 'Character', int: 'Integer', long: 'Long', double: 'Double', boolean: 'Boolean' };

/** How Java prints the erased type of a parameter (a Class's toString): `int`, `class java.lang.Integer`, `interface hudson.scm.SCM`. */
function javaTypeName(type: ParamType): string {
  switch (type.kind) {
    case 'string':
      return type.boxed ? 'class java.lang.Character' : 'class java.lang.String';
    case 'int':
    case 'long':
    case 'double':
    case 'boolean':
      return type.boxed ? `class java.lang.${BOXES[type.kind]}` : type.kind;
    case 'enum':
    case 'describable':
      return type.javaType;
    default:
      return 'class java.lang.Object';
  }
}

/** A literal as Java's toString prints it. */
function javaString(v: Value): string {
  if (typeof v.value === 'number' && (v.javaClass === 'Double' || v.javaClass === 'Float')) return Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value);
  return String(v.value);
}
