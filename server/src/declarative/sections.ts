// The sections and directives of a Declarative pipeline: where each may be written, what it does,
// an example. The parser takes its lists from here; the editor its completion and hover.
// Source: https://www.jenkins.io/doc/book/pipeline/syntax/ and pipeline-model-definition-plugin's
// ModelParser.groovy @ 42c9dc3e (which names it accepts where).

import type { BlockKind } from './model.js';

export interface SectionDoc {
  name: string;
  /** The blocks it may be written in. */
  in: readonly BlockKind[];
  /** Where it may appear, as a person says it. */
  where: string;
  doc: string;
  example: string;
  /** What the completion inserts (a snippet); the name alone when absent. */
  snippet?: string;
}

const block = (name: string) => `${name} {\n\t$0\n}`;

export const SECTIONS: readonly SectionDoc[] = [
  {
    name: 'pipeline',
    in: [],
    where: 'once, at the top level of the Jenkinsfile',
    doc: 'The Declarative pipeline: the sections Jenkins runs, in the order it runs them. It must have `agent` and `stages`.',
    example: "pipeline {\n  agent any\n  stages {\n    stage('Build') { steps { sh 'make' } }\n  }\n}",
  },
  {
    name: 'agent',
    in: ['pipeline', 'stage', 'matrix'],
    where: 'required in `pipeline`; optional in a stage (not beside `parallel` or `matrix`) and in a matrix',
    doc: 'Where the stages run: `agent any`, `agent none` (each stage names its own), or one agent type in a block: `label`, `node`, `docker`, `dockerfile`, `kubernetes`.',
    example: "agent { kubernetes { yamlFile 'ci/pod.yaml' } }",
    snippet: 'agent ${1|any,none|}',
  },
  {
    name: 'stages',
    in: ['pipeline', 'stage', 'matrix'],
    where: 'required in `pipeline` and in a matrix; in a stage, a group of sequential stages',
    doc: 'The stages, run one after another. In a stage it makes a sequential group that may have its own agent and tools.',
    example: "stages {\n  stage('Build') { steps { sh 'make' } }\n  stage('Test') { steps { sh 'make test' } }\n}",
    snippet: block('stages'),
  },
  {
    name: 'stage',
    in: ['stages', 'parallel'],
    where: 'in `stages` and `parallel`',
    doc: 'One stage: a literal name and a block with exactly one of `steps`, `stages`, `parallel` or `matrix`, plus optional `agent`, `when`, `environment`, `options`, `input`, `tools`, `post`.',
    example: "stage('Build') {\n  steps { sh 'make' }\n}",
    snippet: "stage('${1:name}') {\n\tsteps {\n\t\t$0\n\t}\n}",
  },
  {
    name: 'steps',
    in: ['stage'],
    where: 'in a stage',
    doc: "The steps of a stage: step calls only (`sh`, `echo`, block steps like `dir('x') { … }`); other Groovy goes in `script { }`.",
    example: "steps {\n  sh 'make'\n  junit 'target/*.xml'\n}",
    snippet: block('steps'),
  },
  {
    name: 'parallel',
    in: ['stage'],
    where: 'in a stage, not within another `parallel` or `matrix`',
    doc: 'Stages run at the same time. Each branch is a stage and may have its own agent; add `failFast true` to the stage to stop the others when one fails.',
    example: "parallel {\n  stage('Unit') { steps { sh 'make test' } }\n  stage('Lint') { steps { sh 'make lint' } }\n}",
    snippet: block('parallel'),
  },
  {
    name: 'matrix',
    in: ['stage'],
    where: 'in a stage, not within another `parallel` or `matrix`',
    doc: 'The same stages run for every combination of the axes (minus the excludes), in parallel.',
    example: "matrix {\n  axes {\n    axis { name 'OS'; values 'linux', 'windows' }\n  }\n  stages {\n    stage('Test') { steps { echo \"${OS}\" } }\n  }\n}",
    snippet: 'matrix {\n\taxes {\n\t\taxis {\n\t\t\tname \'${1:NAME}\'\n\t\t\tvalues ${2:\'a\', \'b\'}\n\t\t}\n\t}\n\tstages {\n\t\t$0\n\t}\n}',
  },
  {
    name: 'environment',
    in: ['pipeline', 'stage', 'matrix'],
    where: 'in `pipeline`, a stage or a matrix',
    doc: "Environment variables for the steps: `NAME = value` pairs. Values are strings, GStrings, numbers, method calls (`credentials('id')`, `readFile 'v'`) or `+` chains of strings.",
    example: "environment {\n  TARGET = 'dev'\n  TOKEN = credentials('api-token')\n}",
    snippet: block('environment'),
  },
  {
    name: 'options',
    in: ['pipeline', 'stage', 'matrix'],
    where: 'in `pipeline` (job properties, Declarative options, wrapper steps) and in a stage or matrix (Declarative options usable in a stage, wrapper steps)',
    doc: 'Options for the run: `timeout(…)`, `retry(…)`, `timestamps()`, `buildDiscarder(logRotator(…))`, `disableConcurrentBuilds()`, `skipDefaultCheckout()` …',
    example: "options {\n  timeout(time: 1, unit: 'HOURS')\n  buildDiscarder(logRotator(numToKeepStr: '10'))\n}",
    snippet: block('options'),
  },
  {
    name: 'parameters',
    in: ['pipeline', 'input'],
    where: 'in `pipeline`, and in a stage\'s `input`',
    doc: 'Build parameters the job asks for (`string`, `booleanParam`, `choice`, `text`, `password` …), available as `params.NAME`.',
    example: "parameters {\n  string(name: 'TARGET', defaultValue: 'dev')\n  booleanParam(name: 'DRY_RUN', defaultValue: false)\n}",
    snippet: block('parameters'),
  },
  {
    name: 'triggers',
    in: ['pipeline'],
    where: 'in `pipeline`',
    doc: 'What starts the job on its own: `cron(…)`, `pollSCM(…)`, `upstream(…)`.',
    example: "triggers {\n  cron('H 4 * * 1-5')\n}",
    snippet: block('triggers'),
  },
  {
    name: 'tools',
    in: ['pipeline', 'stage', 'matrix'],
    where: 'in `pipeline`, a stage (not beside `parallel` or `matrix`) or a matrix',
    doc: "Tool installations configured in Jenkins, put on the PATH: `maven 'name'`, `jdk 'name'`, `gradle 'name'` …",
    example: "tools {\n  maven 'maven-3.9'\n  jdk 'jdk-21'\n}",
    snippet: block('tools'),
  },
  {
    name: 'post',
    in: ['pipeline', 'stage', 'matrix'],
    where: 'in `pipeline`, a stage, a parallel branch or a matrix',
    doc: 'Steps to run after the stages (or the stage), by outcome: `always`, `success`, `failure`, `unstable`, `changed`, `fixed`, `regression`, `aborted`, `unsuccessful`, `notBuilt`, `cleanup`.',
    example: "post {\n  always { junit 'target/*.xml' }\n  failure { mail to: 'team@example.com', subject: 'failed', body: env.BUILD_URL }\n}",
    snippet: block('post'),
  },
  {
    name: 'when',
    in: ['stage', 'matrix'],
    where: 'in a stage or a matrix',
    doc: 'Runs the stage only when the conditions hold (all of them): `branch`, `tag`, `environment`, `expression { … }`, `allOf`, `anyOf`, `not` …; `beforeAgent true` decides before the agent starts.',
    example: "when {\n  branch 'main'\n  environment name: 'DEPLOY', value: 'true'\n}",
    snippet: block('when'),
  },
  {
    name: 'input',
    in: ['stage', 'matrix'],
    where: 'in a stage or a matrix',
    doc: 'Waits for a person to approve before the stage runs: `message` (required), `id`, `ok`, `submitter`, `submitterParameter`, `parameters { … }`.',
    example: "input {\n  message 'Deploy to production?'\n  ok 'Deploy'\n  submitter 'release-managers'\n}",
    snippet: "input {\n\tmessage '${1:Proceed?}'\n}",
  },
  {
    name: 'failFast',
    in: ['stage'],
    where: 'in a stage with `parallel` or `matrix`',
    doc: 'Stops the other parallel branches as soon as one fails.',
    example: 'failFast true',
    snippet: 'failFast ${1|true,false|}',
  },
  {
    name: 'libraries',
    in: ['pipeline'],
    where: 'in `pipeline`',
    doc: "Shared libraries to load, each as `lib('name@version')`.",
    example: "libraries {\n  lib('shared-steps@v1.2')\n}",
    snippet: block('libraries'),
  },
  {
    name: 'axes',
    in: ['matrix'],
    where: 'required in a matrix',
    doc: 'The axes of a matrix: one `axis` per variable.',
    example: "axes {\n  axis { name 'OS'; values 'linux', 'windows' }\n}",
    snippet: block('axes'),
  },
  {
    name: 'excludes',
    in: ['matrix'],
    where: 'in a matrix',
    doc: 'Combinations of the axes not to run: `exclude { axis { … } }`; an exclude axis takes `values` or `notValues`.',
    example: "excludes {\n  exclude {\n    axis { name 'OS'; values 'windows' }\n  }\n}",
    snippet: block('excludes'),
  },
  { name: 'axis', in: ['axes', 'exclude'], where: 'in `axes` and in an `exclude`', doc: 'One variable of the matrix: its `name` and its `values`.', example: "axis {\n  name 'OS'\n  values 'linux', 'windows'\n}", snippet: "axis {\n\tname '${1:NAME}'\n\tvalues ${2:'a', 'b'}\n}" },
  { name: 'exclude', in: ['excludes'], where: 'in `excludes`', doc: 'One combination not to run, given as axes.', example: "exclude {\n  axis { name 'OS'; values 'windows' }\n}", snippet: block('exclude') },
  { name: 'name', in: ['axis', 'excludeAxis'], where: 'in an `axis`', doc: 'The axis variable, an identifier: the stages see it as an environment variable.', example: "name 'OS'" },
  { name: 'values', in: ['axis', 'excludeAxis'], where: 'in an `axis`', doc: 'The literal values of the axis.', example: "values 'linux', 'windows', 'mac'" },
  { name: 'notValues', in: ['excludeAxis'], where: 'in an exclude `axis`', doc: 'Excludes every value but these.', example: "notValues 'linux'" },
  { name: 'message', in: ['input'], where: 'required in `input`', doc: 'The question shown to the person who approves.', example: "message 'Deploy to production?'" },
  { name: 'id', in: ['input'], where: 'in `input`', doc: 'An identifier for this input (default: from the stage name).', example: "id 'deploy'" },
  { name: 'ok', in: ['input'], where: 'in `input`', doc: 'The text of the approve button.', example: "ok 'Deploy'" },
  { name: 'submitter', in: ['input'], where: 'in `input`', doc: 'Comma-separated users or groups allowed to approve.', example: "submitter 'alice,release-managers'" },
  { name: 'submitterParameter', in: ['input'], where: 'in `input`', doc: 'The environment variable that receives the approver\'s name.', example: "submitterParameter 'APPROVER'" },
  { name: 'lib', in: ['libraries'], where: 'in `libraries`', doc: 'A shared library to load, `name@version`.', example: "lib('shared-steps@main')" },
  { name: 'script', in: ['steps', 'postCondition'], where: 'in `steps` and `post` conditions', doc: 'Any Groovy: variables, `if`, loops, scripted steps. Not checked as Declarative.', example: "script {\n  def version = readFile('VERSION').trim()\n  currentBuild.description = version\n}", snippet: block('script') },
  { name: 'beforeAgent', in: ['when'], where: 'in `when` (top level)', doc: 'Decide the `when` before the stage\'s agent starts (saves starting an agent for a skipped stage).', example: 'beforeAgent true', snippet: 'beforeAgent true' },
  { name: 'beforeInput', in: ['when'], where: 'in `when` (top level)', doc: 'Decide the `when` before the stage\'s `input` asks.', example: 'beforeInput true', snippet: 'beforeInput true' },
  { name: 'beforeOptions', in: ['when'], where: 'in `when` (top level)', doc: 'Decide the `when` before the stage\'s `options` apply.', example: 'beforeOptions true', snippet: 'beforeOptions true' },
];

/** The section names a block of this kind takes (the parser's lists of known sections). */
export function sectionNames(kind: BlockKind): string[] {
  return SECTIONS.filter((s) => s.in.includes(kind)).map((s) => s.name);
}

export function sectionDoc(name: string, kind?: BlockKind): SectionDoc | undefined {
  return SECTIONS.find((s) => s.name === name && (kind === undefined || s.in.includes(kind)));
}
