// The fixes of JKL601 and JKL602 written back into each Groovy string form: the fixed file says what
// was meant, and linted again it has nothing left for those rules.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultConfig } from '../server/out/core/config.js';
import { lint } from '../server/out/core/lint.js';
import { applyEdits, fixEdits } from '../server/out/fix/apply.js';
import { FsHost } from '../server/out/host/fs-host.js';

const FILE = '/workspace/Jenkinsfile';
const wrap = (steps: string) => `node {\n  withCredentials([string(credentialsId: 't', variable: 'TOKEN')]) {\n    ${steps}\n  }\n}\n`;

/** Applies the fixes (unsafe ones too when asked) until none is left, as `--fix` does. */
async function fixed(text: string, unsafe = false): Promise<{ text: string; left: string[] }> {
  for (let pass = 0; pass < 5; pass++) {
    const r = await lint(text, { file: FILE, host: new FsHost({ root: '/workspace' }), config: defaultConfig() });
    const edits = fixEdits(r.diagnostics, unsafe).byFile.get(FILE);
    if (!edits?.length) return { text, left: r.diagnostics.filter((d) => d.code === 'JKL601' || d.code === 'JKL602').map((d) => d.code) };
    text = applyEdits(text, edits);
  }
  throw new Error('fixes did not settle');
}

const CASES: Array<[string, string, string, boolean?]> = [
  ['a GString becomes single-quoted, the shell quotes around the secret double', `sh "curl -H 'Authorization: Bearer \${TOKEN}' https://x"`, `sh 'curl -H "Authorization: Bearer \${TOKEN}" https://x'`],
  ['another interpolation stays: the reference is escaped', 'sh "echo ${TOKEN} ${params.X}"', 'sh "echo \\${TOKEN} ${params.X}"'],
  ['$TOKEN and ${env.TOKEN}', 'sh "echo $TOKEN ${env.TOKEN}x"', "sh 'echo $TOKEN ${TOKEN}x'"],
  ['a triple-quoted GString with quotes in it', 'sh """\n      echo "$TOKEN" it\'s\n    """', "sh '''\n      echo \"$TOKEN\" it\\'s\n    '''"],
  ['shell single quotes with a $ in them are closed and reopened', `sh "echo '\\$HOME \${TOKEN}'"`, `sh 'echo \\'$HOME \\'"\${TOKEN}"\\'\\''`],
  ['bat reads %TOKEN%', 'bat "echo ${TOKEN}"', "bat 'echo %TOKEN%'"],
  ['powershell reads $env:TOKEN', 'powershell "Write-Output $TOKEN"', "powershell 'Write-Output $env:TOKEN'"],
  ['${env.X} in single quotes becomes the shell variable (braced before a name character)', "sh 'echo ${env.BUILD_NUMBER} ${env.TAG}-x ${env.TAG}x'", "sh 'echo $BUILD_NUMBER $TAG-x ${TAG}x'"],
  ['${params.X} makes it a GString, the shell $ escaped (unsafe)', "sh 'echo ${params.X} $HOME \"q\"'", 'sh "echo ${params.X} \\$HOME \\"q\\""', true],
  ['a triple-quoted script with ${currentBuild…} (unsafe)', "sh '''\n      echo ${currentBuild.number} $HOME\n    '''", 'sh """\n      echo ${currentBuild.number} \\$HOME\n    """', true],
];

for (const [what, before, after, unsafe] of CASES) {
  it(what, async () => {
    const r = await fixed(wrap(before), unsafe);
    assert.equal(r.text, wrap(after));
    assert.deepEqual(r.left, []);
  });
}

it('leaves echo and writeFile unfixed (no shell reads them), and ${params.X} in single quotes to --fix-unsafe', async () => {
  assert.deepEqual((await fixed(wrap('echo "token ${TOKEN}"'))).left, ['JKL601']);
  assert.deepEqual((await fixed(wrap("sh 'echo ${params.X}'"))).left, ['JKL602']);
});
