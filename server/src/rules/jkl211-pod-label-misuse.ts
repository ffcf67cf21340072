import type { Catalog } from '../catalog/catalog.js';
import { catalogFor } from '../catalog/for-jenkins.js';
import { SECTIONS } from '../declarative/sections.js';
import { STEP_RECEIVERS } from '../extract/extract.js';
import type { ClosureOf, CodeCall, PodTemplate } from '../extract/model.js';
import { innermostContaining, OffsetSet } from '../extract/spans.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL211',
  name: 'pod-label-misuse',
  severity: 'error',
  summary: '`POD_LABEL` outside a podTemplate or with an explicit `label:`, a podTemplate without a body, or one whose body never runs on its pod',
  check(ctx) {
    const { templates, podLabelRefs, nodes } = ctx.extraction;
    // Everything below is about a POD_LABEL or a scripted template: most files have neither.
    if (!podLabelRefs.length && !templates.some((t) => t.kind === 'scripted')) return;
    const catalog = catalogFor(ctx.config.jenkins);
    const userCode = (c: CodeCall) => isUserCode(c, catalog);
    const inUserClosure = closureOfUserCode(userCode);
    const scripted = templates.filter((t) => t.kind === 'scripted');
    const declarative = templates.filter((t) => t.kind === 'declarative');
    const scope = (t: PodTemplate) => t.scope;
    // Each scripted template's innermost enclosing one, and whether any template around it (itself
    // included) has no label: inside such a one, POD_LABEL is defined.
    const enclosing = innermostContaining(scripted, scope, scripted.map((t) => t.call.start));
    const unlabelledAround = new Map<PodTemplate, boolean>();
    const byStart = scripted.map((t, i) => ({ t, parent: enclosing[i] })).sort((a, b) => a.t.call.start - b.t.call.start);
    for (const { t, parent } of byStart) unlabelledAround.set(t, !t.options.has('label') || (!!parent && parent !== t && unlabelledAround.get(parent) === true));

    const innermost = innermostContaining(scripted, scope, podLabelRefs.map((r) => r.start));
    const inDeclarative = innermostContaining(declarative, scope, podLabelRefs.map((r) => r.start));
    podLabelRefs.forEach((ref, i) => {
      const t = innermost[i];
      if (!t) {
        // Declarative agents run their stages inside a podTemplate too, where POD_LABEL is defined;
        // a method or a closure kept for later may be called from inside one, and a method of the
        // user's may run the closure it is given inside one.
        if (inDeclarative[i] || ref.deferred || inUserClosure(ref.inClosureOf)) return;
        ctx.report({ loc: { file: ctx.file, ...ref }, message: 'POD_LABEL is only defined inside a podTemplate body; this use is outside any' });
      } else if (!unlabelledAround.get(t)) {
        ctx.report({ loc: { file: ctx.file, ...ref }, message: "POD_LABEL is not defined when podTemplate is given a label; use node('<that label>') or drop the label" });
      }
    });

    // Does anything in a template's body run on its pod: a matching node(), POD_LABEL passed on, a nested
    // template, a method or closure that may run node(POD_LABEL) itself?
    const running = new Set(nodes.map((n) => n.runsOn));
    const firstNode = new Map<PodTemplate, (typeof nodes)[number]>();
    for (const n of nodes) if (n.template && !firstNode.has(n.template)) firstNode.set(n.template, n);
    const refs = new OffsetSet(podLabelRefs.map((r) => r.start));
    const nested = new OffsetSet(templates.map((o) => o.call.start));
    const definesPodTemplate = ctx.declarative.definedNames?.().has('podTemplate') ?? false;
    for (const t of scripted) {
      if (t.noBody) {
        // A method of the file's own by that name would be called instead of the step.
        if (!definesPodTemplate) {
          ctx.report({
            loc: { file: ctx.file, ...t.call.nameSpan },
            message: 'podTemplate without a body: Jenkins fails the build ("podTemplate step must be called with a body") and nothing runs on this pod; add { node(POD_LABEL) { … } }',
          });
        }
        continue;
      }
      if (running.has(t) || refs.anyInside(t.scope) || nested.anyInside(t.scope)) continue;
      // A method or closure it calls may run node(POD_LABEL) itself (POD_LABEL is read at run time).
      if (ctx.extraction.callsIn(t.call).some(userCode)) continue;
      const stray = firstNode.get(t);
      ctx.report({
        loc: { file: ctx.file, ...(stray ? stray.call.nameSpan : t.call.nameSpan) },
        message: stray
          ? `This node(…) does not run on the enclosing pod template, and nothing else does: the pod is never used; use ${t.options.has('label') ? "node('<its label>')" : 'node(POD_LABEL)'}`
          : 'podTemplate body has no node(POD_LABEL) block: the pod is never started ("You can NOT omit the node statement")',
      });
    }
  },
};

/** Jenkins' global variables that hold data (or need a node already): their methods run no code of the user's. */
const DATA_GLOBALS = new Set(['env', 'params', 'currentBuild', 'scm', 'docker']);
/** Steps that run code the file does not show: `load` runs a script's top level. */
const RUNS_CODE = new Set(['load']);
/** Groovy's own script methods, and Declarative's sections (`steps { }`), which are no steps of the catalog. */
const NOT_USER_CODE = new Set(['println', 'print', 'printf', 'sprintf', ...SECTIONS.map((s) => s.name)]);

/**
 * Is this call code of the user's — a method or closure (`body()`, `runStages(label)`, `lib.build()`,
 * a library's vars/ step) that may run node(POD_LABEL), or run its closure inside a podTemplate —
 * rather than Jenkins' (a step, a post condition, `println`)?
 */
function isUserCode(c: CodeCall, catalog: Catalog): boolean {
  const head = c.receiver?.name;
  if (c.receiver && (head === undefined || DATA_GLOBALS.has(head))) return false;
  if (head !== undefined && !STEP_RECEIVERS.has(head)) return true;
  if (RUNS_CODE.has(c.name)) return true;
  return !catalog.stepOrFunction(c.name) && !catalog.get('post', c.name) && !NOT_USER_CODE.has(c.name);
}

/**
 * Is some call around, whose closure holds the code, the user's? Answered once per call: closures
 * nest thousands deep in hostile input, and the refs inside share their chain of calls.
 */
function closureOfUserCode(userCode: (c: CodeCall) => boolean): (c: ClosureOf | undefined) => boolean {
  const known = new Map<ClosureOf, boolean>();
  return (c) => {
    const unknown: ClosureOf[] = [];
    let answer = false;
    for (let o = c; o; o = o.outer) {
      const k = known.get(o);
      if (k !== undefined) {
        answer = k;
        break;
      }
      unknown.push(o);
    }
    // From the outermost unknown inward: each is user code if it, or any around it, is.
    for (const o of unknown.reverse()) known.set(o, (answer ||= userCode(o.call)));
    return answer;
  };
}
