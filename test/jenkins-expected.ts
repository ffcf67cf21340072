// The messages Jenkins' own tests expect for each file under errors/: the Java expressions of
// ERRORS-INDEX.tsv (`Messages.ModelValidatorImpl_NoStages()`, …) evaluated with our renderer of the
// same templates. A list that depends on the plugins installed in Jenkins' test instance (valid option
// types, agent types) is compared up to where it starts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, TEMPLATES, type MessageKey } from '../server/out/declarative/messages.js';
import { CORPUS } from './helpers.js';

export interface Expected {
  /** The whole message, or (when `prefix`) its beginning. */
  text: string;
  prefix: boolean;
  /** The Jenkins message key, or `Groovy` for the compiler's own text. */
  key: string;
}

const INDEX = join(CORPUS, 'pipeline-model-definition', 'ERRORS-INDEX.tsv');
/** Marks where an installation-dependent list starts in an argument. */
const DEPENDS = '\u0000';

const WHEN_NAMES = ['allOf', 'anyOf', 'branch', 'buildingTag', 'changeRequest', 'changelog', 'changeset', 'environment', 'equals', 'expression', 'isRestartedRun', 'not', 'tag', 'triggeredBy'];
const POST_NAMES = ['always', 'changed', 'fixed', 'regression', 'aborted', 'success', 'unsuccessful', 'unstable', 'failure', 'notBuilt', 'cleanup'];
const SUB_MESSAGES: Record<string, MessageKey> = {
  stage: 'BlockedStepsAndMethodCalls.BlockedSteps.Stage',
  properties: 'BlockedStepsAndMethodCalls.BlockedSteps.Properties',
  parallel: 'BlockedStepsAndMethodCalls.BlockedSteps.Parallel',
  node: 'BlockedStepsAndMethodCalls.BlockedSteps.Node',
};
/** Log lines Jenkins' tests also look for that are no message of the validator. */
const LOG_NOISE = ['MultipleCompilationErrorsException: startup failed:'];

type V = string | number | string[];

class Expr {
  private i = 0;
  constructor(private readonly s: string) {}

  /** The items of a logContains list: `a || b` and `a, b` alike. */
  items(): Array<{ value: V; key: string }> {
    const out: Array<{ value: V; key: string }> = [];
    for (;;) {
      this.ws();
      if (this.i >= this.s.length) return out;
      out.push(this.item());
      this.ws();
      if (this.s.startsWith('||', this.i)) this.i += 2;
      else if (this.s[this.i] === ',') this.i++;
    }
  }

  private ws(): void {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }

  private item(): { value: V; key: string } {
    this.ws();
    if (this.s[this.i] === '"') return { value: this.string(), key: 'log' };
    const start = this.i;
    const value = this.value();
    const m = /(?:^|\.)Messages\.([A-Za-z]+)_([A-Za-z_]+)\(/.exec(this.s.slice(start, this.i));
    return { value, key: m ? `${m[1]}.${m[2]}` : 'expression' };
  }

  private string(): string {
    let out = '';
    this.i++;
    while (this.s[this.i] !== '"') {
      if (this.s[this.i] === '\\') this.i++;
      out += this.s[this.i++];
    }
    this.i++;
    return out;
  }

  private value(): V {
    this.ws();
    if (this.s[this.i] === '"') return this.string();
    const num = /^-?\d+/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const path = /^[A-Za-z_][\w.]*/.exec(this.s.slice(this.i))![0];
    this.i += path.length;
    let v: V;
    if (this.s[this.i] === '(') {
      this.i++;
      const args: V[] = [];
      this.ws();
      while (this.s[this.i] !== ')') {
        args.push(this.value());
        this.ws();
        if (this.s[this.i] === ',') this.i++;
        this.ws();
      }
      this.i++;
      v = this.call(path, args);
    } else v = this.constant(path);
    // Chained calls: `.get("x")`, `.keySet()`.
    while (this.s[this.i] === '.') {
      const m = /^\.(\w+)\(("[^"]*")?\)/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      if (m[1] === 'get') v = render(SUB_MESSAGES[JSON.parse(m[2]!) as string]!);
    }
    return v;
  }

  private constant(path: string): V {
    if (path === 'ModelStepLoader.STEP_NAME') return 'pipeline';
    if (path.endsWith('.class')) return `class java.lang.${path.slice(0, -'.class'.length)}`;
    if (path === 'legalAgentTypes') return DEPENDS;
    throw new Error(`unknown constant ${path} in ${this.s}`);
  }

  private call(path: string, args: V[]): V {
    const m = /Messages\.([A-Za-z]+)_([A-Za-z_]+)$/.exec(path);
    if (m) {
      const key = `${m[1]}.${m[2]!.replace(/_/g, '.')}` as MessageKey;
      // A message the linter has no template for (it never reports it): expected, never matched.
      if (!(key in TEMPLATES)) return `<${key}>`;
      return render(key, ...(args as Array<string | number | string[]>));
    }
    if (path === 'BuildCondition.getOrderedConditionNames') return POST_NAMES;
    if (path === 'DeclarativeStageConditionalDescriptor.allNames') return WHEN_NAMES;
    if (path === 'StringUtils.join') return (args[0] as string[]).join(args[1] as string);
    if (path === 'BlockedStepsAndMethodCalls.blockedInSteps') return '';
    if (/getAllowed\w+Types$/.test(path)) return DEPENDS;
    throw new Error(`unknown call ${path} in ${this.s}`);
  }
}

/** For each file of errors/ with an entry in ERRORS-INDEX.tsv, the messages its test expects. */
export function expectedMessages(): Map<string, Expected[]> {
  const out = new Map<string, Expected[]>();
  const rows = readFileSync(INDEX, 'utf8').split('\n').slice(1).filter(Boolean);
  for (const row of rows) {
    const [file, , expressions] = row.split('\t');
    const list = out.get(file!) ?? [];
    for (const { value, key } of new Expr(expressions ?? '').items()) {
      const text = String(value);
      if (key === 'log' && LOG_NOISE.includes(text)) continue;
      const cut = text.indexOf(DEPENDS);
      list.push({ text: cut >= 0 ? text.slice(0, cut) : text, prefix: cut >= 0 || key === 'log', key: key === 'log' ? 'Groovy' : key });
    }
    out.set(file!, list);
  }
  return out;
}
