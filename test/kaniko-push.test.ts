// What a Kaniko command line proves when shell variables and GString interpolations fill parts of
// it: the registry it pushes to (JKL304), whether it has a destination at all (JKL305). A table of
// cases: the words around an interpolation decide, the interpolation itself is never guessed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityText } from '../server/out/extract/mapped-text.js';
import { destinationRegistry } from '../server/out/resolve/kaniko.js';
import { executorCalls } from '../server/out/resolve/shell-words.js';
import { lintText } from './helpers.js';

describe('destinationRegistry: the registry the written part of a destination proves', () => {
  const cases: Array<[string, string | undefined]> = [
    ['registry.example.com/team/app:1.0', 'registry.example.com'],
    ['registry.example.com/app:$BUILD_NUMBER', 'registry.example.com'],
    ['localhost:5000/app:$TAG', 'localhost:5000'],
    ['localhost/app', 'localhost'],
    ['team/app:$TAG', 'docker.io'],
    ['app:1', 'docker.io'],
    ['$IMAGE', undefined],
    ['$REGISTRY/app', undefined],
    ['app:$TAG', undefined], // `app:5000/x` is a registry with a port
    ['registry.example.com${PORT}/app', undefined],
    ['/app', undefined],
  ];
  for (const [value, registry] of cases) {
    it(`${value} → ${registry ?? 'unknown'}`, () => {
      const [call] = executorCalls(identityText(`/kaniko/executor --destination=${value}`));
      const d = call!.flags.get('destination')![0]!;
      assert.equal(destinationRegistry(d.value, d.literal), registry);
    });
  }
});

describe('executor words: which are written out, which may hold any flags', () => {
  const cases: Array<[string, string[]]> = [
    ["/kaniko/executor --context $WORKSPACE --dockerfile 'Dockerfile' -d r.io/a", []],
    ['/kaniko/executor --context=`pwd` --cache $EXTRA', ['$EXTRA']],
    ["/kaniko/executor '$NOT_EXPANDED' \\$ALSO_NOT", []],
    ['/kaniko/executor "$FLAGS"', ['$FLAGS']],
    ['/kaniko/executor --$NAME=x', ['--$NAME=x']],
  ];
  for (const [script, unknown] of cases) {
    it(script, () => {
      assert.deepEqual(executorCalls(identityText(script))[0]!.unknown.map((w) => w.text), unknown);
    });
  }
});

/** A Jenkinsfile running `script` (Groovy string literal, quotes included) in a Kaniko container. */
function pipeline(script: string, container = '', image = 'ghcr.io/osscontainertools/kaniko:debug'): string {
  const q = container.includes('${') ? '"""' : "'''";
  return `podTemplate(yaml: ${q}
spec:
  containers:
  - name: kaniko
    image: ${image}
    command: [sleep]
    args: [99d]
${container}${q}) {
  node(POD_LABEL) {
    container('kaniko') {
      sh ${script}
    }
  }
}
`;
}

const ROOT_MOUNT = '    volumeMounts: [{name: regcred, mountPath: /root/.docker}]\n  volumes: [{name: regcred, secret: {secretName: regcred}}]\n';
const ROOT_SUBPATH = '    volumeMounts: [{name: regcred, mountPath: /root/.docker/config.json, subPath: config.json}]\n  volumes: [{name: regcred, secret: {secretName: regcred}}]\n';

