// The TextMate grammar: Groovy, with the pod YAML given to `yaml` tokenized as YAML, and GString
// interpolations in """ YAML still Groovy. Tokenized with vscode-textmate + vscode-oniguruma, with
// the YAML and Groovy grammars VS Code ships (from the tm-grammars package).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { REPO } from './helpers.js';

const require = createRequire(import.meta.url);
const grammars: Record<string, string> = {
  'source.jenkinsfile': join(REPO, 'grammars', 'jenkinsfile.tmLanguage.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'source.groovy': require.resolve('tm-grammars/grammars/groovy.json'),
};

let grammar: textmate.IGrammar;

/** Scopes of every token of each line, as "text: scope scope …". */
function tokenize(lines: string[]): string[][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => `${line.slice(t.startIndex, t.endIndex).trim()}: ${t.scopes.join(' ')}`);
  });
}

/** The token that ends `text` (YAML's grammar tokenizes a word's first character apart from the rest). */
const find = (tokens: string[], text: string) =>
  tokens.find((t) => {
    const tokenText = t.slice(0, t.indexOf(': '));
    return tokenText.length > 0 && text.endsWith(tokenText) && (tokenText === text || tokenText.length > 1);
  }) ?? `(no token "${text}")`;

describe('jenkinsfile.tmLanguage.json', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (grammars[scope] ? textmate.parseRawGrammar(readFileSync(grammars[scope]!, 'utf8'), grammars[scope]) : null),
    });
    grammar = (await registry.loadGrammar('source.jenkinsfile'))!;
  });

  it("highlights declarative yaml '''…''' as YAML inside Groovy", () => {
    const t = tokenize(['pipeline {', '  agent { kubernetes {', "    yaml '''", 'spec:', '  containers:', '  - name: kaniko', "'''", '  } }', '}']);
    assert.match(find(t[0]!, 'pipeline'), /^pipeline: source\.jenkinsfile/);
    assert.match(find(t[2]!, 'yaml'), /support\.function\.pod-yaml\.jenkinsfile/);
    assert.match(find(t[2]!, "'''"), /punctuation\.definition\.string\.begin/);
    assert.match(find(t[3]!, 'spec'), /meta\.embedded\.block\.yaml .*entity\.name\.tag\.yaml/);
    assert.match(find(t[5]!, 'kaniko'), /meta\.embedded\.block\.yaml .*string\.unquoted/);
    assert.match(find(t[6]!, "'''"), /punctuation\.definition\.string\.end/);
    assert.doesNotMatch(t[7]!.join('\n'), /meta\.embedded\.block\.yaml/);
  });

  it('highlights scripted yaml: """…""" as YAML, with ${…} still Groovy and \\$ an escape', () => {
    const t = tokenize(['podTemplate(yaml: """', 'spec:', '  containers:', '  - image: "maven:${params.TAG}"', '    args: ["\\$(JENKINS_SECRET)"]', '""") {', '  node(POD_LABEL) { }', '}']);
    assert.match(find(t[0]!, 'yaml'), /support\.function\.pod-yaml/);
    assert.match(find(t[1]!, 'spec'), /meta\.embedded\.block\.yaml .*entity\.name\.tag\.yaml/);
    assert.match(find(t[3]!, '${'), /meta\.interpolation\.groovy punctuation\.section\.embedded\.begin\.groovy/);
    assert.match(find(t[3]!, 'params'), /meta\.embedded\.expression\.groovy/);
    assert.match(find(t[4]!, '\\$'), /constant\.character\.escape\.groovy/);
    assert.doesNotMatch(t[6]!.join('\n'), /meta\.embedded\.block\.yaml/);
  });

  it('leaves other Groovy strings alone', () => {
    const t = tokenize(["sh '''", 'spec: not yaml', "'''"]);
    assert.doesNotMatch(t[1]!.join('\n'), /meta\.embedded\.block\.yaml/);
  });
});
