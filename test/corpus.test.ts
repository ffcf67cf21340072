// The linter against real Jenkinsfiles written by others (../shared/corpus, read in place).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinCatalog } from '../server/out/catalog/catalog.js';
import { REPO, type Flat } from './helpers.js';
import { corpusAnalysis, corpusFiles, corpusTemplates, HAVE_CORPUS, lintCorpusFile, SKIP_REASON } from './corpus-helpers.js';

const KP_PIPELINES = 'kubernetes-plugin/src/test/resources/org/csanchez/jenkins/plugins/kubernetes/pipeline/';

/**
 * kubernetes-plugin's pipelines pass its own CI, so an error on them is a false positive — except
 * where its tests expect the build to fail. Each allowed error, with the reason.
 */
const KP_EXPECTED_ERRORS: Record<string, { code: string; line: number; why: string }[]> = {
  [`${KP_PIPELINES}badcontainername.groovy`]: [
    { code: 'JKL205', line: 2, why: 'PodTemplateStepExecutionTest.testBadNameDetection expects exactly this RFC 1123 failure' },
    { code: 'JKL204', line: 7, why: "the same test: the pod has no 'busybox' container either" },
  ],
  [`${KP_PIPELINES}badcontainernameyaml.groovy`]: [
    { code: 'JKL205', line: 9, why: 'testBadNameYamlDetection expects exactly this RFC 1123 failure' },
    { code: 'JKL205', line: 14, why: 'the same test (both names are listed in the expected message)' },
    { code: 'JKL204', line: 24, why: 'the same test: the pod has no busybox container' },
  ],
  [`${KP_PIPELINES}errorPod.groovy`]: [
    { code: 'JKL207', line: 6, why: "KubernetesPipelineTest.errorPod: the jnlp container's command is `sh -ec 'echo Foo; exit 1'` on purpose, so the agent never starts" },
  ],
  [`${KP_PIPELINES}declarativeWithNestedExplicitInheritance.groovy`]: [
    { code: 'JKL204', line: 35, why: 'the test asserts the stage pod does NOT inherit golang (container(\'golang\') inside try/catch, "Should not inherit")' },
  ],
  [`${KP_PIPELINES}runInPodNestedExplicitInherit.groovy`]: [
    { code: 'JKL204', line: 16, why: "inheritFrom: '' cuts inheritance; the test asserts golang is absent (\"Should not inherit\")" },
  ],
  [`${KP_PIPELINES}invalidPodGetsCancelled.groovy`]: [
    { code: 'JKL103', line: 4, why: 'KubernetesPipelineTest.invalidPodGetsCancelled: the pod is invalid on purpose (a container without an image)' },
  ],
};

const PMD = 'pipeline-model-definition/pipeline-model-definition/src/test/resources/';

/**
 * pipeline-model-definition's files outside errors/ that Jenkins nevertheless refuses (declarative-
 * model.md §5), each with what Jenkins reports and our finding. Its badRegularExpression is refused for
 * a Java regular expression error whose text this linter cannot reproduce: not reported.
 */
