import type { Finding } from '../core/diagnostic.js';
import { parseImageRef } from '../resolve/kaniko.js';
import type { ContainerDef, ResolvedPod } from '../resolve/resolve.js';
import type { Rule, RuleContext } from './rule.js';
import { containerUses } from './used-containers.js';

/** Images whose default command ends at once (a CLI, a REPL, a shell without a terminal). */
const TOOL_IMAGES = new Set([
  'maven', 'gradle', 'node', 'python', 'golang', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'alpine', 'busybox', 'ubuntu', 'debian',
  'centos', 'fedora', 'rockylinux', 'almalinux', 'kubectl', 'helm', 'git', 'curl', 'terraform', 'aws-cli', 'cloud-sdk', 'ruby', 'php',
  'rust', 'gcc', 'sbt', 'executor', 'kaniko', 'buildah', 'skopeo', 'jq', 'yq',
]);

/**
 * Whether the container exits at once, and whether that is certain: a command written in the file
 * (`cat` without a terminal, `true`, the Kaniko executor) or an official Docker Hub image, whose
 * default command is documented, is; another registry's image of that name may differ.
 */
type Verdict = { exits: false } | { exits: true; why: string; certain: boolean };

function keepAlive(c: ContainerDef): Verdict {
  if (c.command?.interpolated || c.args?.interpolated) return { exits: false };
  if (!c.command) {
    if (c.args || !c.image || c.image.interpolated) return { exits: false };
    const { repository, tag } = parseImageRef(c.image.ref);
    const base = repository.split('/').pop()!;
    if (tag && /dind/.test(tag)) return { exits: false };
    const official = /^((docker\.io|index\.docker\.io)\/)?(library\/)?[^/]+$/.test(repository);
    if (!TOOL_IMAGES.has(base)) return { exits: false };
    return official ? { exits: true, why: `the image's default command ends at once`, certain: true } : { exits: true, why: `a ${base} image's default command usually ends at once`, certain: false };
  }
  const exe = c.command.words[0]?.split('/').pop() ?? '';
  if (exe === 'cat' && !c.args && !c.tty) return { exits: true, why: '`cat` without `tty: true` reads an empty stdin and ends at once', certain: true };
  if (exe === 'executor') return { exits: true, why: 'the Kaniko executor runs one build and ends', certain: true };
  if (exe === 'true' || exe === 'echo') return { exits: true, why: `\`${exe}\` ends at once`, certain: true };
  return { exits: false };
}

/**
 * The pod's restartPolicy, its own YAML's or an enclosing template's; Jenkins sets Never when none
 * is given. Only under Never does an exited container stay terminated, which ends the agent.
 */
function restartPolicy(pod: ResolvedPod): string {
  const own = (pod.yaml?.parsed.value as { spec?: { restartPolicy?: unknown } } | undefined)?.spec?.restartPolicy;
  if (own !== undefined) return String(own);
  const parent = pod.parents.find((p) => p.kind === 'pod');
  return parent?.kind === 'pod' ? restartPolicy(parent.pod) : 'Never';
}

export const rule: Rule = {
  code: 'JKL208',
  name: 'sidecar-exits',
  severity: 'error',
  summary: 'A container that steps run in has no keep-alive command, so it exits at once',
  fixable: ['unsafe'],
  check(ctx) {
    const seen = new Set<ContainerDef>();
    for (const use of containerUses(ctx)) {
      const { def, pod } = use;
      if (seen.has(def) || def.origin === 'static' || def.name === pod.agentContainer) continue;
      seen.add(def);
      const v = keepAlive(def);
      if (!v.exits) continue;
      // A terminated container makes Jenkins end the agent and the build (Reaper,
      // TerminateAgentOnContainerTerminated) when the pod does not restart it.
      const never = restartPolicy(pod) === 'Never';
      const outcome = never ? `Jenkins ends the agent when a container terminates ("Container ${def.name} was terminated") and the build fails` : 'Kubernetes restarts it over and over, and the steps fail whenever it is down';
      ctx.report({
        loc: def.command?.loc ?? def.image?.loc ?? def.nameLoc,
        ...(v.certain && never ? {} : { severity: 'warning' as const }),
        message: `Container "${def.name}" exits right after it starts (${v.why}), yet steps run in it: ${outcome}; keep it alive with command [sleep] and args [99d], or cat with tty: true`,
        related: [{ loc: use.loc, message: `used here` }],
        ...keepAliveFix(ctx, def),
      });
    }
  },
};

/**
 * Adds a keep-alive (sleep 99d) after the image, when the container has neither command nor args,
 * in the syntax the container is written in: map arguments, declarative block statements, or YAML
 * keys. Text that lands inside a Groovy string is escaped for it by the core (fix/escape.ts).
 */
function keepAliveFix(ctx: RuleContext, def: ContainerDef): { fix?: NonNullable<Finding['fix']> } {
  const text = def.image && ctx.textOf(def.image.loc.file);
  if (def.keys.has('command') || def.keys.has('args') || !def.image || !text) return {};
  const file = def.image.loc.file;
  // Unsafe: it replaces what the image would run (its entrypoint), which may be what the user wanted.
  const insert = (at: number, newText: string) => ({ fix: { title: 'Keep the container alive with sleep', edits: [{ loc: { file, start: at, end: at }, newText }], safe: false } });
  const written = def.written;
  if (written) {
    const value = written.imageValue;
    if (!value) return {};
    if (written.form === 'map') return insert(value.end, `, command: 'sleep', args: '99d'`);
    // A block statement: on a line of its own, new statements go on lines of their own below it.
    const lineStart = lineStartBefore(text, value.start);
    const rest = text.slice(value.end, lineEndAfter(text, value.end));
    const m = /^[ \t]*/.exec(text.slice(lineStart));
    if (rest.trim() === '') return insert(value.end, `\n${m![0]}command 'sleep'\n${m![0]}args '99d'`);
    return insert(value.end, `; command 'sleep'; args '99d'`);
  }
  const at = def.image.loc.end;
  const lineStart = lineStartBefore(text, def.image.loc.start);
  const m = /^(\s*(?:-\s+)?)image:\s*$/.exec(text.slice(lineStart, def.image.loc.start));
  if (!m || text.slice(at, lineEndAfter(text, at)).trim() !== '') return {};
  const indent = ' '.repeat(m[1]!.length);
  return insert(at, `\n${indent}command: [sleep]\n${indent}args: [99d]`);
}

/** Offset where the line holding `offset` starts (after LF, CRLF or a lone CR). */
function lineStartBefore(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** Offset of the line break that ends the line holding `offset`, or the text's end. */
function lineEndAfter(text: string, offset: number): number {
  const m = /[\r\n]/g;
  m.lastIndex = offset;
  return m.exec(text)?.index ?? text.length;
}
