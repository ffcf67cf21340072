// JKL401–JKL410 and JKL501 share one source, the Declarative parser and validator run while
// analyzing; each reports the problems of its group, in Jenkins' words, where Jenkins anchors them.

import type { RuleContext } from './rule.js';

export function reportDeclarative(ctx: RuleContext, code: string): void {
  for (const p of ctx.declarative.problems) {
    if (p.code !== code) continue;
    const loc = { file: ctx.file, start: p.start, end: p.end };
    const fix = p.fix && { title: p.fix.title, edits: p.fix.edits.map((e) => ({ loc: { file: ctx.file, start: e.start, end: e.end }, newText: e.newText })), safe: p.fix.safe };
    ctx.report({ loc, message: p.message, ...(fix ? { fix } : {}), ...(p.severity ? { severity: p.severity } : {}) });
  }
}