const PMD_REJECTED: Array<{ file: string; line: number; code: string; why: string }> = [
  { file: 'when/whenEmpty.groovy', line: 37, code: 'JKL406', why: 'WhenTest.whenEmpty expects a failure: EmptyWhen' },
  { file: 'when/conditions/allOfEmpty.groovy', line: 38, code: 'JKL406', why: 'allOf {} fails: NestedWhenWithoutChildren' },
  { file: 'properties/stashWithExcessPropertyValue.groovy', line: 28, code: 'JKL409', why: 'preserveStashes(buildCount: 51): PreserveStashesJobProperty.ValidatorImpl.InvalidBuildCount' },
  { file: 'properties/stashWithNegativePropertyValue.groovy', line: 28, code: 'JKL409', why: 'preserveStashes(buildCount: -1): the same message' },
  ...['matrixStagesNestedInSequential:39', 'matrixStagesGroupsAndStages:29', 'matrixStagesHaveStatusAndPost:29', 'matrixStagesShouldntTriggerNSE:38'].map((f) => ({
    file: `matrix/${f.split(':')[0]}.groovy`,
    line: Number(f.split(':')[1]),
    code: 'JKL408',
    why: 'a matrix without axes (RequiredSection axes); its test in MatrixTest.java is @Ignore',
  })),
  // Types only Jenkins' tests define: Jenkins' message, as a warning, since the catalog cannot rule out a plugin it lacks.
  { file: 'simplePipelineWithTestTrigger.groovy', line: 29, code: 'JKL409', why: 'testtrigger is a trigger only its test defines (warning)' },
  { file: 'simplePipelineWithTestTrigger.groovy', line: 30, code: 'JKL409', why: 'testtriggerb, the same (warning)' },
  { file: 'agent/multipleVariablesForAgent.groovy', line: 27, code: 'JKL404', why: 'otherField is an agent type only its test defines (LabelAndOtherFieldAgent; warning)' },
  // Jenkins' own tests of credentials() echo and write the secrets through GStrings (`writeFile text: "${CRED1}"`),
  // which Jenkins now warns about at run time: "A secret was passed to "writeFile" using Groovy String interpolation".
  ...Object.entries({
    credentialsDollarQuotes: [43, 44],
    credentialsEnvCrossReference: [43, 44],
    credentialsInGroup: [36, 46, 54],
    credentialsUsedInWhenEnv: [36, 38],
    credentialsUsedInWhenExpression: [36, 38],
    fileCredentialsInEnv: [38, 40, 51, 53],
    mixedEnv: [44, 45],
    paramsInCreds: [41, 43, 48, 50],
    sshCredentialsInEnv: [36, 38, 49, 50, 51, 52],
    usernamePassword: [36, 38, 42, 44],
  }).flatMap(([f, lines]) => lines.map((line) => ({ file: `environment/${f}.groovy`, line, code: 'JKL601', why: 'a credentials() secret interpolated into echo/writeFile (warning)' }))),
];

/**
 * Every error and warning on wild/ (real Jenkinsfiles from public repositories): the real mistakes
 * MANIFEST.tsv notes, and nothing from the patterns the corpus README says must not be flagged.
 */
