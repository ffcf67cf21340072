// What the Declarative parser and validator find: Jenkins' message, its key, and where it is anchored.
// One rule code per group of problems (DESIGN.md, JKL4xx); the rules report the problems of their code.

import { render, type Arg, type MessageKey } from './messages.js';
import type { Span } from './groovy.js';

export const GROUP_CODES = {
  pipeline: 'JKL401',
  stage: 'JKL402',
  steps: 'JKL403',
  agent: 'JKL404',
  environment: 'JKL405',
  when: 'JKL406',
  post: 'JKL407',
  matrix: 'JKL408',
  directive: 'JKL409',
  value: 'JKL410',
  /** A step's or a directive entry's arguments against the catalog (DESIGN.md, JKL5xx). */
  arguments: 'JKL501',
} as const;

export type Group = keyof typeof GROUP_CODES;

export interface Problem extends Span {
  code: (typeof GROUP_CODES)[Group];
  /** The Jenkins message key (for docs and the corpus coverage test); our own for problems Jenkins words badly. */
  key: MessageKey | 'NullPointerException';
  message: string;
  /** A suggestion the editor can apply (did-you-mean, wrap in steps { }). */
  fix?: { title: string; edits: Array<Span & { newText: string }>; safe: boolean };
  /** Lower than the rule's error: Jenkins' message, but the catalog cannot be sure (a type no covered plugin defines). */
  severity?: 'warning';
}

/**
 * Collects problems, each anchored on the first line of its node (Jenkins reports the node's start).
 * The same message at the same place is kept once: Jenkins validates a nested call both as an
 * argument and as a node of the tree, and prints its errors twice.
 */
export class Problems {
  readonly list: Problem[] = [];
  private readonly seen = new Map<string, Problem>();

  constructor(private readonly src: string) {}

  add(group: Group, at: Span, key: MessageKey, ...args: Arg[]): Problem {
    return this.addMessage(group, at, key, render(key, ...args));
  }

  /** A message already rendered, with a rename of the node's first word to `rename` when given. */
  addMessage(group: Group, at: Span, key: MessageKey, message: string, rename?: string): Problem {
    const p: Problem = { code: GROUP_CODES[group], key, message, ...firstLine(this.src, at) };
    if (rename) p.fix = { title: `Rename to "${rename}"`, edits: [{ start: p.start, end: p.end, newText: rename }], safe: false };
    const id = `${p.start}:${p.end}:${p.message}`;
    const earlier = this.seen.get(id);
    if (earlier) return earlier;
    this.seen.set(id, p);
    this.list.push(p);
    return p;
  }

  /** A problem Jenkins reports only as a crash of its parser: our words. */
  addOwn(group: Group, at: Span, message: string): void {
    this.list.push({ code: GROUP_CODES[group], key: 'NullPointerException', message, ...firstLine(this.src, at) });
  }
}

/** The span clipped to its first line: a whole stage underlined says less than its head. */
export function firstLine(src: string, s: Span): Span {
  let end = s.start;
  while (end < s.end && src[end] !== '\n' && src[end] !== '\r') end++;
  // A node that starts at a line break (an empty one) still gets one character.
  return { start: s.start, end: Math.max(end, Math.min(s.start + 1, s.end)) };
}
