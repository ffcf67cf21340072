// A real editor: Debian's Neovim (0.7), headless, set up with the README's own snippet for Neovim
// 0.7–0.10 (copied from the README), opens a Jenkinsfile.prod, receives the diagnostics, applies the
// quick fix through Neovim, sees the finding go, and asks for a completion.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, workspace } from './helpers.js';
import { kanikoPipeline } from './samples.js';

const HAVE_NVIM = spawnSync('sh', ['-c', 'command -v nvim']).status === 0;

/** Findings JKL302 and JKL306; the README's settings turn JKL306 off. */
const JENKINSFILE = kanikoPipeline('gcr.io/kaniko-project/executor:v1.23.2');

/** The README's Lua for Neovim 0.7–0.10. */
const README_SETUP = /\*\*Neovim 0\.7–0\.10\*\*[\s\S]*?```lua\n([\s\S]*?)```/.exec(readFileSync(join(REPO, 'README.md'), 'utf8'))![1]!;

/** After the README's setup: once the file is loaded, wait for diagnostics, fix, wait, complete, report. */
const DRIVER = (result: string) => `
-- Runs once the Jenkinsfile given on the command line is loaded.
local function run()
local function lsp_diags()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out, { code = d.code, line = d.lnum + 1, col = d.col + 1, source = d.source })
  end
  return out
end
local report = { filetype = vim.bo.filetype }
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
report.before = lsp_diags()

-- The quick fix for the JKL302 diagnostic, asked for and applied through Neovim's own LSP client.
for _, d in ipairs(vim.diagnostic.get(0)) do
  if d.code == 'JKL302' then
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    local params = vim.lsp.util.make_range_params()
    local lsp = (d.user_data and d.user_data.lsp) or { range = params.range, message = d.message, code = d.code }
    params.context = { diagnostics = { lsp } }
    local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
    for _, res in pairs(responses) do
      for _, action in ipairs(res.result or {}) do
        if action.edit and action.title:match('^Use ') then
          report.applied = action.title
          vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        end
      end
    end
  end
end
vim.cmd('silent write')
vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'JKL302' then return false end end
  return true
end, 50)
report.after = lsp_diags()

-- Completion, asked for through Neovim's client: a step name begun in a steps body.
vim.api.nvim_buf_set_lines(0, 15, 16, false, { "  stages { stage('Image') { steps {", '    tim', '  } } }' })
local completion = vim.lsp.buf_request_sync(0, 'textDocument/completion', { textDocument = vim.lsp.util.make_text_document_params(), position = { line = 16, character = 7 } }, 10000) or {}
for _, res in pairs(completion) do
  for _, item in ipairs(res.result and (res.result.items or res.result) or {}) do
    if item.label == 'timeout' then report.timeout = { kind = item.kind, detail = item.detail, insertText = item.insertText or vim.NIL } end
  end
end
vim.fn.writefile({ vim.fn.json_encode(report) }, ${JSON.stringify(result)})
vim.cmd('qa!')
end
vim.api.nvim_create_autocmd('VimEnter', { callback = run })
`;

describe('Neovim', { skip: HAVE_NVIM ? false : 'nvim not installed (.ci/run installs the Debian package)' }, () => {
  it("with the README's setup: takes Jenkinsfile.prod for groovy, receives the diagnostics (settings applied), applies the quick fix and completes a step", () => {
    const dir = workspace({ 'Jenkinsfile.prod': JENKINSFILE, '.git/HEAD': '' });
    const result = join(dir, 'result.json');
    writeFileSync(join(dir, 'init.lua'), README_SETUP + DRIVER(result));
    // The README's `jenkinsfile-language-server` on PATH, as `npm install -g` puts it there.
    const env = { ...process.env, PATH: `${join(REPO, 'node_modules', '.bin')}:${process.env.PATH}` };
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', join(dir, 'init.lua'), join(dir, 'Jenkinsfile.prod')], { cwd: dir, env, encoding: 'utf8', timeout: 90_000 });
    assert.equal(r.status, 0, `nvim: ${r.stderr}`);
    const report = JSON.parse(readFileSync(result, 'utf8')) as {
      filetype: string;
      before: Array<{ code: string; line: number; col: number; source: string }>;
      after: Array<{ code: string }>;
      applied?: string;
      timeout?: { kind: number; detail: string; insertText: string | null };
    };
    assert.equal(report.filetype, 'groovy');
    // No JKL306: the README's settings turned it off.
    assert.deepEqual(report.before, [{ code: 'JKL302', line: 9, col: 12, source: 'jenkinsfile-lint' }]);
    assert.equal(report.applied, 'Use gcr.io/kaniko-project/executor:v1.23.2-debug');
    assert.deepEqual(report.after ?? [], []);
    assert.match(readFileSync(join(dir, 'Jenkinsfile.prod'), 'utf8'), /image: gcr\.io\/kaniko-project\/executor:v1\.23\.2-debug\n/);
    // Neovim 0.7 takes no snippets: the step's name is inserted as it is.
    assert.deepEqual(report.timeout, { kind: 3, detail: 'timeout(time: int, activity: boolean, unit: TimeUnit)', insertText: null });
  });
});
