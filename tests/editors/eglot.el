;;; tests/editors/eglot.el --- escape-check --lsp under Eglot  -*- lexical-binding: t -*-
;;
;; From the source root, escape-check on PATH, Eglot installed (Emacs 29,
;; or Debian's elpa-eglot for Emacs 28):
;;   emacs --batch -Q -l tests/editors/eglot.el
;;
;; The configuration of share/escape-check/emacs/escape-check.el's
;; commentary, `(add-to-list 'eglot-server-programs '(c-mode "escape-check"
;; "--lsp"))', on the seed example: the Flymake diagnostics Eglot makes
;; from the server's must be the findings of `escape-check --format=json',
;; at their places; then an unsaved edit gets its warning; then shutdown
;; and exit through Eglot's JSON-RPC connection. Exit status 77 when Eglot is not installed.

(require 'package)
;; Debian's elpa-* packages (site-start, which -Q skips, adds this)
(when (file-directory-p "/usr/share/emacs/site-lisp/elpa")
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(unless (require 'eglot nil t)
  (princ "SKIP: Eglot not installed (elpa-eglot)\n")
  (kill-emacs 77))
(require 'json)
(require 'cl-lib)

(defun ec-fail (fmt &rest args)
  (princ (concat "FAIL: " (apply #'format fmt args) "\n"))
  (kill-emacs 1))
(defun ec-wait (pred secs)
  (let ((end (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.05))
    (funcall pred)))
(defun ec-pos (line col)
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- line))
    (byte-to-position (+ (position-bytes (point)) (1- col)))))

(let* ((file "examples/stream/alg_one.c")
       (want (let ((json-object-type 'alist) (json-array-type 'list))
               (with-temp-buffer
                 (call-process "escape-check" nil '(t nil) nil "--format=json" file)
                 (goto-char (point-min))
                 (alist-get 'diagnostics (json-read)))))
       (passed 0))
  (add-to-list 'eglot-server-programs '(c-mode "escape-check" "--lsp"))
  (find-file file)
  (unless (eq major-mode 'c-mode) (ec-fail "major mode %s" major-mode))
  ;; M-x eglot (eglot-ensure waits for the command loop, which batch has not)
  (apply #'eglot (eglot--guess-contact))
  (ec-wait (lambda () (eglot-current-server)) 30)
  (unless (ec-wait (lambda () (>= (length (flymake-diagnostics)) (length want))) 30)
    (ec-fail "%d diagnostics, want %d" (length (flymake-diagnostics)) (length want)))
  (let ((got (flymake-diagnostics)))
    (unless (= (length got) (length want))
      (ec-fail "%d diagnostics, want %d" (length got) (length want)))
    (dolist (w want)
      (let ((beg (ec-pos (alist-get 'line w) (alist-get 'column w))))
        (unless (cl-find-if (lambda (d) (and (= (flymake-diagnostic-beg d) beg)
                                             (string-match-p (regexp-quote (alist-get 'message w))
                                                             (flymake-diagnostic-text d))
                                             (eq (flymake-diagnostic-type d)
                                                 (if (equal (alist-get 'severity w) "warning")
                                                     'eglot-warning 'eglot-note))))
                            got)
          (ec-fail "no diagnostic %s:%s %s in %S" (alist-get 'line w) (alist-get 'column w)
                   (alist-get 'message w) (mapcar #'flymake-diagnostic-text got))))))
  (setq passed (1+ passed))
  (princ (format "ok - eglot: %d diagnostics on %s, the findings of --format=json, at their places\n"
                 (length want) file))
  (goto-char (point-max))
  (insert "\nint *ec_unsaved(void)\n{\n\tint here = 1;\n\treturn &here;\n}\n")
  ;; Eglot sends the change from an idle timer, and batch is never idle
  (eglot--signal-textDocument/didChange)
  (let ((line (- (line-number-at-pos) 3)))
    (unless (ec-wait (lambda () (cl-find-if (lambda (d) (eq (flymake-diagnostic-type d) 'eglot-warning))
                                            (flymake-diagnostics)))
                     30)
      (ec-fail "no warning after an unsaved edit"))
    (let ((d (cl-find-if (lambda (d) (eq (flymake-diagnostic-type d) 'eglot-warning)) (flymake-diagnostics))))
      (unless (= (line-number-at-pos (flymake-diagnostic-beg d)) line)
        (ec-fail "warning on line %d, want %d" (line-number-at-pos (flymake-diagnostic-beg d)) line))
      (princ (format "  %d: %s\n" line (flymake-diagnostic-text d)))))
  (setq passed (1+ passed))
  (princ "ok - eglot: an unsaved edit (didChange) gets its warning\n")
  (let* ((server (eglot-current-server))
         (proc (jsonrpc--process server)))
    ;; what eglot-shutdown sends, without its delete-process right after
    ;; the exit notification (which kills the server before it can exit)
    (unless (null (jsonrpc-request server :shutdown nil :timeout 10))
      (ec-fail "shutdown: a result that is not null"))
    (jsonrpc-notify server :exit nil)
    (unless (ec-wait (lambda () (not (process-live-p proc))) 10)
      (ec-fail "the server is still running after exit"))
    (unless (and (eq (process-status proc) 'exit) (= (process-exit-status proc) 0))
      (ec-fail "server exit: %s %s" (process-status proc) (process-exit-status proc))))
  (setq passed (1+ passed))
  (princ "ok - eglot: shutdown and exit, status 0\n")
  (set-buffer-modified-p nil)
  (princ (format "%d passed, 0 failed\n" passed))
  (kill-emacs 0))
