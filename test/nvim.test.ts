// A real editor: Debian's Neovim, headless, attaches the language server to a Jenkinsfile, reads
// back the diagnostics it received, applies the quick fix through Neovim, and sees the finding go.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { workspace } from './helpers.js';
import { SERVER } from './lsp-client.js';
import { kanikoPipeline } from './samples.js';

const HAVE_NVIM = spawnSync('sh', ['-c', 'command -v nvim']).status === 0;

const JENKINSFILE = kanikoPipeline('ghcr.io/osscontainertools/kaniko:v1.25.1');

/** Lua for Neovim 0.7+ (Debian bookworm ships 0.7.2): start the client, wait, fix, wait, report. */
const INIT = (root: string, result: string) => `
-- Runs once the Jenkinsfile given on the command line is loaded.
local function run()
local function lsp_diags()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out, { code = d.code, line = d.lnum + 1, col = d.col + 1, source = d.source })
  end
  return out
end
local report = {}
local id = vim.lsp.start_client({
  name = 'jenkinsfile-lint',
  cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER)}, '--stdio' },
  root_dir = ${JSON.stringify(root)},
  init_options = { debounceMs = 0 },
})
vim.lsp.buf_attach_client(0, id)
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
vim.fn.writefile({ vim.fn.json_encode(report) }, ${JSON.stringify(result)})
vim.cmd('qa!')
end
vim.api.nvim_create_autocmd('VimEnter', { callback = run })
`;

describe('Neovim', { skip: HAVE_NVIM ? false : 'nvim not installed (.ci/run installs the Debian package)' }, () => {
  it('receives the diagnostics and applies the quick fix', () => {
    const dir = workspace({ Jenkinsfile: JENKINSFILE, '.git/HEAD': '' });
    const result = join(dir, 'result.json');
    writeFileSync(join(dir, 'init.lua'), INIT(dir, result));
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', join(dir, 'init.lua'), join(dir, 'Jenkinsfile')], { cwd: dir, encoding: 'utf8', timeout: 90_000 });
    assert.equal(r.status, 0, `nvim: ${r.stderr}`);
    const report = JSON.parse(readFileSync(result, 'utf8')) as { before: Array<{ code: string; line: number; col: number; source: string }>; after: Array<{ code: string }>; applied?: string };
    assert.deepEqual(report.before, [{ code: 'JKL302', line: 9, col: 12, source: 'jenkinsfile-lint' }]);
    assert.equal(report.applied, 'Use ghcr.io/osscontainertools/kaniko:v1.25.1-debug');
    assert.deepEqual(report.after ?? [], []);
    assert.match(readFileSync(join(dir, 'Jenkinsfile'), 'utf8'), /image: ghcr\.io\/osscontainertools\/kaniko:v1\.25\.1-debug\n/);
  });
});
