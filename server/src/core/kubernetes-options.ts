// The options of `agent { kubernetes { … } }` and of the `podTemplate` step (reference §2.1, §2.2):
// which form takes each, what it does and its default. JKL201 checks against it; editors show it.

export interface KubernetesOption {
  name: string;
  /** Accepted in declarative `kubernetes { }`. */
  declarative: boolean;
  /** Accepted by the scripted `podTemplate(…)` step. */
  step: boolean;
  doc: string;
  default?: string;
}

const o = (name: string, declarative: boolean, step: boolean, doc: string, dflt?: string): KubernetesOption => ({ name, declarative, step, doc, ...(dflt ? { default: dflt } : {}) });

export const KUBERNETES_OPTIONS: readonly KubernetesOption[] = [
  o('activeDeadlineSeconds', true, true, 'Seconds the pod may run before Kubernetes stops it.', '0 (no deadline)'),
  o('agentContainer', true, true, 'The container that runs the Jenkins agent.', 'jnlp'),
  o('agentInjection', true, true, "Inject the agent into `agentContainer` (an init container copies it in); overrides that container's command and args.", 'false'),
  o('annotations', false, true, 'Pod annotations: `[podAnnotation(key: …, value: …)]`.'),
  o('cloud', true, true, 'The Kubernetes cloud to run the pod in.', 'the first Kubernetes cloud Jenkins has'),
  o('containerTemplate', true, false, 'Deprecated: one container as a block; use `yaml`.'),
  o('containerTemplates', true, false, 'Containers as `[containerTemplate(…)]`.'),
  o('containers', false, true, 'Containers as `[containerTemplate(name: …, image: …)]`.'),
  o('customWorkspace', true, false, 'A workspace path for the stage instead of the default.'),
  o('defaultContainer', true, false, 'The container the steps of the stage run in.', 'jnlp'),
  o('envVars', false, true, 'Pod environment: `[envVar(key: …, value: …), secretEnvVar(…)]`.'),
  o('hostNetwork', false, true, "Use the node's network namespace.", 'false'),
  o('idleMinutes', true, true, 'Minutes to keep the pod after the build, for reuse.', '0'),
  o('imagePullSecrets', false, true, "Secrets to pull images with: `['name']`."),
  o('inheritFrom', true, true, 'Space-separated names of pod templates to inherit from. Declarative does not inherit by default; a nested podTemplate inherits from the enclosing one.', "'' (declarative)"),
  o('inheritYamlMergeStrategy', true, true, "Inherit the parent's yamlMergeStrategy.", 'false'),
  o('instanceCap', true, true, 'The most pods of this template at once.', 'unlimited'),
  o('label', true, true, 'Node label of the pod. Deprecated in declarative (use inheritFrom); in podTemplate, setting it means POD_LABEL is not defined.', 'generated'),
  o('name', false, true, 'Pod name prefix.', 'the label'),
  o('namespace', true, true, 'Kubernetes namespace of the pod.', "the cloud's namespace"),
  o('nodeSelector', true, true, 'Node selector as `label1=value1,label2=value2`.'),
  o('nodeUsageMode', false, true, 'NORMAL or EXCLUSIVE.', 'EXCLUSIVE'),
  o('podRetention', true, true, 'Keep the pod after the build: never(), onFailure(), always(), evicted(), default().', "default() (the cloud's, never())"),
  o('retries', true, false, 'Retry the stage on a new pod this many times when the agent is lost.', '1'),
  o('runAsGroup', false, true, 'Group ID the containers run as.'),
  o('runAsUser', false, true, 'User ID the containers run as.'),
  o('schedulerName', true, true, 'Kubernetes scheduler to use.'),
  o('serviceAccount', true, true, 'Service account of the pod.'),
  o('showRawYaml', true, true, 'Print the pod YAML in the build log.', 'true'),
  o('slaveConnectTimeout', true, true, 'Seconds to wait for the agent to connect.', '1000'),
  o('supplementalGroups', true, true, 'Comma-separated supplemental group IDs.'),
  o('volumes', false, true, 'Volumes: `[emptyDirVolume(…), secretVolume(…), persistentVolumeClaim(…), …]`.'),
  o('workingDir', true, true, 'Working directory of the containers.', '/home/jenkins/agent'),
  o('workspaceVolume', true, true, 'The workspace volume: emptyDirWorkspaceVolume(), dynamicPVC(…), persistentVolumeClaimWorkspaceVolume(…), …', 'emptyDirWorkspaceVolume(false)'),
  o('yaml', true, true, 'The pod as YAML (a fragment is fine); merged with the other options.'),
  o('yamlFile', true, false, 'A pod YAML file from the repository (read with readTrusted, relative to the repository root).'),
  o('yamlMergeStrategy', true, true, "How this YAML combines with inherited YAML: override() keeps only this one, merge() merges them.", 'override()'),
];

export const DECLARATIVE_OPTIONS = KUBERNETES_OPTIONS.filter((x) => x.declarative).map((x) => x.name);
export const STEP_OPTIONS = KUBERNETES_OPTIONS.filter((x) => x.step).map((x) => x.name);
