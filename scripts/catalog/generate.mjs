#!/usr/bin/env node
// Generates catalog/jenkins-catalog.json: what Jenkins plugins define (steps, options, job
// properties, triggers, parameters, tools, agent types, when/post conditions, describable
// functions), read from the plugins' own sources at the commits pinned in sources.json.
//
//   node scripts/catalog/generate.mjs [--mirrors /work/.mirror] [--out catalog/jenkins-catalog.json] [--check]
//
// --mirrors  where `fetch` put the repositories (<dir>/<owner>+<name>/…/<git dir>)
// --out      output file (default: catalog/jenkins-catalog.json in the repository)
// --check    generate in memory and fail if the output file differs (nothing is written)
// --provenance  also print the Markdown provenance table for catalog/README.md
//
// The output depends only on sources.json and the pinned commits: same mirrors, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClassModel, Repo, findGitDir } from './model.mjs';
import { javadocText } from './java-source.mjs';
import { htmlToText, firstParagraph } from './text.mjs';
import { requiredPlugins } from './pom.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : dflt;
};
const mirrors = opt('--mirrors', '/work/.mirror');
const outFile = opt('--out', join(root, 'catalog', 'jenkins-catalog.json'));
const check = args.includes('--check');
const provenance = args.includes('--provenance');

const warnings = [];
const warn = (msg) => warnings.push(msg);

