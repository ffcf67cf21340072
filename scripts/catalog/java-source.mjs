// A small, forgiving reader for Java (and simple Groovy) source files: enough structure to find
// classes, their annotations, supertypes, constructors, methods, fields and enum constants, so
// generate.mjs can read what Jenkins reads by reflection (@Symbol, @DataBoundConstructor,
// @DataBoundSetter, getFunctionName() …). It is not a compiler: method bodies are kept as token
// ranges and only looked at by the few helpers below.

const JAVA_MODIFIERS = new Set([
  'public', 'protected', 'private', 'static', 'final', 'abstract', 'native', 'synchronized',
  'transient', 'volatile', 'strictfp', 'default', 'sealed', 'def',
]);
const TYPE_KEYWORDS = new Set(['class', 'interface', 'enum', 'record', 'trait']);
// Tokens after which a Groovy newline does not end a statement.
const GROOVY_CONTINUERS = new Set([',', '.', '=', '+', '-', '*', '/', '&', '|', '?', ':', '(', '[', '{', '!', '<', '>', '->', '@', '%', '^', '~']);

/** Splits source text into tokens: {t:'id'|'str'|'num'|'chr'|'op', v, doc?, line}. */
export function tokenize(src, { groovy = false } = {}) {
  const out = [];
  let i = 0;
  let line = 1;
  let pendingDoc = null;
  let depth = 0; // () and [] nesting, for Groovy statement ends
  const n = src.length;
  const push = (t, v) => {
    const tok = { t, v, line };
    if (pendingDoc !== null) { tok.doc = pendingDoc; pendingDoc = null; }
    out.push(tok);
    return tok;
  };
  while (i < n) {
    const c = src[i];
    if (c === '\n') {
      line++;
      i++;
      if (groovy && depth === 0 && out.length) {
        const last = out[out.length - 1];
        if (!(last.t === 'op' && (GROOVY_CONTINUERS.has(last.v) || last.v === ';'))) {
          // a following line that starts with '{' or '.' continues the statement
          let j = i;
          while (j < n && /\s/.test(src[j])) j++;
          if (src[j] !== '{' && src[j] !== '.' && !(src[j] === '?' && src[j + 1] === '.')) out.push({ t: 'op', v: ';', line, soft: true });
        }
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      const text = src.slice(i, stop);
      for (const ch of text) if (ch === '\n') line++;
      if (text.startsWith('/**') && text !== '/**/') pendingDoc = text;
      i = stop;
      continue;
    }
    if (c === '"' || (c === "'" && groovy)) {
      const triple = src.startsWith(c.repeat(3), i);
      if (triple) {
        const end = src.indexOf(c.repeat(3), i + 3);
        const stop = end < 0 ? n : end + 3;
        let body = src.slice(i + 3, stop - 3);
        if (!groovy) body = stripTextBlockIndent(body);
        for (const ch of src.slice(i, stop)) if (ch === '\n') line++;
        push('str', unescapeJava(body));
        i = stop;
        continue;
      }
      let j = i + 1;
      let body = '';
      while (j < n && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') { body += src[j] + src[j + 1]; j += 2; continue; }
        body += src[j];
        j++;
      }
      push('str', unescapeJava(body));
      i = j + 1;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let body = '';
      while (j < n && src[j] !== "'") {
        if (src[j] === '\\') { body += src[j] + src[j + 1]; j += 2; continue; }
        body += src[j];
        j++;
      }
      push('chr', unescapeJava(body));
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(src[j])) j++;
      push('id', src.slice(i, j));
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(src[j])) {
        if (src[j] === '.' && !/[0-9]/.test(src[j + 1] ?? '')) break;
        j++;
      }
      // exponent sign
      while (j < n && /[eE]/.test(src[j - 1]) && /[+-]/.test(src[j]) && !/^0[xX]/.test(src.slice(i, j))) {
        j++;
        while (j < n && /[\w]/.test(src[j])) j++;
      }
      push('num', src.slice(i, j));
      i = j;
      continue;
    }
    if (src.startsWith('...', i)) { push('op', '...'); i += 3; continue; }
    if (src.startsWith('->', i)) { push('op', '->'); i += 2; continue; }
    if (src.startsWith('::', i)) { push('op', '::'); i += 2; continue; }
    if (c === '(' || c === '[') depth++;
    if ((c === ')' || c === ']') && depth > 0) depth--;
    push('op', c);
    i++;
  }
  return out;
}

