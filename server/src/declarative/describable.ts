// Arguments checked against a describable's parameters (a step, a `when` condition, an option …),
// as Jenkins' ModelValidatorImpl.validateDescribable and validateParameterType do.
// Source: …/validator/ModelValidatorImpl.groovy, pipeline-model-definition-plugin @ 42c9dc3e.

import type { Param, ParamType } from '../catalog/catalog.js';
import type { ArgList, Span, Value } from './model.js';
import type { Problems, Group } from './problems.js';

/** The parameter Jenkins' DescribableModel calls the sole required one, if exactly one is required. */
export function soleRequired(params: readonly Param[]): Param | undefined {
  const required = params.filter((p) => p.required);
  return required.length === 1 ? required[0] : undefined;
}

/** hudson.util.EditDistance.findNearest: the first name at the smallest Levenshtein distance. */
export function nearest(key: string, names: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const n of names) {
    const d = levenshtein(key, n);
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best || 'null';
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** validateDescribable: named arguments known and well typed, required ones present; or one value for the sole required one. */
export function validateArgs(problems: Problems, group: Group, element: Span, name: string, args: ArgList, params: readonly Param[], takesClosure = false): boolean {
  let valid = true;
  const sole = soleRequired(params);
  if (args.kind === 'named') {
    for (const { key, keySpan, value } of args.entries) {
      const p = params.find((x) => x.name === key);
      if (!p) {
        problems.add(group, keySpan, 'ModelValidatorImpl.InvalidStepParameter', key, nearest(key, params.map((x) => x.name)));
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

/**
 * validateParameterType: only literals are checked. A String parameter refuses an Integer or a
 * Boolean, an int one a String or a Boolean; an enum takes only its constants' names; a long or a
 * double takes no String. Everything else Groovy's castToType accepts (a boolean takes anything, by
 * Groovy truth) and so does this.
 */
export function validateType(problems: Problems, group: Group, v: Value, type: ParamType, key?: string): boolean {
  if (!v.literal || v.value === null) return true;
  const cls = v.javaClass;
  let ok = true;
  switch (type.kind) {
    case 'string':
      ok = cls !== 'Integer' && cls !== 'Boolean';
      break;
    case 'int':
      ok = cls !== 'String' && cls !== 'Boolean';
      break;
    case 'long':
    case 'double':
      ok = cls !== 'Boolean' && !(cls === 'String' && String(v.value).length !== 1);
      break;
    case 'enum':
      ok = cls === 'String' && type.values.includes(String(v.value));
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

/** How Java prints the erased type of a parameter (a Class's toString). */
function javaTypeName(type: ParamType): string {
  switch (type.kind) {
    case 'string':
      return 'class java.lang.String';
    case 'int':
    case 'long':
    case 'double':
    case 'boolean':
      return type.kind;
    case 'enum':
      return 'enum';
    default:
      return 'class java.lang.Object';
  }
}

/** A literal as Java's toString prints it. */
function javaString(v: Value): string {
  if (typeof v.value === 'number' && (v.javaClass === 'Double' || v.javaClass === 'Float')) return Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value);
  return String(v.value);
}
