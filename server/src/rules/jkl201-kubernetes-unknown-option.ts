import { catalogFor } from '../catalog/for-jenkins.js';
import { DECLARATIVE_OPTIONS, STEP_OPTIONS } from '../core/kubernetes-options.js';
import { invalidAgentParameter } from '../declarative/describable.js';
import type { Loc } from '../core/diagnostic.js';
import type { PodTemplate, TemplateOption } from '../extract/model.js';
import { containerTemplateCalls } from '../resolve/containers.js';
import { suggest } from '../schema/validate-pod.js';
import type { Rule, RuleContext } from './rule.js';

export const rule: Rule = {
  code: 'JKL201',
  name: 'kubernetes-unknown-option',
  severity: 'error',
  summary: 'An option that `kubernetes { }` or `podTemplate(…)` does not take (`Invalid config option "x" for agent type "kubernetes"`)',
  fixable: ['unsafe'],
  check(ctx) {
    for (const t of ctx.extraction.templates) {
      for (const opt of t.options.values()) {
        if (t.kind === 'declarative') checkDeclarative(ctx, opt);
        else checkStep(ctx, opt);
      }
      checkContainerTemplates(ctx, t);
    }
  },
};

/** The options Jenkins' validator accepts for the kubernetes agent type: JKL404's check, on the catalog's entry. */
function checkDeclarative(ctx: RuleContext, opt: TemplateOption): void {
  const names = catalogFor(ctx.config.jenkins).get('agent', 'kubernetes')?.params.map((p) => p.name) ?? DECLARATIVE_OPTIONS;
  const bad = invalidAgentParameter(opt.key, 'kubernetes', names);
  if (!bad) return;
  const stepOnly = STEP_OPTIONS.includes(opt.key);
  const loc = { file: ctx.file, ...opt.keySpan };
  ctx.report({
    loc,
    message: bad.message + (stepOnly ? ` ("${opt.key}" is an option of the scripted podTemplate step only; describe it in the pod yaml instead)` : ''),
    ...(bad.close && !stepOnly ? { fix: { title: `Rename to "${bad.close}"`, edits: [{ loc, newText: bad.close }], safe: false } } : {}),
  });
}

function checkStep(ctx: RuleContext, opt: TemplateOption): void {
  if (STEP_OPTIONS.includes(opt.key)) return;
  const loc = { file: ctx.file, ...opt.keySpan };
  if (opt.key === 'yamlFile') {
    ctx.report({ loc, message: "podTemplate has no yamlFile parameter (only declarative kubernetes { } has); use yaml: readTrusted('…')" });
    return;
  }
  reportIgnoredParameter(ctx, 'podTemplate', opt.key, loc, STEP_OPTIONS);
}

/** `containerTemplate(name: …, foo: …)`: the parameters of ContainerTemplate, as the catalog has them. */
function checkContainerTemplates(ctx: RuleContext, t: PodTemplate): void {
  const known = catalogFor(ctx.config.jenkins).get('describable', 'containerTemplate')?.params.map((p) => p.name);
  if (!known) return;
  // The block form `containerTemplate { … }` is read by the declarative agent, not checked here.
  for (const call of containerTemplateCalls(t)) {
    if (call.closure) continue;
    for (const a of call.args) if (a.name && !known.includes(a.name.text)) reportIgnoredParameter(ctx, 'containerTemplate', a.name.text, { file: ctx.file, start: a.name.start, end: a.name.end }, known);
  }
}

/**
 * A named parameter the step or describable does not have: structs' DescribableModel prints
 * `WARNING: Unknown parameter(s) found for class type '…': x` to the build log and goes on, so a warning.
 */
function reportIgnoredParameter(ctx: RuleContext, what: string, key: string, loc: Loc, known: readonly string[]): void {
  const close = suggest(key, known);
  ctx.report({
    loc,
    severity: 'warning',
    message: `Unknown ${what} parameter "${key}": Jenkins ignores it` + (close ? `; did you mean "${close}"?` : ''),
  });
}