function stripTextBlockIndent(body) {
  const lines = body.replace(/^[ \t]*\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join('\n');
}

export function unescapeJava(s) {
  return s.replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (m, e) => {
    if (e[0] === 'u') return String.fromCharCode(parseInt(e.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\', $: '$' }[e] ?? e;
  });
}

/** Parses a compilation unit. Returns {pkg, imports, types}. */
export function parseCompilationUnit(src, { groovy = false } = {}) {
  const toks = tokenize(src, { groovy });
  const p = new Parser(toks, groovy);
  return p.unit();
}

class Parser {
  constructor(toks, groovy) {
    this.toks = toks;
    this.i = 0;
    this.groovy = groovy;
  }
  peek(k = 0) { return this.toks[this.i + k]; }
  is(v, k = 0) { const t = this.toks[this.i + k]; return !!t && t.v === v && (t.t === 'op' || t.t === 'id'); }
  next() { return this.toks[this.i++]; }
  eof() { return this.i >= this.toks.length; }
  expect(v) {
    const t = this.next();
    if (!t || t.v !== v) throw new Error(`expected '${v}' near line ${t?.line ?? 'EOF'}, got '${t?.v}'`);
    return t;
  }
  skipSemis() { while (this.is(';')) this.i++; }

  unit() {
    let pkg = '';
    const imports = [];
    const types = [];
    this.skipSemis();
    // package (may carry annotations in package-info, ignore)
    while (!this.eof()) {
      this.skipSemis();
      if (this.is('package')) {
        this.next();
        pkg = this.qualifiedName();
        continue;
      }
      if (this.is('import')) {
        this.next();
        let isStatic = false;
        if (this.is('static')) { this.next(); isStatic = true; }
        const name = this.qualifiedName(true);
        let alias = null;
        if (this.groovy && this.is('as')) { this.next(); alias = this.next().v; }
        imports.push({ name: name.replace(/\.\*$/, ''), wildcard: name.endsWith('.*'), isStatic, alias });
        continue;
      }
      break;
    }
    while (!this.eof()) {
      this.skipSemis();
      if (this.eof()) break;
      const decl = this.memberOrType(null);
      if (decl && decl.kindOf === 'type') types.push(decl.type);
    }
    return { pkg, imports, types };
  }

  qualifiedName(allowStar = false) {
    let name = this.next().v;
    while (this.is('.')) {
      this.next();
      if (allowStar && this.is('*')) { this.next(); name += '.*'; break; }
      name += '.' + this.next().v;
    }
    return name;
  }

  /** Skips a balanced group starting at the current opener; returns [start, end) token indices of its inside. */
  skipBalanced(open, close) {
    this.expect(open);
    const start = this.i;
    let d = 1;
    while (!this.eof()) {
      const t = this.next();
      if (t.t === 'op' && t.v === open) d++;
      else if (t.t === 'op' && t.v === close) { d--; if (d === 0) return [start, this.i - 1]; }
    }
    return [start, this.i];
  }

  annotation() {
    const at = this.expect('@');
    const name = this.qualifiedName();
    let args = null;
    if (this.is('(')) {
      const [s, e] = this.skipBalanced('(', ')');
      args = this.toks.slice(s, e);
    }
    return { name: name.split('.').pop(), fullName: name, args, doc: at.doc };
  }

  /** Reads annotations and modifiers. */
  prefix() {
    const annotations = [];
    const modifiers = new Set();
    let doc = null;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.doc && doc === null) doc = t.doc;
      if (t.t === 'op' && t.v === ';' && this.groovy && t.soft) { this.next(); continue; }
      if (t.t === 'op' && t.v === '@' && !(this.is('interface', 1))) { annotations.push(this.annotation()); continue; }
      if (t.t === 'id' && JAVA_MODIFIERS.has(t.v)) {
        // `default` inside an annotation body / switch is not ours; in member position it is a modifier
        modifiers.add(t.v);
        this.next();
        continue;
      }
      if (t.t === 'id' && t.v === 'non' && this.is('-', 1) && this.is('sealed', 2)) { this.i += 3; continue; }
      break;
    }
    return { annotations, modifiers, doc };
  }

  typeParams() {
    if (!this.is('<')) return;
    let d = 0;
    do {
      const t = this.next();
      if (t.v === '<') d++;
      else if (t.v === '>') d--;
    } while (d > 0 && !this.eof());
  }

  /** Parses a type reference: {name, args, dims}. */
  typeRef() {
    // annotations inside types
    while (this.is('@')) this.annotation();
    if (this.is('final')) this.next();
    while (this.is('@')) this.annotation();
    if (this.is('?')) {
      this.next();
      if (this.is('extends') || this.is('super')) {
        const kw = this.next().v;
        const bound = this.typeRef();
        return kw === 'extends' ? bound : { name: 'Object', args: [], dims: 0 };
      }
      return { name: 'Object', args: [], dims: 0 };
    }
    let name = this.next().v;
    let args = [];
    for (;;) {
      if (this.is('<')) args = this.typeArgs();
      if (this.is('.') && this.peek(1)?.t === 'id') {
        this.next();
        while (this.is('@')) this.annotation();
        name += '.' + this.next().v;
        continue;
      }
      break;
    }
    let dims = 0;
    for (;;) {
      while (this.is('@')) this.annotation();
      if (this.is('[') && this.is(']', 1)) { this.i += 2; dims++; continue; }
      if (this.is('...')) { this.next(); dims++; continue; }
      break;
    }
    return { name, args, dims };
  }

  typeArgs() {
    this.expect('<');
    const args = [];
    if (this.is('>')) { this.next(); return args; } // diamond
    for (;;) {
      args.push(this.typeRef());
      if (this.is(',')) { this.next(); continue; }
      if (this.is('&')) { this.next(); this.typeRef(); continue; }
      this.expect('>');
      return args;
    }
  }

  typeDecl(prefix, outer) {
    let kind = this.next().v; // class | interface | enum | record | @
    if (kind === '@') { this.next(); kind = 'annotation'; }
    const name = this.next().v;
    const type = {
      name, kind, annotations: prefix.annotations, modifiers: prefix.modifiers, doc: prefix.doc,
      extends: [], implements: [], fields: [], methods: [], ctors: [], types: [], enumConstants: [], outer,
      recordComponents: null,
    };
    this.typeParams();
    if (kind === 'record' && this.is('(')) type.recordComponents = this.params();
    for (;;) {
      if (this.groovy && this.is(';') && this.peek().soft) { this.next(); continue; }
      if (this.is('extends')) {
        this.next();
        do { type.extends.push(this.typeRef()); } while (this.is(',') && this.next());
        continue;
      }
      if (this.is('implements')) {
        this.next();
        do { type.implements.push(this.typeRef()); } while (this.is(',') && this.next());
        continue;
      }
      if (this.is('permits')) {
        this.next();
        do { this.typeRef(); } while (this.is(',') && this.next());
        continue;
      }
      break;
    }
    if (kind === 'interface' || kind === 'annotation') { type.implements.push(...type.extends); type.extends = []; }
    this.expect('{');
    if (kind === 'enum') this.enumConstants(type);
    while (!this.eof() && !this.is('}')) {
      this.skipSemis();
      if (this.is('}')) break;
      const m = this.memberOrType(type);
      if (!m) continue;
      if (m.kindOf === 'type') type.types.push(m.type);
      else if (m.kindOf === 'ctor') type.ctors.push(m.member);
      else if (m.kindOf === 'method') type.methods.push(m.member);
      else if (m.kindOf === 'fields') type.fields.push(...m.members);
    }
    this.expect('}');
    return type;
  }

  enumConstants(type) {
    for (;;) {
      while (this.is(';') && this.groovy && this.peek().soft) this.next();
      if (this.is(';')) { this.next(); return; }
      if (this.is('}')) return;
      const pre = this.prefix();
      const t = this.next();
      if (t.t !== 'id') throw new Error(`enum ${type.name}: unexpected '${t.v}' at line ${t.line}`);
      const c = { name: t.v, annotations: pre.annotations, doc: pre.doc ?? t.doc ?? null, args: null };
      if (this.is('(')) { const [s, e] = this.skipBalanced('(', ')'); c.args = this.toks.slice(s, e); }
      if (this.is('{')) this.skipBalanced('{', '}');
      type.enumConstants.push(c);
      if (this.is(',')) { this.next(); continue; }
    }
  }

  params() {
    this.expect('(');
    const out = [];
    if (this.is(')')) { this.next(); return out; }
    for (;;) {
      const pre = this.prefix();
      let type;
      let name;
      // Groovy allows untyped params: `foo(a, b)`
      if (this.peek(1) && (this.is(',', 1) || this.is(')', 1) || this.is('=', 1))) {
        type = { name: 'Object', args: [], dims: 0 };
        name = this.next().v;
      } else {
        type = this.typeRef();
        name = this.next().v;
        while (this.is('[') && this.is(']', 1)) { this.i += 2; type.dims++; }
      }
      if (this.is('=')) { // groovy default value
        this.next();
        this.skipExpression([',', ')']);
      }
      out.push({ name, type, annotations: pre.annotations, modifiers: pre.modifiers });
      if (this.is(',')) { this.next(); continue; }
      this.expect(')');
      return out;
    }
  }

  /** Skips an expression up to one of the stop tokens at depth 0 (not consumed). Returns [start,end). */
  skipExpression(stops) {
    const start = this.i;
    let d = 0;
    while (!this.eof()) {
      const t = this.peek();
      if (t.t === 'op') {
        if (d === 0 && stops.includes(t.v)) break;
        if (t.v === '(' || t.v === '[' || t.v === '{') d++;
        else if (t.v === ')' || t.v === ']' || t.v === '}') { if (d === 0) break; d--; }
      }
      this.next();
    }
    return [start, this.i];
  }

  memberOrType(outer) {
    const pre = this.prefix();
    if (this.eof()) return null;
    if (this.is('}')) return null;
    if (this.is('@') && this.is('interface', 1)) return { kindOf: 'type', type: this.typeDecl(pre, outer) };
    if (TYPE_KEYWORDS.has(this.peek().v) && this.peek().t === 'id' && this.peek(1)?.t === 'id') {
      return { kindOf: 'type', type: this.typeDecl(pre, outer) };
    }
    if (this.is('{')) { this.skipBalanced('{', '}'); return null; } // initializer
    if (this.is(';')) { this.next(); return null; }
    if (this.is('<')) this.typeParams();
    const doc = pre.doc ?? this.peek().doc ?? null;
    const startTok = this.peek();
    // constructor or untyped (Groovy) method: name '('
    if (startTok.t === 'id' && this.is('(', 1)) {
      const name = this.next().v;
      const params = this.params();
      const body = this.methodRest();
      const member = { name, params, annotations: pre.annotations, modifiers: pre.modifiers, doc, body, returnType: null };
      return outer && name === outer.name ? { kindOf: 'ctor', member } : { kindOf: 'method', member };
    }
    if (startTok.t !== 'id') {
      // something we do not understand; skip to the end of the statement
      this.skipExpression([';']);
      if (this.is(';')) this.next();
      return null;
    }
    const type = this.typeRef();
    if (!this.peek() || this.peek().t !== 'id') {
      // e.g. a Groovy statement at class level; skip it
      this.skipExpression([';']);
      if (this.is(';')) this.next();
      return null;
    }
    const name = this.next().v;
    if (this.is('(')) {
      const params = this.params();
      while (this.is('[') && this.is(']', 1)) { this.i += 2; type.dims++; }
      const body = this.methodRest();
      return { kindOf: 'method', member: { name, params, annotations: pre.annotations, modifiers: pre.modifiers, doc, body, returnType: type } };
    }
    // fields
    const members = [];
    let fname = name;
    for (;;) {
      const ftype = { ...type };
      while (this.is('[') && this.is(']', 1)) { this.i += 2; ftype.dims = (ftype.dims ?? 0) + 1; }
      let init = null;
      if (this.is('=')) {
        this.next();
        const [s, e] = this.skipExpression([',', ';']);
        init = this.toks.slice(s, e);
      }
      members.push({ name: fname, type: ftype, annotations: pre.annotations, modifiers: pre.modifiers, doc, init });
      if (this.is(',')) { this.next(); fname = this.next().v; continue; }
      if (this.is(';')) this.next();
      break;
    }
    return { kindOf: 'fields', members };
  }

  /** After a parameter list: throws, then a body, ';' or an annotation default. Returns body tokens or null. */
  methodRest() {
    if (this.is('throws')) {
      this.next();
      do { this.typeRef(); } while (this.is(',') && this.next());
    }
    if (this.is('default')) { this.next(); this.skipExpression([';']); }
    if (this.groovy) while (this.is(';') && this.peek().soft && this.is('{', 1)) this.next();
    if (this.is('{')) {
      const [s, e] = this.skipBalanced('{', '}');
      return this.toks.slice(s, e);
    }
    if (this.is(';')) this.next();
    return null;
  }
}

