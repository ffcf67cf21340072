// How catalog entries read in the editor: parameter types as Java names them (Jenkins' messages do
// too), the signature line, and the markdown of an entry and of one of its parameters. Each is made
// once per entry.

import { catalogData, type Entry, type Param, type ParamType } from '../catalog/catalog.js';

const SCALARS: Record<string, [plain: string, boxed: string]> = {
  string: ['String', 'String'],
  int: ['int', 'Integer'],
  long: ['long', 'Long'],
  boolean: ['boolean', 'Boolean'],
  double: ['double', 'Double'],
};

export function typeName(t: ParamType): string {
  switch (t.kind) {
    case 'enum':
      return simpleName(t.javaType);
    case 'list':
      return t.of ? `List<${typeName(t.of)}>` : 'List';
    case 'map':
      return 'Map';
    case 'describable':
      return t.base;
    case 'object':
      return 'Object';
    default:
      return SCALARS[t.kind]![t.boxed ? 1 : 0];
  }
}

/** `class java.util.concurrent.TimeUnit` → `TimeUnit`; `…Outer$Inner` → `Inner`. */
function simpleName(javaType: string): string {
  return javaType.split(/[ .$]/).pop()!;
}

export interface Signature {
  label: string;
  /** Where each parameter's `name: type` is in the label. */
  params: Array<[number, number]>;
}

const signatures = new WeakMap<Entry, Signature>();

/** `timeout(time: int, activity: boolean, unit: TimeUnit)`. */
export function signatureOf(e: Entry): Signature {
  let s = signatures.get(e);
  if (s) return s;
  let label = `${e.symbol}(`;
  const params: Signature['params'] = [];
  for (const [i, p] of e.params.entries()) {
    if (i) label += ', ';
    const text = `${p.name}: ${typeName(p.type)}`;
    params.push([label.length, label.length + text.length]);
    label += text;
  }
  s = { label: `${label})`, params };
  signatures.set(e, s);
  return s;
}

const KIND: Record<Entry['kind'], string> = {
  step: 'step',
  option: 'Declarative option',
  jobProperty: 'job property (an option)',
  trigger: 'trigger',
  parameter: 'build parameter',
  tool: 'tool',
  agent: 'agent type',
  when: 'when condition',
  post: 'post condition',
  describable: 'function',
};

const docs = new WeakMap<Entry, string>();

/** Kind, signature, description, parameters (type, required), example, plugin and version. */
export function entryDoc(e: Entry): string {
  let doc = docs.get(e);
  if (doc) return doc;
  const block = e.kind === 'step' && e.takesBlock;
  const params = e.params.map((p) => `- \`${p.name}\`: \`${typeName(p.type)}\`${p.required ? ', required' : ''}${p.deprecated ? ', deprecated' : ''}${enumValues(p.type, ' — ')}`);
  doc = [
    `**${e.symbol}** (${KIND[e.kind]}${block ? ', takes a block' : ''})`,
    fence(signatureOf(e).label + (block ? ' { … }' : '')),
    e.description,
    ...(params.length ? [`Parameters:\n${params.join('\n')}`] : []),
    `Example:\n${fence(e.example)}`,
    pluginLine(e.plugin),
  ].join('\n\n');
  docs.set(e, doc);
  return doc;
}

/** One parameter: type, required or not, the enum's values, its description, whose it is. */
export function paramDoc(e: Entry, p: Param): string {
  const head = `**${p.name}**: \`${typeName(p.type)}\`, ${p.required ? 'required' : 'optional'}${p.deprecated ? ', deprecated' : ''} — parameter of \`${e.symbol}\``;
  return [head, enumValues(p.type, 'One of '), p.description ?? ''].filter(Boolean).join('\n\n');
}

function enumValues(t: ParamType, prefix: string): string {
  return t.kind === 'enum' ? `${prefix}${t.values.map((v) => `\`${v}\``).join(', ')}` : '';
}

function fence(code: string): string {
  return `\`\`\`groovy\n${code}\n\`\`\``;
}

let versions: Map<string, string> | undefined;

/** The plugin an entry comes from, with the version the built-in catalog was read from. */
function pluginLine(plugin: string): string {
  versions ??= new Map(catalogData().sources.map((s) => [s.plugin, s.version]));
  const version = versions.get(plugin);
  return `Plugin: \`${plugin}\`${version ? ` ${version}` : ''}`;
}