const config = JSON.parse(readFileSync(join(here, 'sources.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Repositories
const repos = [];
const repoOf = new Map();
for (const src of config.sources) {
  const gitDir = findGitDir(mirrors, src.repo);
  if (!gitDir) fail(`no mirror of ${src.repo} under ${mirrors} (fetch github:${src.repo} first)`);
  const repo = new Repo(src, gitDir);
  if (!repo.hasCommit()) fail(`${src.repo}: commit ${src.commit} is not in ${gitDir} (fetch a newer snapshot)`);
  repoOf.set(src, repo);
  // A dependencies-only source's classes stay out of the model: they would change how types resolve.
  if (!src.dependenciesOnly) repos.push(repo);
}
const model = new ClassModel(repos, warn);
const repositoryCount = new Set(config.sources.map((s) => s.repo)).size;

// ---------------------------------------------------------------------------------------------
// Dependencies: the plugins each one requires, so that a plugin list can be closed over them.

const dependencies = new Map();
for (const src of config.sources) {
  // Jenkins core requires no plugin (its pom is jenkins-parent's).
  if (src.plugin === 'core') { dependencies.set(src, []); continue; }
  const pom = repoOf.get(src).read(src.pom ?? 'pom.xml');
  if (pom === null) fail(`${src.plugin}: no ${src.pom ?? 'pom.xml'} in ${src.repo}@${src.commit} (set "pom")`);
  dependencies.set(src, requiredPlugins(pom).plugins);
}
const known = new Set(config.sources.map((s) => s.plugin));
const withoutData = [...new Set([...dependencies.values()].flat().filter((p) => !known.has(p)))].sort();

// ---------------------------------------------------------------------------------------------
// Types

const KINDS = ['step', 'option', 'jobProperty', 'trigger', 'parameter', 'tool', 'agent', 'when', 'post', 'describable'];
const EXTENSION_ORDERED = new Set(['trigger', 'parameter', 'tool']);

const BOXES = new Set(['Integer', 'Short', 'Byte', 'Long', 'Boolean', 'Double', 'Float', 'Character']);
const SCALARS = {
  String: 'string', CharSequence: 'string', char: 'string', Character: 'string',
  int: 'int', Integer: 'int', short: 'int', Short: 'int', byte: 'int', Byte: 'int',
  long: 'long', Long: 'long',
  boolean: 'boolean', Boolean: 'boolean',
  double: 'double', Double: 'double', float: 'double', Float: 'double', BigDecimal: 'double', Number: 'double',
};
const LISTS = new Set(['List', 'ArrayList', 'LinkedList', 'Collection', 'Set', 'HashSet', 'LinkedHashSet', 'TreeSet', 'SortedSet', 'Iterable', 'ImmutableList', 'ImmutableSet', 'CopyOnWriteArrayList', 'PersistedList', 'DescribableList']);
const MAPS = new Set(['Map', 'HashMap', 'LinkedHashMap', 'TreeMap', 'SortedMap', 'ImmutableMap', 'ConcurrentHashMap']);
const OBJECTS = new Set(['Object', 'Closure', 'def', 'Serializable']);
// Types Jenkins' DescribableModel fills from a string (hudson.util.Secret: Secret.fromString).
const STRING_LIKE = new Set(['hudson.util.Secret']);
// Supertypes that say nothing about where a describable can be used.
const IMPLEMENTS_IGNORED = new Set([
  'Object', 'Serializable', 'Describable', 'AbstractDescribableImpl', 'ExtensionPoint', 'Cloneable', 'Comparable',
  'Saveable', 'ModelObject', 'EnvironmentSpecific', 'NodeSpecific', 'BuildStepCompatibilityLayer', 'Step',
  'DependencyDeclarer', 'ReconfigurableDescribable', 'EnvVarsFilterableBuilder', 'StaplerProxy',
  'Action', 'Closeable', 'AutoCloseable', 'Iterable',
]);

const jdkEnums = config.jdkEnums ?? {};
// Declared types that are neither enums nor describables, with the ParamType to use and why.
const typeNotes = config.typeNotes ?? {};

/** Maps a Java type reference (as written in `ctx`) to a ParamType. */
function paramType(ref, ctx, where) {
  if (ref.dims > 0) {
    const el = paramType({ ...ref, dims: ref.dims - 1 }, ctx, where);
    return el.kind === 'object' && ref.name === 'Object' ? { kind: 'list' } : { kind: 'list', of: el };
  }
  const simple = ref.name.split('.').pop();
  // boxed: a wrapper class (Integer, Boolean, …), which Java prints as `class java.lang.Integer`
  // and Jenkins treats apart (a sole required Boolean may be left out: `skipDefaultCheckout()`).
  if (SCALARS[simple] && (!ref.name.includes('.') || ref.name.startsWith('java.lang.'))) return BOXES.has(simple) ? { kind: SCALARS[simple], boxed: true } : { kind: SCALARS[simple] };
  const ext = {};
  const t = model.resolve(ref.name, ctx, ext);
  if (!t) {
    const fqn = (ext.fqn ?? ref.name).replace(/\?$/, '');
    if (jdkEnums[fqn] || jdkEnums[simple]) return { kind: 'enum', values: [...(jdkEnums[fqn] ?? jdkEnums[simple]).values], javaType: `class ${jdkEnums[fqn] ? fqn : simple}` };
    if (LISTS.has(simple)) {
      const a = ref.args?.[0];
      if (!a) return { kind: 'list' };
      const of = paramType(a, ctx, where);
      return of.kind === 'object' ? { kind: 'list' } : { kind: 'list', of };
    }
    if (MAPS.has(simple)) return { kind: 'map' };
    if (OBJECTS.has(simple)) return { kind: 'object' };
    if (STRING_LIKE.has(fqn)) return { kind: 'string' };
    if (typeNotes[fqn]) return { ...typeNotes[fqn].type };
    warn(`${where}: type ${ref.name} (${fqn}) is not in any source repository; mapped to object`);
    return { kind: 'object' };
  }
  if (STRING_LIKE.has(t.fqn)) return { kind: 'string' };
  // javaType: the erased type as Java prints a Class, which Jenkins puts in its type messages.
  if (t.kind === 'enum') return { kind: 'enum', values: t.enumConstants.map((c) => c.name), javaType: `class ${t.binaryName}` };
  if (LISTS.has(t.name) && t.fqn.startsWith('java.')) return { kind: 'list' };
  if (typeNotes[t.fqn]) return { ...typeNotes[t.fqn].type };
  if (isDescribableType(t)) return { kind: 'describable', base: t.name, javaType: `${t.kind === 'interface' ? 'interface' : 'class'} ${t.binaryName}` };
  warn(`${where}: type ${t.fqn} is neither an enum nor describable; mapped to object`);
  return { kind: 'object' };
}

function isDescribableType(t) {
  if (t.kind === 'interface' || t.modifiers.has('abstract')) return true;
  if (t.ctors.some((c) => model.annotation(c, 'DataBoundConstructor'))) return true;
  return model.supertypes(t).some((s) => ['Describable', 'AbstractDescribableImpl', 'ExtensionPoint'].includes(s.name));
}

// ---------------------------------------------------------------------------------------------
// Reading one class

function decapitalize(name) {
  if (name.length > 1 && /[A-Z]/.test(name[0]) && /[A-Z]/.test(name[1])) return name;
  return name[0].toLowerCase() + name.slice(1);
}

function helpText(t, file) {
  for (const c of [t, ...model.supertypes(t).map((s) => s.type).filter(Boolean)]) {
    const r = model.classResource(c, file);
    if (r?.text) return htmlToText(r.text);
  }
  return null;
}

/** The descriptor of a describable class: the nested @Extension class that extends a Descriptor. */
function descriptorOf(t, spec) {
  if (spec.descriptor) {
    const d = model.type(spec.descriptor);
    if (!d) fail(`${spec.class}: descriptor ${spec.descriptor} not found`);
    return d;
  }
  const nested = t.types.filter((n) => n.kind === 'class');
  const isDesc = (n) => n.extends.length && /Descriptor(Impl)?$/.test(n.extends[0].name.split('.').pop()) ||
    model.supertypes(n).some((s) => s.name === 'Descriptor');
  const candidates = nested.filter((n) => model.annotation(n, 'Extension') && isDesc(n));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) return candidates.find((n) => n.name === 'DescriptorImpl') ?? candidates[0];
  const plain = nested.filter(isDesc);
  if (plain.length) return plain.find((n) => n.name === 'DescriptorImpl') ?? plain[0];
  return null;
}

function detectKind(t) {
  const names = new Set(model.supertypes(t).map((s) => s.name));
  if (names.has('Step')) return 'step';
  if (names.has('DeclarativeOption')) return 'option';
  if (names.has('JobProperty')) return 'jobProperty';
  if (names.has('Trigger')) return 'trigger';
  if (names.has('ParameterDefinition')) return 'parameter';
  if (names.has('ToolInstallation')) return 'tool';
  if (names.has('DeclarativeAgent')) return 'agent';
  if (names.has('DeclarativeStageConditional')) return 'when';
  if (names.has('BuildCondition')) return 'post';
  if (names.has('SimpleBuildStep') || names.has('SimpleBuildWrapper')) return 'step';
  return 'describable';
}

function readClass(source, spec) {
  const [path, nestedName] = spec.class.split('#');
  const m = /src\/main\/(?:java|groovy)\/(.+)\.(?:java|groovy)$/.exec(path);
  if (!m) fail(`${source.plugin}: ${path} is not a main source path`);
  const topFqn = m[1].replace(/\//g, '.');
  const loc = model.index.get(topFqn);
  if (!loc || loc.repo.key !== source.repo) fail(`${source.plugin}: ${path} is not in ${source.repo}@${source.commit}`);
  const fqn = nestedName ? `${topFqn}.${nestedName}` : topFqn;
  const t = model.type(fqn);
  if (!t) fail(`${source.plugin}: class ${fqn} not found in ${path}`);
  const where = t.binaryName;

  const kind = spec.kind ?? detectKind(t);
  const desc = descriptorOf(t, spec);
  const annotated = desc && model.annotation(desc, 'Symbol') ? desc : t;
  const symAnn = model.annotation(annotated, 'Symbol');
  const symbols = symAnn ? model.annotationValues(symAnn, annotated).value ?? [] : [];
  const extAnn = model.annotation(desc, 'Extension') ?? model.annotation(t, 'Extension');
  const ordinal = extAnn ? model.annotationValues(extAnn, desc ?? t).ordinal?.[0] ?? 0 : 0;

  const isStep = model.supertypes(t).some((s) => s.name === 'Step');
  const entry = { kind, symbol: null, plugin: source.plugin, className: t.binaryName, params: [] };

  let displayName = spec.displayName;
  if (desc && displayName === undefined) displayName = model.returnValue(model.findMethod(desc, 'getDisplayName'));
  if (displayName === undefined && kind === 'post') displayName = model.returnValue(model.findMethod(t, 'getDescription'));
  if (kind === 'when' && desc && displayName === undefined) displayName = model.returnValue(model.findMethod(desc, 'getDisplayName'));

  if (isStep) {
    if (!desc) fail(`${where}: step without a descriptor`);
    const fn = spec.functionName ?? model.returnValue(model.findMethod(desc, 'getFunctionName'));
    if (typeof fn !== 'string') fail(`${where}: cannot read getFunctionName(); add "functionName" with a note to sources.json`);
    entry.symbol = fn;
    if (symbols.length) entry.otherSymbols = symbols.filter((s) => s !== fn);
    const block = model.returnValue(model.findMethod(desc, 'takesImplicitBlockArgument'));
    entry.takesBlock = block === true;
    const ctx = requiredContext(desc);
    if (ctx === null) warn(`${where}: getRequiredContext() not readable`);
    entry.needsLauncherOrFilePath = !!ctx && (ctx.has('Launcher') || ctx.has('FilePath'));
    if (model.returnValue(model.findMethod(desc, 'isAdvanced')) === true) entry.advanced = true;
  } else {
    if (!symbols.length && !spec.symbol) { warn(`${where}: no @Symbol; not in the catalog (remove it from sources.json or add "symbol" with a note)`); return null; }
    entry.symbol = spec.symbol ?? symbols[0];
    if (symbols.length > 1) entry.otherSymbols = symbols.slice(1);
    if (kind === 'step') {
      const sup = new Set(model.supertypes(t).map((s) => s.name));
      if (sup.has('SimpleBuildWrapper')) { entry.metaStep = 'wrap'; entry.takesBlock = true; }
      else if (sup.has('SimpleBuildStep')) { entry.metaStep = 'step'; entry.takesBlock = false; }
      else fail(`${where}: kind step but neither a Step nor a SimpleBuildStep/SimpleBuildWrapper`);
      const rw = model.returnValue(model.findMethod(t, 'requiresWorkspace'));
      entry.needsLauncherOrFilePath = rw !== false;
    }
  }
  if (kind === 'option') {
    entry.canUseInStage = model.returnValue(model.findMethod(desc, 'canUseInStage')) === true;
    if (model.returnValue(model.findMethod(desc, 'isStageOnly')) === true) warn(`${where}: isStageOnly() is true (not represented in the catalog)`);
  }

  // Parameters
  if (kind === 'tool') {
    entry.params = [{ name: 'name', type: { kind: 'string' }, required: true, description: config.toolParamDescription }];
  } else if (spec.params) {
    entry.params = spec.params;
  } else {
    entry.params = readParams(t, where);
  }
  if (spec.extraParams) entry.params.push(...spec.extraParams);

  if (kind !== 'step' || entry.metaStep) {
    const impl = model.supertypes(t).map((s) => s.name).filter((n) => !IMPLEMENTS_IGNORED.has(n));
    const uniq = [...new Set(impl)];
    if (uniq.length) entry.implements = uniq;
  }

  // Description
  let description = spec.description ?? null;
  if (!description) description = firstParagraph(helpText(t, 'help.html'));
  if (!description && desc) description = firstParagraph(helpText(desc, 'help.html'));
  if (!description) description = firstParagraph(htmlToText(javadocText(t.doc)));
  if (!description && displayName) description = displayName.replace(/\s+/g, ' ').trim();
  if (!description) warn(`${where}: no description`);
  entry.description = description ?? '';
  if (displayName) entry.displayName = displayName.replace(/\s+/g, ' ').trim();
  if (ordinal) entry.ordinal = ordinal;
  if (spec.example) entry.example = spec.example;
  if (spec.callExample) entry.callExample = spec.callExample;
  entry.simpleName = t.name;
  return entry;
}

function requiredContext(desc) {
  const found = model.findMethod(desc, 'getRequiredContext');
  if (!found) return null;
  const out = new Set();
  const collect = (toks, owner, depth) => {
    for (let k = 0; k + 2 < toks.length; k++) {
      if (toks[k].t === 'id' && toks[k + 1].v === '.' && toks[k + 2].v === 'class') out.add(toks[k].v);
    }
    for (let k = 0; k < toks.length; k++) {
      const tk = toks[k];
      if (tk.t !== 'id') continue;
      if (tk.v === 'super' && toks[k + 2]?.v === 'getRequiredContext') {
        const sup = model.superclass(owner);
        const parent = sup && model.findMethod(sup, 'getRequiredContext');
        if (parent && depth < 5) collect(parent.method.body, parent.owner, depth + 1);
      }
      const f = owner.fields.find((x) => x.name === tk.v && x.init);
      if (f && depth < 5) collect(f.init, owner, depth + 1);
    }
  };
  collect(found.method.body ?? [], found.owner, 0);
  return out;
}

function readParams(t, where) {
  // structs' DescribableModel: @DataBoundConstructor parameters in order (required), then every
  // @DataBoundSetter field/method of the class and its superclasses in a TreeMap (A–Z, optional);
  // a setter named like a constructor parameter replaces it in place (and makes it optional).
  const params = [];
  const ctor = t.ctors.find((c) => model.annotation(c, 'DataBoundConstructor'));
  if (ctor) {
    for (const p of ctor.params) params.push({ name: p.name, type: paramType(p.type, t, `${where}(${p.name})`), required: true });
  } else if (t.ctors.length && !t.modifiers.has('abstract')) {
    if (!t.ctors.some((c) => c.params.length === 0)) warn(`${where}: no @DataBoundConstructor`);
  }
  const rest = new Map();
  const chain = [t];
  for (let s = model.superclass(t); s; s = model.superclass(s)) chain.push(s);
  for (const c of chain) {
    for (const f of c.fields) {
      if (model.annotation(f, 'DataBoundSetter')) rest.set(f.name, { name: f.name, ref: f.type, ctx: c, member: f });
    }
    for (const m of c.methods) {
      if (!model.annotation(m, 'DataBoundSetter')) continue;
      if (!/^set/.test(m.name) || m.params.length !== 1) { warn(`${c.binaryName}.${m.name}: @DataBoundSetter that is not a setter`); continue; }
      const name = decapitalize(m.name.slice(3));
      rest.set(name, { name, ref: m.params[0].type, ctx: c, member: m });
    }
  }
  const sorted = [...rest.values()].sort((a, b) => cmp(a.name, b.name));
  for (const s of sorted) {
    const param = { name: s.name, type: paramType(s.ref, s.ctx, `${where}.${s.name}`), required: false };
    if (model.annotation(s.member, 'Deprecated')) param.deprecated = true;
    const k = params.findIndex((p) => p.name === s.name);
    if (k >= 0) params[k] = param; else params.push(param);
  }
  for (const p of params) {
    const help = firstParagraph(helpText(t, `help-${p.name}.html`), 300);
    if (help) p.description = help;
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// Examples

const sampleValues = config.exampleValues ?? {};

function sampleValue(param, entries, depth = 0, sym = '') {
  // exampleValues holds Groovy source text, keyed "symbol.param" or "param"
  const ty = param.type;
  const s = sampleValues[`${sym}.${param.name}`] ?? sampleValues[param.name];
  if (s !== undefined) return s;
  switch (ty.kind) {
    case 'string': return quote(param.name);
    case 'int': case 'long': return '1';
    case 'double': return '1.0';
    case 'boolean': return 'true';
    case 'enum': return quote(ty.values[0] ?? '');
    case 'map': return '[:]';
    case 'object': return quote(param.name);
    case 'list': {
      if (!ty.of) return '[]';
      return `[${sampleValue({ name: param.name, type: ty.of }, entries, depth, sym)}]`;
    }
    case 'describable': {
      const impl = depth < 3 && pickImplementation(ty.base, entries);
      return impl ? callExample(impl, entries, depth + 1, true) : `[$class: '${ty.base}']`;
    }
    default: return "''";
  }
}

function quote(s) {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function pickImplementation(base, entries) {
  const pref = config.preferredImplementations?.[base];
  const cands = entries.filter((e) => (e.implements?.includes(base) || e.simpleName === base) && e.kind !== 'step');
  if (pref) {
    const p = cands.find((e) => e.symbol === pref);
    if (p) return p;
  }
  return cands.sort((a, b) => cmp(a.symbol, b.symbol))[0] ?? null;
}

/** `sym(args)`; `forceParens` for nested calls and sections that need them. */
function callExample(e, entries, depth = 0, forceParens = false) {
  if (e.callExample && (depth > 0 || forceParens)) return e.callExample;
  const req = e.params.filter((p) => p.required);
  const used = req.length ? req : [];
  let call;
  if (used.length === 0) call = `${e.symbol}()`;
  else if (used.length === 1) {
    const v = sampleValue(used[0], entries, depth, e.symbol);
    call = forceParens || e.takesBlock || /^[\[(]/.test(v) ? `${e.symbol}(${v})` : `${e.symbol} ${v}`;
  } else {
    const a = used.map((p) => `${p.name}: ${sampleValue(p, entries, depth, e.symbol)}`).join(', ');
    call = forceParens || e.takesBlock ? `${e.symbol}(${a})` : `${e.symbol} ${a}`;
  }
  if (e.takesBlock && !forceParens) call = call.replace(/\(\)$/, '') + ' { … }';
  return call;
}

/** `sym(name: value, …)` with the required parameters, always named. */
function namedCall(e, entries) {
  if (e.callExample) return e.callExample;
  const req = e.params.filter((p) => p.required);
  return `${e.symbol}(${req.map((p) => `${p.name}: ${sampleValue(p, entries, 0, e.symbol)}`).join(', ')})`;
}

function makeExample(e, entries) {
  if (e.example) return e.example;
  switch (e.kind) {
    case 'step': return callExample(e, entries);
    case 'option': return `options { ${callExample(e, entries, 0, true)} }`;
    case 'jobProperty':
      return ['pipelineTriggers', 'parameters'].includes(e.symbol)
        ? `properties([${callExample(e, entries, 0, true)}])`
        : `options { ${callExample(e, entries, 0, true)} }`;
    case 'trigger': return `triggers { ${callExample(e, entries, 0, true)} }`;
    case 'parameter': return `parameters { ${namedCall(e, entries)} }`;
    case 'tool': return `tools { ${e.symbol} ${quote(sampleValues[`tool:${e.symbol}`] ?? e.symbol)} }`;
    case 'agent': {
      const req = e.params.filter((p) => p.required);
      if (!e.params.length) return `agent ${e.symbol}`;
      if (req.length === 1) return `agent { ${e.symbol} ${sampleValue(req[0], entries, 0, e.symbol)} }`;
      if (!req.length) return `agent { ${e.symbol} true }`;
      return `agent { ${e.symbol} { ${req.map((p) => `${p.name} ${sampleValue(p, entries, 0, e.symbol)}`).join('; ')} } }`;
    }
    case 'when': {
      const req = e.params.filter((p) => p.required);
      if (!req.length) return `when { ${e.symbol}() }`;
      if (req.length === 1) return `when { ${e.symbol} ${sampleValue(req[0], entries, 0, e.symbol)} }`;
      return `when { ${e.symbol} ${req.map((p) => `${p.name}: ${sampleValue(p, entries, 0, e.symbol)}`).join(', ')} }`;
    }
    case 'post': return `post { ${e.symbol} { echo 'done' } }`;
    default: return callExample(e, entries, 0, true);
  }
}

// ---------------------------------------------------------------------------------------------
// Main

function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

const entries = [];
const perPlugin = new Map();
for (const source of config.sources) {
  for (const raw of source.classes ?? []) {
    const spec = typeof raw === 'string' ? { class: raw } : raw;
    const e = readClass(source, spec);
    if (e) entries.push(e);
  }
  for (const hw of source.handWritten ?? []) {
    const { note, ...rest } = hw;
    if (!note) fail(`${source.plugin}: hand-written entry ${hw.symbol} has no note`);
    entries.push({ plugin: source.plugin, ...rest });
  }
}

// duplicate check: same kind + symbol + plugin + class is a mistake in sources.json
const seen = new Set();
for (const e of entries) {
  const key = `${e.kind}|${e.symbol}|${e.className}`;
  if (seen.has(key)) fail(`duplicate entry ${key}`);
  seen.add(key);
}

// A describable whose own class is a declared parameter type fills that "extension point" too.
const bases = new Set();
const collectBases = (ty) => {
  if (!ty) return;
  if (ty.kind === 'describable') bases.add(ty.base);
  if (ty.kind === 'list') collectBases(ty.of);
};
for (const e of entries) for (const p of e.params) collectBases(p.type);
for (const e of entries) {
  if (e.kind === 'step' && !e.metaStep) continue;
  if (e.simpleName && bases.has(e.simpleName) && !(e.implements ?? []).includes(e.simpleName)) e.implements = [e.simpleName, ...(e.implements ?? [])];
}
for (const e of entries) e.example = makeExample(e, entries);
for (const e of entries) { delete e.callExample; delete e.simpleName; }

const kindIndex = (k) => KINDS.indexOf(k);
entries.sort((a, b) => {
  const k = kindIndex(a.kind) - kindIndex(b.kind);
  if (k) return k;
  if (EXTENSION_ORDERED.has(a.kind)) {
    // Jenkins' ExtensionComponent order: ordinal descending, then descriptor display name.
    const o = (b.ordinal ?? 0) - (a.ordinal ?? 0);
    if (o) return o;
    return cmp(a.displayName ?? a.className, b.displayName ?? b.className) || cmp(a.className, b.className);
  }
  return cmp(a.plugin, b.plugin) || cmp(a.symbol, b.symbol) || cmp(a.className, b.className);
});

const FIELD_ORDER = ['kind', 'symbol', 'otherSymbols', 'plugin', 'className', 'params', 'takesBlock', 'needsLauncherOrFilePath', 'metaStep', 'canUseInStage', 'implements', 'advanced', 'description', 'example', 'displayName', 'ordinal'];
const PARAM_ORDER = ['name', 'type', 'required', 'deprecated', 'description'];
function ordered(obj, order) {
  const out = {};
  for (const k of order) if (obj[k] !== undefined && !(Array.isArray(obj[k]) && obj[k].length === 0 && k !== 'params')) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out) && !order.includes(k)) fail(`unexpected field ${k} in ${obj.symbol ?? obj.name}`);
  return out;
}
for (const e of entries) {
  if (!KINDS.includes(e.kind)) fail(`${e.symbol}: unknown kind ${e.kind}`);
  if (e.kind === 'step' && e.takesBlock === undefined) e.takesBlock = false;
  e.params = e.params.map((p) => ordered(p, PARAM_ORDER));
}
const finalEntries = entries.map((e) => ordered(e, FIELD_ORDER));

const catalog = {
  generatedBy: `scripts/catalog/generate.mjs from scripts/catalog/sources.json (${repositoryCount} repositories at pinned commits); do not edit by hand`,
  sources: config.sources.map((s) => ({ plugin: s.plugin, version: s.version, repo: s.repo, commit: s.commit, dependencies: dependencies.get(s) })),
  entries: finalEntries,
};

const text = serialize(catalog);

function serialize(c) {
  const lines = ['{'];
  lines.push(`  "generatedBy": ${JSON.stringify(c.generatedBy)},`);
  lines.push('  "sources": [');
  c.sources.forEach((s, k) => lines.push(`    ${JSON.stringify(s)}${k < c.sources.length - 1 ? ',' : ''}`));
  lines.push('  ],');
  lines.push('  "entries": [');
  c.entries.forEach((e, k) => lines.push(`    ${JSON.stringify(e)}${k < c.entries.length - 1 ? ',' : ''}`));
  lines.push('  ]');
  lines.push('}');
  return lines.join('\n') + '\n';
}

// Summary
for (const e of finalEntries) {
  const m = perPlugin.get(e.plugin) ?? new Map();
  m.set(e.kind, (m.get(e.kind) ?? 0) + 1);
  perPlugin.set(e.plugin, m);
}
const kindTotals = new Map(KINDS.map((k) => [k, 0]));
for (const e of finalEntries) kindTotals.set(e.kind, kindTotals.get(e.kind) + 1);
console.log(`${finalEntries.length} entries from ${repositoryCount} repositories`);
console.log('by kind: ' + [...kindTotals].filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', '));
for (const [plugin, m] of [...perPlugin].sort((a, b) => cmp(a[0], b[0]))) {
  console.log(`  ${plugin.padEnd(30)} ${KINDS.filter((k) => m.has(k)).map((k) => `${k} ${m.get(k)}`).join(', ')}`);
}
console.log(`required plugins with no data (a plugin list's closure stops at them): ${withoutData.join(', ')}`);
for (const w of [...new Set(warnings)].sort()) console.log(`warning: ${w}`);

if (provenance) {
  console.log('\n| plugin | version | repository | commit | entries |\n|---|---|---|---|---|');
  for (const src of config.sources) {
    const n = finalEntries.filter((e) => e.plugin === src.plugin).length;
    const v = src.after ? `${src.version} (after ${src.after})` : src.version;
    const what = n || (src.dependenciesOnly ? 'dependencies only' : 'types only');
    console.log(`| ${src.plugin} | ${v} | [${src.repo}](https://github.com/${src.repo}) | \`${src.commit}\` | ${what} |`);
  }
  console.log('');
}

if (check) {
  let current = '';
  try { current = readFileSync(outFile, 'utf8'); } catch { current = ''; }
  if (current !== text) {
    console.error(`${relative(process.cwd(), outFile)} is out of date; run node scripts/catalog/generate.mjs`);
    process.exit(1);
  }
  console.log(`${relative(process.cwd(), outFile)} is up to date`);
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${relative(process.cwd(), outFile)}`);
}

function fail(msg) {
  console.error(`generate.mjs: ${msg}`);
  process.exit(1);
}
