" tests/editors/quickfix.vim: share/escape-check/vim/compiler/escape-check.vim
" in a real editor. Run from the source root, escape-check on PATH:
"
"   vim -N -u NONE -i NONE -n -es -S tests/editors/quickfix.vim
"   nvim --headless -u NONE -i NONE -n -es -S tests/editors/quickfix.vim
"
" :compiler escape-check, then :make on the seed example and on a file
" with a warning. The quickfix list must hold every finding of
" `escape-check --format=json -m -m` on the same files, in order, each
" followed by its trace steps at their own positions (type w for a
" warning, n for notes). Then it walks two traces with :cc and :cnext, as
" a user would, checking the cursor at every step. The result goes to
" $EC_OUT; the exit status is 0 only on success.
let s:out = []
let s:passed = 0

function! s:Ok(what) abort
  let s:passed += 1
  call add(s:out, 'ok - ' . a:what)
endfunction

function! s:Check(cond, what) abort
  if !a:cond
    throw 'FAIL: ' . a:what
  endif
endfunction

" Walk the trace of the finding whose message matches pat: :cc to it,
" then :cnext through its steps.
function! s:Walk(qf, want, pat) abort
  let i = 0
  while i < len(a:want) && !(a:want[i].header && a:want[i].text =~# a:pat)
    let i += 1
  endwhile
  call s:Check(i < len(a:want), 'a finding matching ' . a:pat)
  execute 'cc ' . (i + 1)
  let w = a:want[i]
  call s:Check(fnamemodify(bufname('%'), ':p') ==# fnamemodify(w.file, ':p') && line('.') == w.line && col('.') == w.col,
        \ printf(':cc %d: cursor at %s:%d:%d, want %s:%d:%d', i + 1, bufname('%'), line('.'), col('.'), w.file, w.line, w.col))
  let n = 0
  while i + 1 < len(a:want) && !a:want[i + 1].header
    let i += 1
    let w = a:want[i]
    cnext
    call s:Check(fnamemodify(bufname('%'), ':p') ==# fnamemodify(w.file, ':p') && line('.') == w.line && col('.') == w.col,
          \ printf(':cnext to step %d: cursor at %s:%d:%d, want %s:%d:%d (%s)', n + 1, bufname('%'), line('.'), col('.'), w.file, w.line, w.col, w.text))
    call add(s:out, printf('  %s:%d:%d: %s', w.file, w.line, w.col, getqflist()[i].text))
    let n += 1
  endwhile
  call s:Check(n > 0, 'the finding matching ' . a:pat . ' has a trace')
  call s:Ok(printf(':cc and %d x :cnext walk the trace of "%s"', n, a:pat))
endfunction

function! s:Run() abort
  let files = ['examples/stream/alg_one.c', 'tests/editors/sample.c']
  let report = json_decode(system('escape-check --format=json -m -m ' . join(files)))
  call s:Check(len(report.diagnostics) > 0, 'the command line finds something')

  set runtimepath^=share/escape-check/vim
  compiler escape-check
  call s:Check(&l:makeprg =~# '^escape-check --format=gcc', 'makeprg: ' . &l:makeprg)
  execute 'silent make! ' . join(files)
  let qf = getqflist()
  call s:Check(len(filter(copy(qf), '!v:val.valid')) == 0, 'no unparsed lines: ' . string(filter(copy(qf), '!v:val.valid')))

  let want = []
  for d in report.diagnostics
    call add(want, {'header': 1, 'file': d.file, 'line': d.line, 'col': d.column,
          \ 'type': d.severity ==# 'warning' ? 'w' : 'n', 'text': d.message, 'code': d.code})
    for s in d.trace
      call add(want, {'header': 0, 'file': s.file, 'line': s.line, 'col': s.column, 'type': 'n', 'text': s.message})
    endfor
  endfor
  call s:Check(len(qf) == len(want), printf('%d quickfix entries, want %d', len(qf), len(want)))
  let warnings = 0
  for i in range(len(want))
    let [e, w] = [qf[i], want[i]]
    let where = printf('entry %d (%s:%d:%d %s)', i + 1, w.file, w.line, w.col, w.text)
    call s:Check(bufname(e.bufnr) ==# w.file, where . ': file ' . bufname(e.bufnr))
    call s:Check(e.lnum == w.line && e.col == w.col, where . printf(': at %d:%d', e.lnum, e.col))
    call s:Check(e.type ==# w.type, where . ': type ' . e.type)
    if w.header
      call s:Check(e.text =~# '\V[' . w.code . ']\$', where . ': text ' . e.text)
      let warnings += w.type ==# 'w'
    else
      call s:Check(e.text =~# '^\(flow\|from\) ', where . ': text ' . e.text)
    endif
  endfor
  call s:Check(warnings > 0, 'a warning among the findings')
  call s:Ok(printf(':make: %d entries, the %d findings of --format=json -m -m and their steps, types w and n',
        \ len(qf), len(report.diagnostics)))

  " the seed: the VLA whose size comes from the parameter flen
  call s:Walk(qf, want, '^variable-length array buf ')
  call s:Check(expand('<cword>') ==# 'flen', 'the last step of the VLA trace is on flen, not ' . expand('<cword>'))
  call s:Ok('the VLA trace ends on the parameter flen')
  " a dangling stack address through a helper
  call s:Walk(qf, want, '^address of local escapes')
endfunction

try
  call s:Run()
  call add(s:out, printf('%d passed, 0 failed', s:passed))
  call writefile(s:out, $EC_OUT)
  qall!
catch
  call add(s:out, v:exception . ' (' . v:throwpoint . ')')
  call writefile(s:out, $EC_OUT)
  cquit!
endtry
