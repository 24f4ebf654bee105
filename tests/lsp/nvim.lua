-- tests/lsp/nvim.lua: Neovim's built-in LSP client against escape-check --lsp.
--
--   ESCAPE_CHECK=... EC_FILE=... nvim --headless -u NONE -i NONE -c 'luafile nvim.lua'
--
-- Opens EC_FILE (the seed example), attaches the server, and waits for the
-- diagnostics: as many as `escape-check --format=json` finds, each trace step stored by Neovim as
-- relatedInformation in user_data.lsp. Then jumps to the VLA finding's
-- first trace step, as a user following the trace would. Neovim 0.7
-- (Debian bookworm) has no vim.lsp.start (0.8+): start_client and
-- buf_attach_client work in both.
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
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local config = { name = 'escape-check', cmd = { exe, '--lsp' }, root_dir = vim.fn.getcwd() }
  local id = vim.lsp.start_client(config)
  if not id then return fail('start_client returned nil') end
  vim.lsp.buf_attach_client(buf, id)
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
  -- follow the last step (the parameter flen) with the cursor
  local last = vla.rel[#vla.rel].location
  if last.uri ~= vim.uri_from_bufnr(buf) then return fail('step URI ' .. last.uri) end
  vim.api.nvim_win_set_cursor(0, { last.range.start.line + 1, last.range.start.character })
  local word = vim.fn.expand('<cword>')
  if word ~= 'flen' then return fail('the last step points at ' .. word .. ', not flen') end
  say('cursor on the last trace step: ' .. word)
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
  say(('%d passed, 0 failed'):format(1))
end)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
