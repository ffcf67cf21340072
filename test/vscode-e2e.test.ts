// The VS Code extension in a real VS Code: code-server (VS Code 1.99 from npm) driven headless by
// Debian's Chromium through playwright-core. Installs the packaged .vsix, opens a workspace with a
// Jenkinsfile that runs `sh` in a Kaniko :latest container, and checks what a person would see:
// the language mode, the JKL302 problem at its line, the quick fix, the problem gone after it, and
// a Declarative error (JKL401) of a second Jenkinsfile.
// The screenshot is kept as test/.tmp/vscode-e2e.png. Set up by .ci/run (../shared/tools/vscode-e2e).
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from './helpers.js';
import { kanikoPipeline } from './samples.js';

const PREFIX = process.env.CODE_SERVER_PREFIX ?? join(REPO, '.tools', 'vscode');
const CS_BIN = join(PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const READY = existsSync(CS_BIN) && existsSync('/usr/bin/chromium');
const ARTIFACTS = join(REPO, 'test', '.tmp');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitHttp(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

describe('VS Code extension in code-server', { skip: READY ? false : `code-server not installed in ${PREFIX} (.ci/run installs it)` }, () => {
  it('shows JKL302 in the Problems panel and fixes it with the quick fix', async () => {
    const work = mkdtempSync(join(tmpdir(), 'jkl-vscode-'));
    const ud = join(work, 'user-data');
    const exts = join(work, 'extensions');
    const ws = join(work, 'workspace');
    for (const d of [join(ud, 'User'), exts, ws, join(work, 't')]) mkdirSync(d, { recursive: true });
    const env = {
      ...process.env,
      TMPDIR: join(work, 't'),
      XDG_RUNTIME_DIR: join(work, 't'),
      XDG_CONFIG_HOME: join(work, 'xdg', 'config'),
      XDG_DATA_HOME: join(work, 'xdg', 'data'),
      XDG_CACHE_HOME: join(work, 'xdg', 'cache'),
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/' }),
    };
    writeFileSync(
      join(ud, 'User', 'settings.json'),
      JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none', 'git.enabled': false, 'workbench.tips.enabled': false }),
    );
    writeFileSync(join(ws, 'Jenkinsfile'), kanikoPipeline('gcr.io/kaniko-project/executor:latest'));
    writeFileSync(join(ws, '.jenkinsfile-lint.yaml'), 'rules: {JKL306: off}\n');
    // A Declarative mistake Jenkins' own validator rejects.
    writeFileSync(join(ws, 'release.Jenkinsfile'), "pipeline {\n  agent any\n  enviroment { TARGET = 'prod' }\n  stages { stage('Release') { steps { echo 'release' } } }\n}\n");

    // The packaged extension, as users get it.
    const vsix = join(work, 'jenkinsfile-lint.vsix');
    const pack = spawnSync(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: join(REPO, 'client'), encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stdout + pack.stderr);
    const install = spawnSync(process.execPath, [CS_BIN, '--user-data-dir', ud, '--extensions-dir', exts, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stdout + install.stderr);

    let cs: ChildProcess | undefined;
    const require = createRequire(join(PREFIX, 'node_modules', 'x.js'));
    // playwright-core is installed beside code-server (not a project dependency): typed loosely here.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Browser = { pages(): any[]; newPage(): Promise<any>; close(): Promise<void> };
    const { chromium } = require('playwright-core') as { chromium: { launchPersistentContext(dir: string, options: object): Promise<Browser> } };
    let browser: Browser | undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let page: any;
    try {
      const port = await freePort();
      cs = spawn(process.execPath, [CS_BIN, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', join(work, 'config.yaml'), '--user-data-dir', ud, '--extensions-dir', exts, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ws], { env, stdio: 'ignore', detached: true });
      await waitHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
      browser = await chromium.launchPersistentContext(join(work, 'chromium'), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        viewport: { width: 1400, height: 900 },
        env: { ...env, HOME: join(work, 'home') },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

      // Open the Jenkinsfile through Quick Open, as a person would.
      await page.keyboard.press('Control+P');
      await page.keyboard.type('Jenkinsfile');
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: /^Jenkinsfile/ }).first();
      await pick.waitFor({ timeout: 30_000 });
      await pick.click();
      const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
      await mode.waitFor({ timeout: 30_000 });
      await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: 'Jenkinsfile' }).waitFor({ timeout: 30_000 });
      assert.match(await mode.innerText(), /Jenkinsfile/);

      // The problem, in the Problems panel, at line 9.
      await page.click('.statusbar-item[id="status.problems"]');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'JKL302' }).first();
      await row.waitFor({ timeout: 60_000 });
      const rowText = await row.innerText();
      assert.match(rowText, /Kaniko image "gcr\.io\/kaniko-project\/executor:latest" has no shell/);
      assert.match(rowText, /\[Ln 9, Col 12\]/);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e.png') });

      // The quick fix, from the editor at the problem.
      await row.click();
      await row.press('Enter');
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Use gcr.io/kaniko-project/executor:debug' }).first();
      await fix.waitFor({ timeout: 30_000 });
      // The preferred fix comes first and focused ("Enter to Apply"): apply it from the keyboard.
      assert.match(await fix.getAttribute('class'), /focused/);
      await page.keyboard.press('Enter');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'JKL302' }).first().waitFor({ state: 'detached', timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-fixed.png') });
      await page.keyboard.press('Control+S');
      await page.waitForTimeout(1000);
      assert.match(readFileSync(join(ws, 'Jenkinsfile'), 'utf8'), /image: gcr\.io\/kaniko-project\/executor:debug\n/);

      // A Declarative error, in Jenkins' words, in the Problems panel.
      await page.keyboard.press('Control+P');
      await page.keyboard.type('release.Jenkinsfile');
      const other = page.locator('.quick-input-list .monaco-list-row', { hasText: /^release\.Jenkinsfile/ }).first();
      await other.waitFor({ timeout: 30_000 });
      await other.click();
      const declarative = page.locator('.markers-panel .monaco-list-row', { hasText: 'JKL401' }).first();
      await declarative.waitFor({ timeout: 60_000 });
      const declarativeText = await declarative.innerText();
      assert.match(declarativeText, /Undefined section "enviroment"/);
      assert.match(declarativeText, /\[Ln 3, Col 3\]/);
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-declarative.png') });
    } catch (e) {
      // What the editor showed when it went wrong, for whoever reads the failure.
      mkdirSync(ARTIFACTS, { recursive: true });
      await page?.screenshot({ path: join(ARTIFACTS, 'vscode-e2e-failure.png') }).catch(() => {});
      throw e;
    } finally {
      await browser?.close().catch(() => {});
      if (cs?.pid) {
        try {
          process.kill(-cs.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(work, { recursive: true, force: true });
    }
  });
});