/** Evaluates an annotation argument list into {value: [...], ordinal: …}. `resolveConst(name)` resolves identifiers. */
export function annotationValues(ann, resolveConst = () => undefined) {
  const out = {};
  if (!ann?.args || !ann.args.length) return out;
  const toks = ann.args;
  // split top-level `key = value` pairs
  const pairs = [];
  let d = 0;
  let cur = [];
  for (const t of toks) {
    if (t.t === 'op' && (t.v === '(' || t.v === '{' || t.v === '[')) d++;
    if (t.t === 'op' && (t.v === ')' || t.v === '}' || t.v === ']')) d--;
    if (d === 0 && t.t === 'op' && t.v === ',') { pairs.push(cur); cur = []; continue; }
    cur.push(t);
  }
  if (cur.length) pairs.push(cur);
  const single = pairs.length === 1 && !(pairs[0].length > 1 && pairs[0][0].t === 'id' && pairs[0][1].v === '=');
  if (single) {
    out.value = evalConstList(pairs[0], resolveConst);
    return out;
  }
  for (const pr of pairs) {
    if (pr.length > 1 && pr[0].t === 'id' && pr[1].v === '=') out[pr[0].v] = evalConstList(pr.slice(2), resolveConst);
  }
  return out;
}

/** Evaluates `{a, b}` / `[a, b]` / `a` into a list of constant values. */
export function evalConstList(toks, resolveConst) {
  if (toks.length && toks[0].t === 'op' && (toks[0].v === '{' || toks[0].v === '[')) {
    const inner = toks.slice(1, -1);
    const items = [];
    let cur = [];
    let d = 0;
    for (const t of inner) {
      if (t.t === 'op' && '({['.includes(t.v)) d++;
      if (t.t === 'op' && ')}]'.includes(t.v)) d--;
      if (d === 0 && t.t === 'op' && t.v === ',') { items.push(cur); cur = []; continue; }
      cur.push(t);
    }
    if (cur.length) items.push(cur);
    return items.map((it) => evalConst(it, resolveConst));
  }
  return [evalConst(toks, resolveConst)];
}