const WILD_EXPECTED: Array<{ file: string; line: number; code: string; why: string }> = [
  { file: 'wild/002-Cameri-poc-infra-demo.jenkinsfile', line: 5, code: 'JKL204', why: "defaultContainer 'jlnp' is a typo (MANIFEST)" },
  { file: 'wild/002-Cameri-poc-infra-demo.jenkinsfile', line: 48, code: 'JKL305', why: 'the missing line continuation after --dockerfile (MANIFEST) leaves the executor without --destination' },
  { file: 'wild/010-Abhiabhi1019-my-node-app-Jenkinsfile', line: 12, code: 'JKL208', why: 'the kaniko container runs the executor as its command and exits (MANIFEST), yet steps run in it' },
  { file: 'wild/056-pochaoshen-test-Jenkinsfile', line: 5, code: 'JKL207', why: "the jnlp container's command is replaced by cat (MANIFEST)" },
  { file: 'wild/058-pushdown99-jenkins-webhook-pipe.groovy', line: 38, code: 'JKL207', why: "agentContainer 'java17' runs `tail -f /dev/null` without agentInjection: the agent never starts" },
  { file: 'wild/060-fvosburgh-simple-go-app-Jenkinsfile', line: 16, code: 'JKL211', why: "node('deploy-slave') instead of node(POD_LABEL) (MANIFEST)" },
  ...[
    ['002-Cameri-poc-infra-demo.jenkinsfile', 4], ['006-leeplayed-spring-petclinic-k8s-Jenkinsfile', 4], ['008-manvendra-singh0x7cd-sample-app-Jenkinsfile', 10],
    ['008-manvendra-singh0x7cd-sample-app-Jenkinsfile', 55], ['018-DefectDojo-django-DefectDojo-Jenkinsfile.kaniko', 64], ['018-DefectDojo-django-DefectDojo-Jenkinsfile.kaniko', 86],
    ['018-DefectDojo-django-DefectDojo-Jenkinsfile.kaniko', 136], ['020-jflowers-civic-walk-Jenkinsfile', 6], ['024-eclipse-steady-Jenkinsfile', 4],
    ['026-OctopusDeploy-Octopus-Bamboo-Jenkinsfile', 4], ['026-OctopusDeploy-Octopus-Bamboo-Jenkinsfile', 5], ['028-ihsanul14-JenkinsTest-Jenkinsfile', 4],
    ['034-cgi-eoss-ftep-Jenkinsfile.k8s', 8], ['036-demo4echo-echofe-Jenkinsfile', 21], ['036-demo4echo-echofe-Jenkinsfile', 38], ['036-demo4echo-echofe-Jenkinsfile', 51],
    ['036-demo4echo-echofe-Jenkinsfile', 64], ['036-demo4echo-echofe-Jenkinsfile', 77], ['038-eclipse-amlen-Jenkinsfile.distro', 16], ['044-ramilmammadov-kubertest-Jenkinsfile', 4],
    ['052-ssmtariq-daytrader-microservice-Jenkinsfile', 7], ['080-James6xie-fm-orchestrator-default-agent.groovy', 4],
  ].map(([f, line]) => ({ file: `wild/${f}`, line: line as number, code: 'JKL212', why: 'the deprecated declarative label / containerTemplate options (warning)' })),
  { file: 'wild/010-Abhiabhi1019-my-node-app-Jenkinsfile', line: 10, code: 'JKL302', why: 'Kaniko :latest used with sh (MANIFEST)' },
  { file: 'wild/012-Erickveiga02-mvn-hello-world-Jenkinsfile', line: 11, code: 'JKL101', why: "stray top-level 'labels:' key (MANIFEST)" },
  { file: 'KubernetesPod.yaml', line: 23, code: 'JKL104', why: '014 companion: pod restartPolicy mis-indented into the container, where only "Always" is allowed' },
  { file: 'wild/028-ihsanul14-JenkinsTest-Jenkinsfile', line: 10, code: 'JKL101', why: "'labels:' at the same indent as 'metadata:' (MANIFEST)" },
  { file: 'wild/030-ngo-l-jenkins-build-test-Jenkinsfile', line: 48, code: 'JKL204', why: "defaultContainer 'shell' names no container (MANIFEST)" },
  { file: 'wild/042-intel-xpumanager-Jenkinsfile-xpum-cluster', line: 48, code: 'JKL204', why: "defaultContainer 'shell', and the yamlFile pod has no container named shell" },
  ...[16, 17, 45, 46, 69, 70, 105, 106].map((line) => ({ file: 'wild/058-pushdown99-jenkins-webhook-pipe.groovy', line, code: 'JKL101', why: "BROKEN file: fsGroup under a container securityContext, stray top-level 'Agents:' (MANIFEST)" })),
  ...[93, 94].map((line) => ({ file: 'wild/058-pushdown99-jenkins-webhook-pipe.groovy', line, code: 'JKL102', why: 'BROKEN file: command "" and args "" are strings, not lists (MANIFEST)' })),
  // Keys repeated only because the indentation was lost are not reported as duplicates besides.
  { file: 'wild/058-pushdown99-jenkins-webhook-pipe.groovy', line: 131, code: 'JKL001', why: 'BROKEN file: a pod YAML with all indentation lost (MANIFEST); one finding, at the first line to mend' },
  { file: 'wild/062-saurabhgore-code-selenium-project-repo-1-Jenkinsfile', line: 8, code: 'JKL204', why: "container('apache') vs containerTemplate 'apache-container' (MANIFEST)" },
  { file: 'wild/028-ihsanul14-JenkinsTest-Jenkinsfile', line: 1, code: 'JKL401', why: 'INVALID declarative: no stages { } (MANIFEST), Jenkins: Missing required section "stages"' },
  { file: 'wild/028-ihsanul14-JenkinsTest-Jenkinsfile', line: 35, code: 'JKL401', why: 'the stage written directly under pipeline { } (MANIFEST): Undefined section "stage"' },
  { file: 'wild/032-MartiMarch-autojenkins-maven.Jenkinsfile', line: 4, code: 'JKL404', why: "the trailing comma after inheritFrom 'generic-agent' (MANIFEST) makes it take two arguments" },
  { file: 'wild/044-ramilmammadov-kubertest-Jenkinsfile', line: 10, code: 'JKL402', why: "stage('Build') twice (MANIFEST): Duplicate stage name" },
  { file: 'wild/074-junjieyjj-Easydevops-CI_Pipeline.groovy', line: 39, code: 'JKL409', why: "gitLabConnection (gitlab-plugin), an option of a plugin the catalog does not cover: Jenkins' message as a warning" },
  { file: 'wild/074-junjieyjj-Easydevops-CI_Pipeline.groovy', line: 51, code: 'JKL409', why: 'GenericTrigger (generic-webhook-trigger), the same for a trigger' },
  // Secrets bound by withCredentials and interpolated by Groovy into sh (Jenkins warns at run time).
  ...[
    ['030-ngo-l-jenkins-build-test-Jenkinsfile', 83, 'sshUserPrivateKey keyFileVariable: ssh-add ${keyfile}'],
    ['030-ngo-l-jenkins-build-test-Jenkinsfile', 141, 'usernamePassword passwordVariable: buildah login -p=${PWD}'],
    ['030-ngo-l-jenkins-build-test-Jenkinsfile', 152, 'the same, a second login'],
    ['030-ngo-l-jenkins-build-test-Jenkinsfile', 216, 'file variable: cp ${FILE}'],
    ['034-cgi-eoss-ftep-Jenkinsfile.k8s', 97, "usernameColonPassword: curl --user '${NEXUS_USERPASS}'"],
    ['054-shin-imai-cicd-training-Jenkinsfile.groovy', 40, 'passwordVariable in a git remote URL: https://${PAT}@github.com'],
    ['054-shin-imai-cicd-training-Jenkinsfile.groovy', 49, 'the same token in an Authorization header'],
    ['070-naivedhagrawal-jenkins-shared-libraries-dockerbuildpush.groovy', 57, 'passwordVariable written to ~/.git-credentials: ${GIT_PASS}'],
  ].map(([f, line, why]) => ({ file: `wild/${f}`, line: line as number, code: 'JKL601', why: `${why} (warning)` })),
];