describe('JKL304 through variables and interpolations', () => {
  const NONE = "nothing mounted at /kaniko/.docker";
  const ROOT = 'mounted at /root/.docker';
  const cases: Array<{ name: string; script: string; container?: string; image?: string; expect?: [string, string] }> = [
    { name: 'a shell variable in the tag', script: "'/kaniko/executor --destination=registry.example.com/app:$BUILD_NUMBER'", expect: [NONE, 'registry.example.com/app:$BUILD_NUMBER'] },
    { name: '${TAG} as a shell variable', script: "'/kaniko/executor --destination registry.example.com/app:${TAG}'", expect: [NONE, 'registry.example.com/app:${TAG}'] },
    { name: 'a GString interpolation in the tag, quoted as written', script: '"/kaniko/executor --destination=registry.example.com/app:${env.BUILD_NUMBER}"', expect: [NONE, 'registry.example.com/app:${env.BUILD_NUMBER}'] },
    { name: 'a Docker Hub repository with a variable tag', script: '"/kaniko/executor -d team/app:${tag} --context=dir://${WORKSPACE}"', expect: [NONE, 'team/app:${tag}'] },
    { name: 'a second destination that names a registry', script: "'/kaniko/executor -d $IMAGE -d registry.example.com/app:latest'", expect: [NONE, 'registry.example.com/app:latest'] },
    { name: 'the whole destination in a variable', script: "'/kaniko/executor --destination=$IMAGE'" },
    { name: 'the registry in a variable', script: "'/kaniko/executor --destination $REGISTRY/app:1'" },
    { name: 'the registry in an interpolation', script: '"/kaniko/executor --destination ${registry}/app:1"' },
    { name: 'a name and a variable tag (a host:port may follow)', script: "'/kaniko/executor --destination app:$TAG'" },
    { name: 'quoted variables', script: '\'/kaniko/executor --destination="$REPO":"$TAG"\'' },
    { name: 'a registry reached with the cloud identity', script: "'/kaniko/executor -d europe-docker.pkg.dev/p/r/app:$T -d 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:$T -d acme.azurecr.io/app:$T'" },
    { name: 'a variable that may hold --no-push', script: "'/kaniko/executor --destination registry.example.com/app $KANIKO_FLAGS'" },
    { name: '--no-push from a variable', script: "'/kaniko/executor --destination registry.example.com/app --no-push=$DRY_RUN'" },
    { name: 'KANIKO_NO_PUSH set for the command', script: "'KANIKO_NO_PUSH=true /kaniko/executor --destination registry.example.com/app'" },
    { name: 'another kaniko dir', script: "'/kaniko/executor --kaniko-dir=/tmp/kaniko --destination registry.example.com/app'" },
    { name: 'the script writes the config', script: "'cp $CFG /kaniko/.docker/config.json && /kaniko/executor --destination registry.example.com/app'" },
    { name: 'a slim image (no shell; its config is $HOME/.docker)', script: "'/kaniko/executor --destination registry.example.com/app'", image: 'ghcr.io/osscontainertools/kaniko:slim' },
    { name: 'config at /root/.docker, registry in a variable', script: "'/kaniko/executor --destination=$IMAGE'", container: ROOT_MOUNT, expect: [ROOT, '$IMAGE'] },
    { name: 'config file at /root/.docker/config.json', script: "'/kaniko/executor -d registry.example.com/app:1'", container: ROOT_SUBPATH, expect: [ROOT, 'registry.example.com/app:1'] },
    { name: 'config at /root/.docker and DOCKER_CONFIG pointing there', script: "'/kaniko/executor --destination=$IMAGE'", container: ROOT_MOUNT.replace('\n  volumes', '\n    env: [{name: DOCKER_CONFIG, value: /root/.docker}]\n  volumes') },
    { name: 'a mount whose path is an interpolation', script: "'/kaniko/executor --destination registry.example.com/app'", container: '    volumeMounts: [{name: d, mountPath: "${configDir}"}]\n  volumes: [{name: d, secret: {secretName: regcred}}]\n' },
    { name: 'config at /root/.docker, pushing to GCR', script: "'/kaniko/executor --destination=gcr.io/p/app:$T'", container: ROOT_MOUNT },
  ];
  for (const c of cases) {
    it(`${c.expect ? 'reports' : 'quiet on'}: ${c.name}`, async () => {
      const { flat } = await lintText(pipeline(c.script, c.container, c.image));
      const found = flat.filter((d) => d.code === 'JKL304');
      if (!c.expect) return assert.deepEqual(found, []);
      assert.equal(found.length, 1, JSON.stringify(flat));
      assert.ok(found[0]!.message.includes(c.expect[0]), found[0]!.message);
      assert.ok(found[0]!.message.startsWith(`Kaniko pushes to ${c.expect[1]}, `), found[0]!.message);
    });
  }
});

describe('JKL305 through variables and interpolations', () => {
  const cases: Array<{ name: string; script: string; hit: boolean }> = [
    { name: 'a missing continuation, $WORKSPACE as a value', script: "'''\n/kaniko/executor --context $WORKSPACE --dockerfile Dockerfile\n  --destination registry.example.com/app:1\n'''", hit: true },
    { name: 'a missing continuation, dir:// with an interpolation', script: '"""\n/kaniko/executor --context=dir://${WORKSPACE} -f ${WORKSPACE}/Dockerfile\n  --destination registry.example.com/app:1\n"""', hit: true },
    { name: 'a variable that may hold the destination', script: "'/kaniko/executor --context . $DESTINATION_FLAGS'", hit: false },
    { name: 'an interpolation that may hold the flags', script: '"/kaniko/executor ${kanikoArgs}"', hit: false },
    { name: 'a destination from a variable', script: "'/kaniko/executor --context . --destination=$IMAGE'", hit: false },
    { name: 'KANIKO_NO_PUSH', script: "'KANIKO_NO_PUSH=true /kaniko/executor --context .'", hit: false },
    { name: '--no-push from a variable', script: "'/kaniko/executor --context . --no-push=$DRY_RUN'", hit: false },
  ];
  for (const c of cases) {
    it(`${c.hit ? 'reports' : 'quiet on'}: ${c.name}`, async () => {
      const { flat } = await lintText(pipeline(c.script, '    volumeMounts: [{name: d, mountPath: /kaniko/.docker}]\n  volumes: [{name: d, secret: {secretName: regcred}}]\n'));
      assert.equal(flat.filter((d) => d.code === 'JKL305').length, c.hit ? 1 : 0, JSON.stringify(flat));
    });
  }
});