/** Evaluates a constant expression: string/number/boolean literals, `+` concatenation, names. */
export function evalConst(toks, resolveConst = () => undefined) {
  if (!toks || !toks.length) return undefined;
  // strip wrapping parentheses
  if (toks[0].v === '(' && toks[toks.length - 1].v === ')') {
    let d = 0;
    let wraps = true;
    for (let k = 0; k < toks.length; k++) {
      if (toks[k].v === '(') d++;
      if (toks[k].v === ')') d--;
      if (d === 0 && k < toks.length - 1) { wraps = false; break; }
    }
    if (wraps) return evalConst(toks.slice(1, -1), resolveConst);
  }
  // split on top-level '+'
  const parts = [];
  let cur = [];
  let d = 0;
  for (const t of toks) {
    if (t.t === 'op' && '({['.includes(t.v)) d++;
    if (t.t === 'op' && ')}]'.includes(t.v)) d--;
    if (d === 0 && t.t === 'op' && t.v === '+' && cur.length) { parts.push(cur); cur = []; continue; }
    cur.push(t);
  }
  parts.push(cur);
  if (parts.length > 1) {
    const vals = parts.map((p) => evalConst(p, resolveConst));
    if (vals.some((v) => v === undefined)) return undefined;
    return vals.reduce((a, b) => (typeof a === 'number' && typeof b === 'number' ? a + b : String(a) + String(b)));
  }
  if (toks.length === 1) {
    const t = toks[0];
    if (t.t === 'str' || t.t === 'chr') return t.v;
    if (t.t === 'num') return parseNumber(t.v);
    if (t.t === 'id' && (t.v === 'true' || t.v === 'false')) return t.v === 'true';
    if (t.t === 'id' && t.v === 'null') return null;
    if (t.t === 'id') return resolveConst(t.v);
  }
  if (toks.length === 2 && toks[0].v === '-' && toks[1].t === 'num') return -parseNumber(toks[1].v);
  // Qualified name: Foo.BAR
  if (toks.every((t, k) => (k % 2 === 0 ? t.t === 'id' : t.v === '.'))) return resolveConst(toks.map((t) => t.v).join(''));
  return undefined;
}