/**
 * The steps, options, triggers and parameters the valid pipeline-model-definition and kubernetes-plugin
 * files use that the catalog does not define: each defined only by those projects' tests or their
 * test libraries, or by Groovy itself.
 */
const NOT_IN_CATALOG: Record<string, string> = {
  semaphore: "workflow-support's SemaphoreStep, a step of Jenkins' test harness",
  rhombus: 'a meta-step describable defined in pipeline-model-definition/src/test/java',
  testtrigger: 'a trigger defined in pipeline-model-definition/src/test/java',
  testtriggerb: 'the same',
  doesNotExist: 'postSuccessNoSuchMethodError: the test expects this call to fail',
  evaluate: "Groovy's Script.evaluate",
  myecho: 'a global of the test shared library (src/test/resources/…/vars)',
  whereFrom: 'the same',
  fromLib: 'the same',
  acmeBody: 'the same',
  acmeFunc: 'the same',
  acmeFuncMap: 'the same',
  acmeFuncClosure1: 'the same',
  acmeFuncClosure2: 'the same',
};

describe('corpus', { skip: SKIP_REASON }, () => {
  const files = HAVE_CORPUS ? corpusFiles() : [];
  const results = new Map<string, Promise<Flat[]>>();
  const lintOnce = (rel: string) => {
    if (!results.has(rel)) results.set(rel, lintCorpusFile(rel));
    return results.get(rel)!;
  };

  it('reads every file of kubernetes-plugin/, pipeline-model-definition/ and wild/ without a crash', async () => {
    assert.ok(files.length > 550, `only ${files.length} corpus files found`);
    for (const rel of files) {
      const diags = await lintOnce(rel);
      const internal = diags.filter((d) => d.message.startsWith('Internal error'));
      assert.deepEqual(internal, [], rel);
    }
  });

  it("reports no error on kubernetes-plugin's valid pipelines beyond the listed expected failures", async () => {
    const actual: string[] = [];
    for (const rel of files.filter((f) => f.startsWith('kubernetes-plugin/'))) {
      for (const d of await lintOnce(rel)) if (d.severity === 'error') actual.push(`${d.file}:${d.line} ${d.code}`);
    }
    const expected = Object.entries(KP_EXPECTED_ERRORS).flatMap(([file, list]) => list.map((e) => `${file}:${e.line} ${e.code}`));
    assert.deepEqual(actual.sort(), expected.sort());
  });

  it('reports nothing on the valid pipeline-model-definition files beyond those Jenkins rejects', async () => {
    const actual: string[] = [];
    for (const rel of files.filter((f) => f.startsWith('pipeline-model-definition/') && !f.includes('/errors/'))) {
      for (const d of await lintOnce(rel)) actual.push(`${d.file}:${d.line} ${d.code}`);
    }
    assert.deepEqual(actual.sort(), PMD_REJECTED.map((e) => `${PMD}${e.file}:${e.line} ${e.code}`).sort());
  });

  it('finds every step, option, trigger and parameter of the valid pipeline-model-definition and kubernetes-plugin files in the catalog, or on the reasoned list', async () => {
    const catalog = builtinCatalog();
    const unknown = new Set<string>();
    for (const rel of files.filter((f) => (f.startsWith('pipeline-model-definition/') && !f.includes('/errors/')) || f.startsWith('kubernetes-plugin/'))) {
      const { declarative } = await corpusAnalysis(rel);
      const defined = declarative.definedNames!();
      for (const c of declarative.stepCalls!()) if (!catalog.stepOrFunction(c.name) && !defined.has(c.name)) unknown.add(c.name);
      const p = declarative.pipeline;
      for (const section of [p?.options, p?.triggers, p?.parameters]) for (const m of section?.entries ?? []) if (!catalog.functionOrStep(m.name)) unknown.add(m.name);
    }
    assert.deepEqual([...unknown].sort(), Object.keys(NOT_IN_CATALOG).sort());
  });

  it('extracts every pod template of kubernetes-plugin/ and wild/ with its container names', async () => {
    const expected = JSON.parse(readFileSync(join(REPO, 'test', 'corpus', 'templates.json'), 'utf8')) as Record<string, string[]>;
    delete expected.$comment;
    const actual: Record<string, string[]> = {};
    for (const rel of files.filter((f) => !f.startsWith('pipeline-model-definition/'))) {
      const templates = await corpusTemplates(rel);
      if (templates.length) actual[rel] = templates;
    }
    assert.deepEqual(actual, expected);
  });

  it('reports the real mistakes in wild/ and flags none of the must-not-flag patterns', async () => {
    const actual: string[] = [];
    for (const rel of files.filter((f) => f.startsWith('wild/'))) {
      for (const d of await lintOnce(rel)) if (d.severity !== 'info') actual.push(`${d.file}:${d.line} ${d.code}`);
    }
    assert.deepEqual(actual.sort(), WILD_EXPECTED.map((e) => `${e.file}:${e.line} ${e.code}`).sort());
  });
});
