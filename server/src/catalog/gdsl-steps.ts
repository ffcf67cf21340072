// Catalog step entries from a GDSL export (core/gdsl-export.ts says what it holds and where that is
// established). The export decides which steps the Jenkins has and their parameters; where the
// built-in catalog has the same step and parameter, its details stay: enum constants, describable
// types, descriptions, examples, plugin and class.

import type { GdslExport, GdslParam, GdslStep } from '../core/gdsl-export.js';
import type { Catalog } from './catalog.js';
import type { Entry, Param, ParamType } from './types.js';

export function stepsFromGdsl(gdsl: GdslExport, builtin: Catalog): Entry[] {
  return gdsl.steps.map((s) => {
    const known = builtin.get('step', s.name);
    // gdsl.groovy writes parallel's lines by hand (a `closures` map); the built-in entry says it right.
    if (s.name === 'parallel' && known) return known;
    return stepEntry(s, known?.metaStep ? undefined : known);
  });
}

function stepEntry(s: GdslStep, known: Entry | undefined): Entry {
  const params = s.params.map((p) => param(p, known?.params.find((k) => k.name === p.name)));
  const advanced = s.advanced ?? known?.advanced;
  return {
    kind: 'step',
    symbol: s.name,
    ...(known?.otherSymbols ? { otherSymbols: known.otherSymbols } : {}),
    plugin: known?.plugin ?? '',
    className: known?.className ?? '',
    params,
    takesBlock: s.takesBlock,
    // The export tells FilePath only; a step may need a Launcher alone.
    needsLauncherOrFilePath: s.needsNode || (known?.needsLauncherOrFilePath ?? false),
    ...(advanced ? { advanced: true } : {}),
    description: known?.description ?? s.displayName,
    // The built-in example may use a parameter this Jenkins does not have.
    example: known && sameNames(known.params, params) ? known.example : example(s.name, params, s.takesBlock),
    ...(s.displayName ? { displayName: s.displayName } : {}),
  };
}

function param(p: GdslParam, known: Param | undefined): Param {
  const type = gdslType(p.javaType);
  return {
    name: p.name,
    // `Map` (any class outside java…) or Object says less than the built-in type; same kind, the
    // built-in one says more (list elements, boxing).
    type: known && (type.kind === 'object' || type.kind === known.type.kind) ? known.type : type,
    required: p.required ?? known?.required ?? false,
    ...(known?.deprecated ? { deprecated: true as const } : {}),
    ...(known?.description ? { description: known.description } : {}),
  };
}

const SCALARS: Record<string, ParamType> = {
  'java.lang.String': { kind: 'string' },
  'java.lang.CharSequence': { kind: 'string' },
  int: { kind: 'int' },
  short: { kind: 'int' },
  byte: { kind: 'int' },
  'java.lang.Integer': { kind: 'int', boxed: true },
  'java.lang.Short': { kind: 'int', boxed: true },
  'java.lang.Byte': { kind: 'int', boxed: true },
  long: { kind: 'long' },
  'java.lang.Long': { kind: 'long', boxed: true },
  boolean: { kind: 'boolean' },
  'java.lang.Boolean': { kind: 'boolean', boxed: true },
  double: { kind: 'double' },
  float: { kind: 'double' },
  'java.lang.Double': { kind: 'double', boxed: true },
  'java.lang.Float': { kind: 'double', boxed: true },
};
const LISTS = /^java\.util\.(?:List|ArrayList|LinkedList|Collection|Set|HashSet|LinkedHashSet|TreeSet|SortedSet)$|^java\.lang\.Iterable$/;
const MAPS = /^java\.util\.(?:Map|HashMap|LinkedHashMap|TreeMap|SortedMap)$/;
const ARRAY_ELEMENTS: Record<string, string> = { Z: 'boolean', B: 'byte', S: 'short', I: 'int', J: 'long', F: 'float', D: 'double' };

/** A type as the export writes it, as a catalog ParamType; anything else (`Map`, Object, a JDK class) is `object`, never type-checked. */
export function gdslType(name: string): ParamType {
  const scalar = SCALARS[name];
  if (scalar) return { ...scalar };
  if (name.startsWith('[')) {
    // Only primitive arrays: an array of objects is written `Map`.
    const of = gdslType(ARRAY_ELEMENTS[name.slice(1)] ?? name.slice(1));
    return { kind: 'list', of };
  }
  if (LISTS.test(name)) return { kind: 'list' };
  if (MAPS.test(name)) return { kind: 'map' };
  return { kind: 'object' };
}

function sameNames(a: Param[], b: Param[]): boolean {
  return a.length === b.length && a.every((p) => b.some((q) => q.name === p.name));
}

/** A one-line example from the required parameters, for a step the built-in catalog does not describe as the export does. */
function example(name: string, params: Param[], block: boolean): string {
  const args = params.filter((p) => p.required).map((p) => `${p.name}: …`);
  return `${name}${args.length ? `(${args.join(', ')})` : block ? '' : '()'}${block ? ' { … }' : ''}`;
}