function parseNumber(s) {
  const clean = s.replace(/_/g, '').replace(/[lLdDfF]$/, '');
  if (/^0[xX]/.test(clean)) return parseInt(clean, 16);
  return Number(clean);
}

/** Statements `return <expr>;` in a body, as token arrays (only top-level returns are reliable). */
export function returnExpressions(body) {
  const out = [];
  if (!body) return out;
  for (let k = 0; k < body.length; k++) {
    if (body[k].t === 'id' && body[k].v === 'return') {
      const expr = [];
      let d = 0;
      let j = k + 1;
      for (; j < body.length; j++) {
        const t = body[j];
        if (t.t === 'op' && '({['.includes(t.v)) d++;
        if (t.t === 'op' && ')}]'.includes(t.v)) { if (d === 0) break; d--; }
        if (d === 0 && t.t === 'op' && t.v === ';') break;
        expr.push(t);
      }
      out.push(expr);
      k = j;
    }
  }
  // Groovy: a body that is just an expression (implicit return)
  if (!out.length && body.length && !body.some((t) => t.t === 'op' && t.v === ';' && !t.soft)) {
    const expr = body.filter((t) => !(t.t === 'op' && t.v === ';'));
    if (expr.length) out.push(expr);
  }
  return out;
}

/** Converts Javadoc comment text into plain text (first paragraph handling is left to the caller). */
export function javadocText(doc) {
  if (!doc) return '';
  let s = doc.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  s = s.split('\n').map((l) => l.replace(/^\s*\*( ?)/, '')).join('\n');
  const tagAt = s.search(/^\s*@\w+/m);
  if (tagAt >= 0) s = s.slice(0, tagAt);
  s = s.replace(/\{@(?:code|literal)\s+([^}]*)\}/g, '$1').replace(/\{@(?:link|linkplain)\s+([^\s}(]*(?:\([^)]*\))?)(?:\s+([^}]*))?\}/g, (m, ref, label) => label || ref.replace(/^#/, '').replace(/#/, '.'));
  s = s.replace(/\{@\w+\s*([^}]*)\}/g, '$1');
  return s;
}
