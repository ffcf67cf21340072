// Jenkins' own error corpus (pipeline-model-definition/…/errors/, 132 files): for each file, the
// messages Jenkins' tests expect (ERRORS-INDEX.tsv) against what the linter reports, compared as sets.
// test/corpus/declarative-errors.json pins, per file, which expected message keys are reproduced and
// why the others are not; UPDATE_GOLDENS=1 rewrites it on an intended change.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { render } from '../server/out/declarative/messages.js';
import { SKIP_REASON, lintCorpusFile } from './corpus-helpers.js';
import { CORPUS, filesUnder, REPO } from './helpers.js';
import { expectedMessages, type Expected } from './jenkins-expected.js';

const ERRORS = 'pipeline-model-definition/pipeline-model-definition/src/test/resources/errors/';
const GOLDEN = join(REPO, 'test', 'corpus', 'declarative-errors.json');

/**
 * declarative-model.md §6: what each file needs besides the file itself. Files not listed are S; C
 * files need the catalog; T files need a catalog entry that only Jenkins' tests define
 * (LabelAndOtherFieldAgent `otherField`, MultipleUnnamedParametersTest `multiArgCtorProp`, in
 * pipeline-model-definition/src/test/java @ 42c9dc3e).
 */
const CLASS: Record<string, 'C' | 'T' | 'R' | 'S/G'> = {
  ...Object.fromEntries('agentMissingRequiredParam agentUnknownParamForType tooManyUnnamedParameters'.split(' ').map((f) => [f, 'T' as const])),
  ...Object.fromEntries(
    'invalidMetaStepSyntax invalidOptionInStage invalidParameterType invalidParameterTypeInInput invalidParameterTypeMethodCall invalidPropertiesType invalidStageWrapperType invalidStepParameterType invalidTriggerType invalidWrapperType jobPropertyInStageOptions missingAgentType missingRequiredStepParameters mixedMethodArgs specificDescribableMatch tooFewMethodCallArgs unknownAgentType unknownStepParameter unlistedToolType wrongParameterNameMethodCall'
      .split(' ')
      .map((f) => [f, 'C' as const]),
  ),
  ...Object.fromEntries('notInstalledToolVersion optionValidatorContributor postValidatorContributor validatorContributor scriptSecurityRejectionInEnvironment scriptSecurityRejectionInSteps scriptSecurityRejectionInWhenExpression'.split(' ').map((f) => [f, 'R' as const])),
  ...Object.fromEntries('duplicateStepParameter envIdentifierDigitsUnderscore envIdentifierHyphens envIdentifierString malformed'.split(' ').map((f) => [f, 'S/G' as const])),
};

/** Files whose message no test asserts (declarative-model.md §6 gives it from the code); Groovy's texts for the S/G ones. */
const UNASSERTED: Record<string, Expected[]> = {
  envIdentifierString: [{ key: 'Groovy', text: '[heyLook] is a constant expression, but it should be a variable expression', prefix: false }],
  envIdentifierHyphens: [{ key: 'Groovy', text: '(hey - look) is a binary expression, but it should be a variable expression', prefix: false }],
  envIdentifierDigitsUnderscore: [{ key: 'Groovy', text: "expecting token in range: '0'..'9', found 'A'", prefix: false }],
  malformed: [{ key: 'Groovy', text: '', prefix: true }],
  envIdentifierStartingWithDigit: [{ key: 'ModelValidatorImpl.InvalidIdentifierInEnv', text: render('ModelValidatorImpl.InvalidIdentifierInEnv', '1BAR'), prefix: false }],
  matrixExcludeAxisMissingName: [{ key: 'ModelValidatorImpl.RequiredSection', text: render('ModelValidatorImpl.RequiredSection', 'name'), prefix: false }],
  matrixExcludeAxisMissingValues: [{ key: 'ModelValidatorImpl.RequiredSection', text: render('ModelValidatorImpl.RequiredSection', 'values'), prefix: false }],
  emptyPipeline: [{ key: 'linter', text: "Jenkinsfile content 'invalidJenkinsfile {}' did not contain the 'pipeline' step", prefix: false }],
};

/** Why an expected message is not reproduced, by the file's class or by the file. */
const WHY_NOT: Record<string, string> = {
  T: "needs a catalog entry only Jenkins' tests define",
  R: 'Jenkins decides it at run time or with test-only validator contributors and tool installations',
  emptyPipeline: "a file without pipeline { } is a scripted pipeline, which is not validated as Declarative; only Jenkins' CLI linter says this",
};

interface Outcome {
  class: 'S' | 'S/G' | 'C' | 'T' | 'R';
  reproduced: string[];
  missing: Array<{ key: string; why: string }>;
}

describe("Jenkins' error corpus", { skip: SKIP_REASON }, () => {
  it('reproduces the messages Jenkins reports for the structural files, pinned per file', async () => {
    const index = expectedMessages();
    const outcomes: Record<string, Outcome> = {};
    const byKey = new Map<string, { expected: number; reproduced: number }>();
    for (const path of filesUnder(join(CORPUS, ERRORS), (p) => p.endsWith('.groovy'))) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.groovy'.length);
      const source = readFileSync(path, 'utf8');
      // A test's log check for a line of the source is no message of Jenkins'.
      const expected = [...(index.get(name) ?? []), ...(UNASSERTED[name] ?? [])].filter((e) => !(e.key === 'Groovy' && e.text && source.includes(e.text)));
      const diagnostics = await lintCorpusFile(ERRORS + name + '.groovy');
      const cls = CLASS[name] ?? 'S';
      const outcome: Outcome = { class: cls, reproduced: [], missing: [] };
      for (const e of expected) {
        const found = diagnostics.some((d) => (e.key === 'Groovy' ? d.code === 'JKL004' : /^JKL[45]/.test(d.code)) && (e.prefix ? d.message.startsWith(e.text) : d.message === e.text));
        const stat = byKey.get(e.key) ?? { expected: 0, reproduced: 0 };
        stat.expected++;
        if (found) {
          stat.reproduced++;
          outcome.reproduced.push(e.key);
        } else outcome.missing.push({ key: e.key, why: WHY_NOT[name] ?? WHY_NOT[cls] ?? 'not reproduced' });
        byKey.set(e.key, stat);
      }
      outcome.reproduced.sort();
      outcomes[name] = outcome;
    }
    // What the file and the catalog decide: all but the test-only entries and the run-time cases.
    const decidable = Object.values(outcomes).filter((o) => o.class !== 'T' && o.class !== 'R');
    const full = decidable.filter((o) => !o.missing.length).length;
    const share = full / decidable.length;
    const lines = [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `  ${k}: ${v.reproduced}/${v.expected}`);
    console.log(`errors/: ${full} of ${decidable.length} files the file and the catalog decide reproduced with Jenkins' message (${(share * 100).toFixed(1)}%); by key:\n${lines.join('\n')}`);
    if (process.env.UPDATE_GOLDENS === '1') writeFileSync(GOLDEN, JSON.stringify(outcomes, null, 1) + '\n');
    assert.deepEqual(outcomes, JSON.parse(readFileSync(GOLDEN, 'utf8')));
    assert.ok(share >= 0.93, `only ${(share * 100).toFixed(1)}% of the files reproduced`);
  });
});
