-- escape-check for Neovim (0.7 and later): the language server
-- `escape-check --lsp` on C buffers, and the trace of a finding in the
-- quickfix list.
--
--   -- init.lua
--   vim.opt.runtimepath:append('/usr/share/escape-check/nvim')
--   require('escape-check').setup()              -- or setup({ args = { '-p', 'build' } })
--   vim.keymap.set('n', '<leader>et', require('escape-check').trace)
--
-- Findings show as diagnostics (a dangling stack address or a leak as a
-- warning, the rest as information). Neovim keeps each finding's trace
-- (the LSP relatedInformation) but does not show it: trace() puts the
-- trace of the finding under the cursor into the quickfix list, so
-- :cnext walks it step by step. For :make and the quickfix list without
-- the server, see vim/compiler/escape-check.vim.
local M = {}

local function root_of(buf)
  local name = vim.api.nvim_buf_get_name(buf)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local found = vim.fn.findfile('compile_commands.json', dir .. ';')
  if found == '' then found = vim.fn.finddir('.git', dir .. ';') end
  return found ~= '' and vim.fn.fnamemodify(found, ':p:h:h') or dir
end

-- Attach the server to buffer buf (a C buffer).
function M.attach(buf, opts)
  opts = opts or M.opts or {}
  local cmd = { opts.program or 'escape-check', '--lsp' }
  vim.list_extend(cmd, opts.args or {})
  local config = { name = 'escape-check', cmd = cmd, root_dir = root_of(buf) }
  if vim.lsp.start then			-- Neovim 0.8+
    return vim.lsp.start(config, { bufnr = buf })
  end
  -- Neovim 0.7: one client for every buffer of the same root
  M.clients = M.clients or {}
  local id = M.clients[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    M.clients[config.root_dir] = id
  end
  if id then vim.lsp.buf_attach_client(buf, id) end
  return id
end

-- Start the server for every C buffer. opts: program (default
-- 'escape-check'), args (a list, e.g. { '-m', '-m' } for stack-unknown
-- findings, { '-p', 'build' } for compile_commands.json).
function M.setup(opts)
  M.opts = opts or {}
  local group = vim.api.nvim_create_augroup('escape-check', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group, pattern = 'c',
    callback = function(args) M.attach(args.buf) end,
  })
end

-- The escape-check findings of buffer buf on line lnum (0-based), the
-- closest to col first.
local function findings_at(buf, lnum, col)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = lnum })) do
    if d.source == 'escape-check' then table.insert(out, d) end
  end
  table.sort(out, function(a, b) return math.abs(a.col - col) < math.abs(b.col - col) end)
  return out
end

-- Put the trace of the finding under the cursor into the quickfix list:
-- the finding first, then each step at its own place. Returns the
-- number of entries (0: no finding with a trace here).
function M.trace()
  local buf = vim.api.nvim_get_current_buf()
  local pos = vim.api.nvim_win_get_cursor(0)
  for _, d in ipairs(findings_at(buf, pos[1] - 1, pos[2])) do
    local lsp = d.user_data and d.user_data.lsp or {}
    local rel = lsp.relatedInformation or {}
    if #rel > 0 then
      local items = { { bufnr = buf, lnum = d.lnum + 1, col = d.col + 1, text = d.message,
                        type = d.severity == vim.diagnostic.severity.WARN and 'W' or 'I' } }
      for _, r in ipairs(rel) do
        local b = vim.uri_to_bufnr(r.location.uri)
        vim.fn.bufload(b)
        local line = vim.api.nvim_buf_get_lines(b, r.location.range.start.line, r.location.range.start.line + 1, false)[1] or ''
        -- LSP columns count UTF-16 units; the quickfix list wants bytes
        local ok, byte = pcall(vim.str_byteindex, line, r.location.range.start.character, true)
        table.insert(items, { bufnr = b, lnum = r.location.range.start.line + 1,
                              col = (ok and byte or r.location.range.start.character) + 1,
                              text = r.message, type = 'N' })
      end
      vim.fn.setqflist({}, ' ', { title = 'escape-check: ' .. d.message, items = items })
      return #items
    end
  end
  vim.notify('escape-check: no finding with a trace on this line', vim.log.levels.INFO)
  return 0
end

return M
