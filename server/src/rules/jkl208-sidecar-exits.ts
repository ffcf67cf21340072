import type { Loc } from '../core/diagnostic.js';
import { parseImageRef } from '../resolve/kaniko.js';
import type { ContainerDef } from '../resolve/resolve.js';
import type { Rule, RuleContext } from './rule.js';
import { containerUses } from './used-containers.js';

/** Images whose default command ends at once (a CLI, a REPL, a shell without a terminal). */
const TOOL_IMAGES = new Set([
  'maven', 'gradle', 'node', 'python', 'golang', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'alpine', 'busybox', 'ubuntu', 'debian',
  'centos', 'fedora', 'rockylinux', 'almalinux', 'kubectl', 'helm', 'git', 'curl', 'terraform', 'aws-cli', 'cloud-sdk', 'ruby', 'php',
  'rust', 'gcc', 'sbt', 'executor', 'kaniko', 'buildah', 'skopeo', 'jq', 'yq',
]);

type Verdict = { exits: false } | { exits: true; why: string };

function keepAlive(c: ContainerDef): Verdict {
  if (c.command?.interpolated || c.args?.interpolated) return { exits: false };
  if (!c.command) {
    if (c.args || !c.image || c.image.interpolated) return { exits: false };
    const { repository, tag } = parseImageRef(c.image.ref);
    const base = repository.split('/').pop()!;
    if (tag && /dind/.test(tag)) return { exits: false };
    return TOOL_IMAGES.has(base) ? { exits: true, why: `the image's default command ends at once` } : { exits: false };
  }
  const exe = c.command.words[0]?.split('/').pop() ?? '';
  if (exe === 'cat' && !c.args && !c.tty) return { exits: true, why: '`cat` without `tty: true` reads an empty stdin and ends at once' };
  if (exe === 'executor') return { exits: true, why: 'the Kaniko executor runs one build and ends' };
  if (exe === 'true' || exe === 'echo') return { exits: true, why: `\`${exe}\` ends at once` };
  return { exits: false };
}

export const rule: Rule = {
  code: 'JKL208',
  name: 'sidecar-exits',
  severity: 'warning',
  summary: 'A container that steps run in has no keep-alive command, so it exits at once',
  check(ctx) {
    const seen = new Set<ContainerDef>();
    for (const use of containerUses(ctx)) {
      const { def, pod } = use;
      if (seen.has(def) || def.origin === 'static' || def.name === pod.agentContainer) continue;
      seen.add(def);
      const v = keepAlive(def);
      if (!v.exits) continue;
      ctx.report({
        loc: def.command?.loc ?? def.image?.loc ?? def.nameLoc,
        message: `Container "${def.name}" exits right after it starts (${v.why}), yet steps run in it and will fail; keep it alive with command [sleep] and args [99d], or cat with tty: true`,
        related: [{ loc: use.loc, message: `used here` }],
        ...keepAliveFix(ctx, def),
      });
    }
  },
};

/** Adds `command: [sleep]` / `args: [99d]` after the image, when the container has neither. */
function keepAliveFix(ctx: RuleContext, def: ContainerDef): { fix?: { title: string; edits: Array<{ loc: Loc; newText: string }> } } {
  const text = def.image && ctx.textOf(def.image.loc.file);
  if (def.command || def.args || !def.image || !text) return {};
  const file = def.image.loc.file;
  const at = def.image.loc.end;
  if (def.origin === 'containerTemplate') {
    const quote = text[at];
    if (quote !== "'" && quote !== '"') return {};
    return { fix: { title: 'Keep the container alive with sleep', edits: [{ loc: { file, start: at + 1, end: at + 1 }, newText: `, command: 'sleep', args: '99d'` }] } };
  }
  const lineStart = text.lastIndexOf('\n', def.image.loc.start - 1) + 1;
  const m = /^(\s*(?:-\s+)?)image:\s*$/.exec(text.slice(lineStart, def.image.loc.start));
  const lineEnd = text.indexOf('\n', at);
  if (!m || text.slice(at, lineEnd < 0 ? text.length : lineEnd).trim() !== '') return {};
  const indent = ' '.repeat(m[1]!.length);
  return { fix: { title: 'Keep the container alive with sleep', edits: [{ loc: { file, start: at, end: at }, newText: `\n${indent}command: [sleep]\n${indent}args: [99d]` }] } };
}
