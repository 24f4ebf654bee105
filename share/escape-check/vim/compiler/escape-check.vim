" Vim compiler file for escape-check (Go-style escape analysis for C).
" Works in Vim 8.2+/9 and Neovim 0.7+.
"
"   :set runtimepath+=/usr/share/escape-check/vim   (or the source tree's
"                                                   share/escape-check/vim)
"   :compiler escape-check
"   :make %                 " this file, with the flow trace (-m -m)
"   :make -m=1 %            " decisions only, one entry per finding
"   :make -p build %        " flags from build/compile_commands.json
"
" escape-check prints gcc's format (--format=gcc): the finding as a
" warning (a dangling stack address, a leak) or a note, then each step of
" its trace as a note at the step's own position, so :cnext walks the
" flow from the object to where it escapes. Notes get type n, warnings w,
" clang's errors in the input e. Lines that are none of these (an
" unreadable file) are kept as text.
if exists("current_compiler")
  finish
endif
let current_compiler = "escape-check"

if exists(":CompilerSet") != 2		" older Vim always used :setlocal
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=escape-check\ --format=gcc\ -m\ -m
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
		       \%f:%l:%c:\ fatal\ %trror:\ %m,
		       \%f:%l:%c:\ %tarning:\ %m,
		       \%f:%l:%c:\ %tote:\ %m

let &cpo = s:cpo_save
unlet s:cpo_save
