-- tests/lsp/nvim.lua: Neovim's built-in LSP client against escape-check --lsp.
--
--   ESCAPE_CHECK=... EC_FILE=... EC_SHARE=.../share/escape-check \
--     nvim --headless -u NONE -i NONE -c 'luafile nvim.lua'
--
-- With the shipped share/escape-check/nvim configuration (setup() starts
-- the server for C buffers), opens EC_FILE (the seed example) and waits for the
-- diagnostics: as many as `escape-check --format=json` finds, each trace step stored by Neovim as
-- relatedInformation in user_data.lsp. Then trace() puts the VLA
-- finding's trace into the quickfix list and :cnext walks it. Neovim 0.7
-- (Debian bookworm) has no vim.lsp.start (0.8+): the configuration uses
-- start_client and buf_attach_client there.
local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end
local function say(msg) io.stdout:write(msg .. '\n') end

local ok, err = pcall(function()
  local exe, file = os.getenv('ESCAPE_CHECK'), os.getenv('EC_FILE')
  -- what the command line finds in the file is what the editor must show
  local report = vim.fn.json_decode(vim.fn.system({ exe, '--format=json', file }))
  local want = #report.diagnostics
  if want == 0 then return fail('the command line finds nothing in ' .. file) end
  -- the shipped configuration: share/escape-check/nvim/lua/escape-check.lua
  vim.opt.runtimepath:append(os.getenv('EC_SHARE') .. '/nvim')
  local ec = require('escape-check')
  ec.setup({ program = exe })
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo.filetype ~= 'c' then return fail('filetype ' .. vim.bo.filetype) end
  local done = vim.wait(30000, function() return #vim.diagnostic.get(buf) >= want end, 50)
  local diags = vim.diagnostic.get(buf)
  if not done then return fail(('got %d diagnostics, want %d'):format(#diags, want)) end
  vim.wait(300)	-- nothing more should come
  diags = vim.diagnostic.get(buf)
  if #diags ~= want then return fail(('got %d diagnostics, want %d'):format(#diags, want)) end
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  local vla
  local with_trace = 0
  for _, d in ipairs(diags) do
    local rel = d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation or {}
    if #rel > 0 then with_trace = with_trace + 1 end
    say(('%s:%d:%d: severity=%d [%s] %s (%d trace steps)'):format(vim.fn.fnamemodify(file, ':t'),
      d.lnum + 1, d.col + 1, d.severity, d.source or '?', d.message, #rel))
    if d.message == 'variable-length array buf (non-constant size)' then vla = { d = d, rel = rel } end
  end
  if with_trace == 0 then return fail('no diagnostic carries relatedInformation') end
  if not vla then return fail('no VLA finding for buf') end
  if vla.d.severity ~= vim.diagnostic.severity.INFO then return fail('VLA severity ' .. vla.d.severity) end
  local steps = {}
  for _, r in ipairs(vla.rel) do
    steps[#steps + 1] = r.message
    say(('  related %d:%d %s'):format(r.location.range.start.line + 1, r.location.range.start.character + 1, r.message))
  end
  if steps[1] ~= 'flow: {size of buf} = size' then return fail('first step: ' .. tostring(steps[1])) end
  -- the trace in the quickfix list, walked with :cnext
  vim.api.nvim_win_set_cursor(0, { vla.d.lnum + 1, vla.d.col })
  local n = ec.trace()
  if n ~= #vla.rel + 1 then return fail(('trace(): %d quickfix entries, want %d'):format(n, #vla.rel + 1)) end
  vim.cmd('cfirst')
  local here = vim.api.nvim_win_get_cursor(0)
  if here[1] ~= vla.d.lnum + 1 or here[2] ~= vla.d.col then return fail(':cfirst not on the finding') end
  for i, r in ipairs(vla.rel) do
    vim.cmd('cnext')
    here = vim.api.nvim_win_get_cursor(0)
    local s = r.location.range.start
    if here[1] ~= s.line + 1 or here[2] ~= s.character then
      return fail((':cnext %d: cursor at %d:%d, want %d:%d'):format(i, here[1], here[2] + 1, s.line + 1, s.character + 1))
    end
  end
  local word = vim.fn.expand('<cword>')
  if word ~= 'flen' then return fail('the last step points at ' .. word .. ', not flen') end
  say(('trace() and %d x :cnext walk the VLA trace to: %s'):format(#vla.rel, word))
  local id = vim.lsp.get_active_clients()[1].id
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
  say(('%d passed, 0 failed'):format(1))
end)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
