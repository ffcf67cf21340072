// JKL101–JKL104 share one source, the pod schema validation done while resolving; this reports the
// issues of one code at the YAML node each is about.

import { isMap, type Node, type Pair } from 'yaml';
import type { SchemaCode, SchemaIssue } from '../schema/validate-pod.js';
import { locate, nodeRange, pairFor } from '../yaml/parse-yaml.js';
import { yamlLoc, type PodYaml } from '../resolve/resolve.js';
import type { Finding, Loc } from '../core/diagnostic.js';
import type { RuleContext } from './rule.js';

export function reportSchemaIssues(ctx: RuleContext, code: SchemaCode): void {
  for (const pod of ctx.pods) {
    const y = pod.yaml;
    if (!y) continue;
    for (const issue of y.schemaIssues) {
      if (issue.code !== code) continue;
      const range = issueRange(y, issue);
      const loc = range && yamlLoc(y, range[0], range[1]);
      if (!loc) continue;
      ctx.report({ loc, message: issue.message, ...fixFor(y, issue, range!, loc) });
    }
  }
}

/**
 * A did-you-mean for an unknown key is a guess (the user may have meant another field): unsafe. An
 * enum value in the wrong case can only mean the allowed one: safe, written inside the value's
 * quotes when it has them.
 */
function fixFor(y: PodYaml, issue: SchemaIssue, range: [number, number], loc: Loc): { fix?: NonNullable<Finding['fix']> } {
  if (issue.target === 'key' && issue.suggestion) return { fix: { title: `Rename to "${issue.suggestion}"`, edits: [{ loc, newText: issue.suggestion }], safe: false } };
  if (issue.target !== 'value' || !issue.caseOf) return {};
  const written = y.text.text.slice(range[0], range[1]).trimEnd();
  const quoted = /^(['"]).*\1$/s.test(written) ? 1 : 0;
  const inner = yamlLoc(y, range[0] + quoted, range[0] + written.length - quoted);
  return inner ? { fix: { title: `Use "${issue.caseOf}"`, edits: [{ loc: inner, newText: issue.caseOf }], safe: true } } : {};
}

function issueRange(y: PodYaml, issue: SchemaIssue): [number, number] | undefined {
  const at = locate(y.parsed.doc, issue.path);
  if (issue.target === 'key') {
    if (!isMap(at.node) || issue.key === undefined) return undefined;
    return nodeRange(pairFor(at.node, issue.key)?.key ?? undefined);
  }
  if (issue.target === 'object') {
    // Point at the key that holds the object, or (for a list item) at its first key.
    if (at.pair?.key) return nodeRange(at.pair.key);
    if (isMap(at.node) && at.node.items.length) return nodeRange((at.node.items[0] as Pair<Node, Node>).key);
    return nodeRange(at.node) ?? [0, 0];
  }
  return nodeRange(at.node) ?? (at.pair ? nodeRange(at.pair.key) : undefined);
}
