// The class model over several git mirrors: an index of every main-source class of every source
// repository at its pinned commit, lazy parsing, name resolution the way javac would do it for the
// cases Jenkins plugins use, and the few evaluations generate.mjs needs (constants, Messages,
// method return values, help files).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompilationUnit, evalConst, annotationValues, returnExpressions, unescapeJava } from './java-source.mjs';

const GROOVY_DEFAULT_PACKAGES = ['java.lang', 'java.util', 'java.io', 'java.net', 'groovy.lang', 'groovy.util'];

/** Finds the git directory fetch made for owner/name under the mirrors directory. */
export function findGitDir(mirrors, repo) {
  const base = join(mirrors, repo.replace('/', '+'));
  if (!existsSync(base)) return null;
  const isGitDir = (d) => existsSync(join(d, 'HEAD')) && existsSync(join(d, 'objects'));
  if (isGitDir(base)) return base;
  const queue = [base];
  while (queue.length) {
    const d = queue.shift();
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (!statSync(p).isDirectory()) continue;
      if (isGitDir(p)) return p;
      if (name === '.git' || p.split('/').length - base.split('/').length < 3) queue.push(p);
    }
  }
  return null;
}

export class Repo {
  constructor(source, gitDir) {
    this.source = source;
    this.key = source.repo;
    this.gitDir = gitDir;
    this.commit = source.commit;
    this.cache = new Map();
  }
  git(...args) {
    return execFileSync('git', ['--git-dir', this.gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  }
  hasCommit() {
    try { this.git('cat-file', '-e', `${this.commit}^{commit}`); return true; } catch { return false; }
  }
  files() {
    if (!this._files) this._files = this.git('ls-tree', '-r', '--name-only', this.commit).split('\n').filter(Boolean);
    return this._files;
  }
  read(path) {
    if (this.cache.has(path)) return this.cache.get(path);
    let text = null;
    try { text = this.git('show', `${this.commit}:${path}`); } catch { text = null; }
    this.cache.set(path, text);
    return text;
  }
}

const MAIN_SOURCE = /^(?:(.*?)\/)?src\/main\/(java|groovy)\/(.+)\.(java|groovy)$/;
const MAIN_RESOURCE = /^(?:(.*?)\/)?src\/main\/resources\/(.+)$/;

export class ClassModel {
  constructor(repos, warn) {
    this.repos = repos;
    this.warn = warn;
    this.index = new Map(); // top-level FQN -> {repo, path, module}
    this.resources = new Map(); // resource path (package relative) -> [{repo, path}]
    this.packages = new Set();
    this.units = new Map();
    for (const repo of repos) {
      for (const f of repo.files()) {
        if (/\/src\/test\/|^src\/test\//.test(f)) continue;
        let m = MAIN_SOURCE.exec(f);
        if (m) {
          const fqn = m[3].replace(/\//g, '.');
          if (fqn.endsWith('package-info')) continue;
          if (!this.index.has(fqn)) this.index.set(fqn, { repo, path: f, module: m[1] ?? '' });
          this.packages.add(fqn.slice(0, fqn.lastIndexOf('.')));
          continue;
        }
        m = MAIN_RESOURCE.exec(f);
        if (m) {
          if (!this.resources.has(m[2])) this.resources.set(m[2], []);
          this.resources.get(m[2]).push({ repo, path: f });
        }
      }
    }
  }

  /** The parsed unit holding a top-level class, with fqn/binary names set on every type. */
  unit(fqn) {
    if (this.units.has(fqn)) return this.units.get(fqn);
    const loc = this.index.get(fqn);
    let cu = null;
    if (loc) {
      const text = loc.repo.read(loc.path);
      cu = parseCompilationUnit(text, { groovy: loc.path.endsWith('.groovy') });
      cu.repo = loc.repo;
      cu.path = loc.path;
      cu.module = loc.module;
      cu.groovy = loc.path.endsWith('.groovy');
      const mark = (t, outerFqn, outerBin) => {
        t.fqn = outerFqn ? `${outerFqn}.${t.name}` : (cu.pkg ? `${cu.pkg}.${t.name}` : t.name);
        t.binaryName = outerBin ? `${outerBin}$${t.name}` : t.fqn;
        t.cu = cu;
        for (const n of t.types) mark(n, t.fqn, t.binaryName);
      };
      for (const t of cu.types) mark(t, null, null);
    }
    this.units.set(fqn, cu);
    return cu;
  }

  /** Finds a type by dotted FQN (nested types separated by dots). */
  type(fqn) {
    const parts = fqn.split('.');
    for (let k = parts.length; k > 0; k--) {
      const top = parts.slice(0, k).join('.');
      if (!this.index.has(top)) continue;
      const cu = this.unit(top);
      if (!cu) return null;
      let t = cu.types.find((x) => x.name === parts[k - 1]);
      for (let j = k; t && j < parts.length; j++) t = t.types.find((x) => x.name === parts[j]);
      return t ?? null;
    }
    return null;
  }

  /**
   * Resolves a (possibly qualified) type name as written inside `ctx` (a type). Returns the type
   * declaration or null; `external` receives the best-guess FQN when it is not in the index.
   */
  resolve(name, ctx, external = {}) {
    this.inProgress ??= new Set();
    this.resolveCache ??= new Map();
    const cacheKey = `${ctx?.fqn}|${name}`;
    const cached = this.resolveCache.get(cacheKey);
    if (cached) { if (cached.external) external.fqn = cached.external; return cached.type; }
    const top = this.inProgress.size === 0;
    const type = this.resolveUncached(name, ctx, external);
    if (top) this.resolveCache.set(cacheKey, { type, external: external.fqn });
    return type;
  }

  resolveUncached(name, ctx, external) {
    const parts = name.split('.');
    const first = parts[0];
    let base = this.resolveSimple(first, ctx);
    if (!base && parts.length > 1) {
      // fully qualified name, or a package prefix
      const t = this.type(name);
      if (t) return t;
      external.fqn = name;
      return null;
    }
    if (!base) { external.fqn = this.guessExternal(first, ctx); return null; }
    for (const p of parts.slice(1)) {
      const next = this.memberType(base, p);
      if (!next) { external.fqn = `${base.fqn}.${p}`; return null; }
      base = next;
    }
    return base;
  }

  memberType(t, name, seen = new Set()) {
    if (!t || seen.has(t)) return null;
    seen.add(t);
    const own = t.types.find((x) => x.name === name);
    if (own) return own;
    const key = `${t.fqn}|${name}`;
    this.inProgress ??= new Set();
    if (this.inProgress.has(key)) return null;
    this.inProgress.add(key);
    try {
      for (const s of [...t.extends, ...t.implements]) {
        const st = this.resolve(s.name, t.outer ?? t, {});
        const found = this.memberType(st, name, seen);
        if (found) return found;
      }
    } finally {
      this.inProgress.delete(key);
    }
    return null;
  }

  resolveSimple(name, ctx) {
    if (!ctx) return null;
    // the type itself, its members, enclosing types and their members (inherited too)
    for (let t = ctx; t; t = t.outer) {
      if (t.name === name) return t;
      const m = this.memberType(t, name);
      if (m) return m;
    }
    const cu = ctx.cu;
    for (const imp of cu.imports) {
      if (imp.isStatic || imp.wildcard) continue;
      const simple = imp.alias ?? imp.name.split('.').pop();
      if (simple === name) return this.type(imp.name);
    }
    const samePkg = this.type(cu.pkg ? `${cu.pkg}.${name}` : name);
    if (samePkg) return samePkg;
    for (const imp of cu.imports) {
      if (imp.isStatic || !imp.wildcard) continue;
      const t = this.type(`${imp.name}.${name}`);
      if (t) return t;
    }
    return null;
  }

  guessExternal(name, ctx) {
    if (!ctx) return name;
    const cu = ctx.cu;
    for (const imp of cu.imports) {
      if (imp.isStatic || imp.wildcard) continue;
      if ((imp.alias ?? imp.name.split('.').pop()) === name) return imp.name;
    }
    const defaults = cu.groovy ? GROOVY_DEFAULT_PACKAGES : ['java.lang'];
    if (JAVA_LANG.has(name)) return `java.lang.${name}`;
    if (cu.groovy && GROOVY_UTIL.has(name)) return `java.util.${name}`;
    for (const imp of cu.imports) if (imp.wildcard && !imp.isStatic) return `${imp.name}.${name}?`;
    return `${defaults[0]}.${name}?`;
  }

  /** The superclass declaration (first `extends`), resolved. */
  superclass(t) {
    if (!t || !t.extends.length) return null;
    return this.resolve(t.extends[0].name, t.outer ?? t) ?? this.resolve(t.extends[0].name, t);
  }

  /** Supertypes (classes and interfaces) breadth-first: [{name, type|null}]. */
  supertypes(t) {
    const out = [];
    const seen = new Set();
    const queue = [t];
    while (queue.length) {
      const cur = queue.shift();
      for (const ref of [...cur.extends, ...cur.implements]) {
        const rt = this.resolve(ref.name, cur);
        const simple = ref.name.split('.').pop();
        const key = rt ? rt.fqn : simple;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ name: simple, type: rt });
        if (rt) queue.push(rt);
      }
    }
    return out;
  }

  /** Finds a method (by name and arity) in t or its supertypes; returns {method, owner}. */
  findMethod(t, name, arity = 0) {
    const queue = [t];
    const seen = new Set();
    while (queue.length) {
      const cur = queue.shift();
      if (!cur || seen.has(cur)) continue;
      seen.add(cur);
      const m = cur.methods.find((x) => x.name === name && x.params.length === arity);
      if (m && m.body) return { method: m, owner: cur };
      for (const ref of [...cur.extends, ...cur.implements]) queue.push(this.resolve(ref.name, cur));
    }
    return null;
  }

  /** Resolves an identifier (or Qualified.NAME) to a constant value as seen from type t. */
  constant(name, t, depth = 0) {
    if (depth > 10) return undefined;
    const parts = name.split('.');
    if (parts.length > 1) {
      const owner = this.resolve(parts.slice(0, -1).join('.'), t);
      if (!owner) return undefined;
      return this.constant(parts[parts.length - 1], owner, depth + 1);
    }
    for (let cur = t; cur; cur = cur.outer) {
      const chain = [cur, ...this.supertypes(cur).map((s) => s.type).filter(Boolean)];
      for (const c of chain) {
        const f = c.fields.find((x) => x.name === name);
        if (f && f.init) return evalConst(f.init, (n) => this.constant(n, c, depth + 1));
      }
    }
    return undefined;
  }

  /** Evaluates the value a method returns (string/boolean/number, or a Messages lookup). */
  returnValue(found) {
    if (!found?.method?.body) return undefined;
    const { method, owner } = found;
    for (const expr of returnExpressions(method.body)) {
      const v = this.expressionValue(expr, owner);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  expressionValue(expr, owner) {
    const v = evalConst(expr, (n) => this.constant(n, owner));
    if (v !== undefined) return v;
    // Messages.Key_Name(...) possibly with arguments
    if (expr.length >= 4 && expr[1]?.v === '.' && expr[3]?.v === '(' && /Messages$/.test(expr[0].v)) {
      return this.message(expr[0].v, expr[2].v, owner);
    }
    // Util/`Messages` fully qualified: a.b.Messages.Key()
    const dot = expr.findIndex((tk) => tk.v === '(');
    if (dot > 2) {
      const q = expr.slice(0, dot).map((tk) => tk.v).join('');
      const m = /^(.*Messages)\.(\w+)$/.exec(q);
      if (m) return this.message(m[1], m[2], owner);
    }
    return undefined;
  }

  /** Looks a Messages method up in the Messages.properties next to the class (or the imported package). */
  message(cls, method, owner) {
    const cu = owner.cu;
    let pkg = cu.pkg;
    if (cls.includes('.')) pkg = cls.slice(0, cls.lastIndexOf('.'));
    else {
      const imp = cu.imports.find((i) => !i.wildcard && !i.isStatic && i.name.split('.').pop() === cls);
      if (imp) pkg = imp.name.slice(0, imp.name.lastIndexOf('.'));
    }
    const res = `${pkg.replace(/\./g, '/')}/Messages.properties`;
    const props = this.properties(res, cu.repo);
    if (!props) return undefined;
    for (const [k, v] of props) {
      if (k.replace(/[.\-]/g, '_') === method) return formatMessage(v);
    }
    return undefined;
  }

  properties(resPath, preferRepo) {
    const locs = this.resources.get(resPath);
    if (!locs) return null;
    const loc = locs.find((l) => l.repo === preferRepo) ?? locs[0];
    const text = loc.repo.read(loc.path);
    return text ? parseProperties(text) : null;
  }

  /** Text of a resource next to a class: <pkg>/<Outer>/<Inner>/<file>. */
  classResource(t, file) {
    const rel = `${t.fqn.replace(/\./g, '/')}/${file}`;
    const locs = this.resources.get(rel);
    if (!locs) return null;
    const loc = locs.find((l) => l.repo === t.cu.repo) ?? locs[0];
    return { text: loc.repo.read(loc.path), repo: loc.repo, path: loc.path };
  }

  annotation(target, name) {
    return target?.annotations?.find((a) => a.name === name) ?? null;
  }

  annotationValues(ann, t) {
    return annotationValues(ann, (n) => this.constant(n, t));
  }
}

const JAVA_LANG = new Set(['String', 'Object', 'Integer', 'Long', 'Boolean', 'Double', 'Float', 'Short', 'Byte', 'Character', 'CharSequence', 'Number', 'Iterable', 'Class', 'Enum', 'Void', 'Runnable', 'Exception', 'Throwable']);
const GROOVY_UTIL = new Set(['List', 'Map', 'Set', 'Collection']);

export function parseProperties(text) {
  const out = [];
  const lines = text.split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k].replace(/^\s+/, '');
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && k + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++k].replace(/^\s+/, '');
    }
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (!m) { out.push([unescapeJava(line), '']); continue; }
    out.push([unescapeJava(m[1]), unescapeJava(m[2])]);
  }
  return out;
}

/** MessageFormat text without arguments: '' → ', a lone quote is dropped. */
export function formatMessage(v) {
  let out = '';
  let quoted = false;
  for (let k = 0; k < v.length; k++) {
    const c = v[k];
    if (c === "'") {
      if (v[k + 1] === "'") { out += "'"; k++; continue; }
      quoted = !quoted;
      continue;
    }
    out += c;
  }
  return out;
}
