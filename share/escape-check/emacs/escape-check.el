;;; escape-check.el --- escape-check in Emacs: Flymake, M-x compile, Eglot  -*- lexical-binding: t -*-

;; Works in Emacs 27 and later (tested with Debian's Emacs 28.2).
;;
;; Put this file on `load-path' (the package installs it in
;; /usr/share/escape-check/emacs) and:
;;
;;   (require 'escape-check)
;;   (add-hook 'c-mode-hook #'escape-check-flymake-setup)   ; findings as you type
;;
;; Three ways to see escape-check's findings:
;;
;; - Flymake: `escape-check-flymake' sends the buffer (saved or not) to
;;   `escape-check --format=gcc -m -m --stdin-filename=FILE -'.  Each
;;   finding is a diagnostic (a dangling stack address or a leak is a
;;   warning, the rest notes); its trace, one line per step with the
;;   step's line and column, is part of the diagnostic's text.
;; - M-x escape-check-compile: the gcc-format report in a compilation
;;   buffer, where `next-error' (M-g n) walks each trace step by step.
;;   (Plain M-x compile works too, but skips notes unless
;;   `compilation-skip-threshold' is 0.)
;; - Eglot (Emacs 29, or Debian's elpa-eglot for Emacs 28): `escape-check
;;   --lsp' is a language server:
;;     (add-to-list 'eglot-server-programs '(c-mode "escape-check" "--lsp"))
;;   then M-x eglot in a C buffer.  It replaces clangd for C buffers (Eglot
;;   runs one server per mode), and Eglot 1.9 does not show the traces
;;   (related information): Flymake above does.

;;; Code:

(require 'cl-lib)
(require 'compile)
(require 'flymake)

(defgroup escape-check nil
  "Go-style escape analysis for C."
  :group 'tools
  :prefix "escape-check-")

(defcustom escape-check-program "escape-check"
  "The escape-check executable."
  :type 'string)

(defcustom escape-check-args nil
  "More arguments for escape-check, such as (\"-p\" \"build\") for the flags
in build/compile_commands.json, or (\"--\" \"-Iinclude\")."
  :type '(repeat string))

(defconst escape-check--line-re
  "^\\(.+?\\):\\([0-9]+\\):\\([0-9]+\\): \\(warning\\|note\\|error\\|fatal error\\): \\(.*\\)$"
  "One line of --format=gcc output, or of clang's errors.")

(defun escape-check--region (buffer line col)
  "BUFFER's region at 1-based LINE and byte column COL: to the end of the
identifier there, or one character."
  (with-current-buffer buffer
    (save-excursion
      (save-restriction
        (widen)
        (goto-char (point-min))
        (if (/= 0 (forward-line (1- line)))
            (cons (point-max) (point-max))
          (let* ((bol (point))
                 (beg (or (byte-to-position (+ (position-bytes bol) (max 0 (1- col)))) bol))
                 (beg (min beg (line-end-position)))
                 (end (progn (goto-char beg) (skip-syntax-forward "w_") (point))))
            (when (= beg end)
              (setq end (min (1+ beg) (point-max))))
            (cons beg end)))))))

(defun escape-check--parse (output source file)
  "Flymake diagnostics for SOURCE from OUTPUT, a buffer holding escape-check's
report on FILE.  A note without a [code] is a trace step of the finding
before it, and goes into that finding's text."
  (let ((diags '()) (cur nil) (dir (with-current-buffer source default-directory))
        (self (expand-file-name file)))
    (cl-flet ((flush ()
                (when cur
                  (let ((r (escape-check--region source (nth 0 cur) (nth 1 cur))))
                    (push (flymake-make-diagnostic source (car r) (cdr r) (nth 2 cur)
                                                   (nth 3 cur))
                          diags))
                  (setq cur nil))))
      (with-current-buffer output
        (goto-char (point-min))
        (while (re-search-forward escape-check--line-re nil t)
          (let* ((f (match-string 1)) (line (string-to-number (match-string 2)))
                 (col (string-to-number (match-string 3))) (sev (match-string 4))
                 (msg (match-string 5))
                 (here (string= (expand-file-name f dir) self)))
            (cond
             ((and (string= sev "note") (not (string-match-p " \\[[a-z-]+\\]\\'" msg)))
              ;; a trace step
              (when cur
                (setcar (nthcdr 3 cur)
                        (concat (nth 3 cur) "\n  "
                                (if here (format "%d:%d" line col) (format "%s:%d:%d" f line col))
                                ": " msg))))
             (t
              (flush)
              (when here
                (setq cur (list line col
                                (cond ((string= sev "warning") :warning)
                                      ((string= sev "note") :note)
                                      (t :error))
                                msg))))))))
      (flush))
    (nreverse diags)))

(defvar-local escape-check--process nil)

(defun escape-check-flymake (report-fn &rest _args)
  "A Flymake backend: escape-check on the buffer's current text."
  (unless (executable-find escape-check-program)
    (error "Cannot find %s" escape-check-program))
  (when (process-live-p escape-check--process)
    (kill-process escape-check--process))
  (let* ((source (current-buffer))
         (file (or buffer-file-name (expand-file-name (buffer-name))))
         (out (generate-new-buffer " *escape-check-flymake*")))
    (save-restriction
      (widen)
      (setq escape-check--process
            (make-process
             :name "escape-check-flymake" :noquery t :connection-type 'pipe
             :buffer out
             :command `(,escape-check-program "--format=gcc" "-m" "-m" "--color=never"
                        ,(concat "--stdin-filename=" file) "-" ,@escape-check-args)
             :sentinel
             (lambda (proc _event)
               (when (memq (process-status proc) '(exit signal))
                 (unwind-protect
                     (if (and (buffer-live-p source)
                              (eq proc (buffer-local-value 'escape-check--process source)))
                         (if (and (eq (process-status proc) 'exit) (<= (process-exit-status proc) 2))
                             (funcall report-fn (escape-check--parse out source file))
                           (funcall report-fn :panic
                                    :explanation (format "escape-check: %s" (process-status proc))))
                       (flymake-log :debug "canceled obsolete check %s" proc))
                   (kill-buffer out))))))
      (process-send-region escape-check--process (point-min) (point-max))
      (process-send-eof escape-check--process))))

;;;###autoload
(defun escape-check-flymake-setup ()
  "Add escape-check to the Flymake backends of this buffer, and turn Flymake on."
  (add-hook 'flymake-diagnostic-functions #'escape-check-flymake nil t)
  (flymake-mode 1))

;;;###autoload
(defun escape-check-compile (args)
  "Run escape-check -m -m on ARGS (files, options) in a compilation buffer,
where `next-error' visits each finding and then each step of its trace."
  (interactive
   (list (read-string "escape-check -m -m: "
                      (and buffer-file-name (file-relative-name buffer-file-name)))))
  (let ((buf (compilation-start
              (mapconcat #'identity
                         `(,(shell-quote-argument escape-check-program)
                           "--format=gcc" "-m" "-m" "--color=never" ,args
                           ,@(mapcar #'shell-quote-argument escape-check-args))
                         " ")
              nil (lambda (_mode) "*escape-check*"))))
    (with-current-buffer buf
      ;; the trace steps are notes: do not skip them; columns are bytes
      (setq-local compilation-skip-threshold 0)
      (setq-local compilation-error-screen-columns nil))
    buf))

(provide 'escape-check)
;;; escape-check.el ends here
