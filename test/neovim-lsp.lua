-- Drives the Monitor language server from headless Neovim (test/neovim.test.ts): the buffer is a copy
-- of examples/jeugd/jeugd.monitor, the client is the one the config of docs/editors.md starts. Each
-- step goes through Neovim's own LSP client; the results go as JSON to $MONITOR_NVIM_OUT.
local out = {}
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)

local function line_of(needle)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = l:find(needle, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('not in the buffer: ' .. needle)
end

local function at(needle, shift)
  local line, col = line_of(needle)
  return { textDocument = { uri = uri }, position = { line = line, character = col + (shift or 0) } }
end

-- One request through the attached client; returns its result, or nil and the error.
local function request(method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 20000) or {}
  for _, r in pairs(responses) do return r.result, r.error end
  return nil, 'no response'
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(list, tostring(code_of(d))) end
  return list
end

local function has_code(code)
  return vim.tbl_contains(codes(), code)
end

local function set_line(needle, text)
  local line = line_of(needle)
  local old = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { text })
  return line, old
end

local function steps()
  local client
  vim.wait(30000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do client = c end
    return client ~= nil and client.server_capabilities ~= nil and client.server_capabilities.hoverProvider ~= nil
  end, 100)
  out.attached = client ~= nil and client.name or nil
  if not client then return end

  -- Diagnostics: an unknown column after an edit, gone again after the undo.
  local line = line_of('voorziening = "verblijf"')
  local old = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { (old:gsub('voorziening =', 'voorzienin =')) })
  vim.wait(60000, function() return has_code('unknown-column') end, 100)
  out.diagnostics = codes()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == 'unknown-column' then out.diagnostic = { line = d.lnum, message = d.message } end
  end
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { old })
  vim.wait(60000, function() return not has_code('unknown-column') end, 100)
  out.diagnosticsAfterUndo = codes()

  -- Hover: the latest value, once the data stage has computed it.
  local hover = ''
  vim.wait(90000, function()
    local result = request('textDocument/hover', at('indicator verblijf', #'indicator '))
    hover = result and result.contents and (result.contents.value or vim.inspect(result.contents)) or ''
    return hover:find('laatst: %d') ~= nil
  end, 500)
  out.hover = hover

  -- Completion: a column of the real CSV file in the columns block.
  local cline, cold = set_line('productcategorie text', '        produ')
  local items = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = cline, character = 13 } })
  out.completion = {}
  for _, item in ipairs((items and (items.items or items)) or {}) do table.insert(out.completion, item.label) end
  vim.api.nvim_buf_set_lines(buf, cline, cline + 1, false, { cold })

  -- Definition: `from trajecten` goes to `source trajecten`.
  local def = request('textDocument/definition', at('from trajecten active at end', #'from '))
  def = def and (def[1] or def)
  out.definition = def and { line = (def.range or def.targetSelectionRange).start.line, uri = def.uri or def.targetUri } or nil
  out.sourceLine = line_of('source trajecten from')

  -- Formatting: a line indented wrongly comes back to four spaces.
  local fline = set_line('title "Jeugdigen in residenti', '  title "Jeugdigen in residentiële jeugdhulp per 1.000 jongeren"')
  local edits = request('textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = true } })
  vim.lsp.util.apply_text_edits(edits or {}, buf, client.offset_encoding or 'utf-16')
  out.formatted = vim.api.nvim_buf_get_lines(buf, fline, fline + 1, false)[1]

  -- Rename: a taken name is refused; a free one changes every use.
  local _, taken = request('textDocument/rename', vim.tbl_extend('force', at('indicator verblijf', #'indicator '), { newName = 'residentieel' }))
  out.renameTaken = taken and (taken.message or tostring(taken)) or nil
  local edit = request('textDocument/rename', vim.tbl_extend('force', at('indicator verblijf', #'indicator '), { newName = 'verblijf_totaal' }))
  if edit then vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding or 'utf-16') end
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  out.renamed = {
    indicator = text:find('indicator verblijf_totaal {', 1, true) ~= nil,
    target = text:find('target verblijf_totaal {', 1, true) ~= nil,
    note = text:find('on verblijf_totaal\n', 1, true) ~= nil,
    uses = select(2, text:gsub('verblijf_totaal', '')),
  }
end

local ok, err = pcall(steps)
if not ok then out.error = tostring(err) end
local file = io.open(os.getenv('MONITOR_NVIM_OUT'), 'w')
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd('qall!')
