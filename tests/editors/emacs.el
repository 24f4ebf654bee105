;;; tests/editors/emacs.el --- share/escape-check/emacs/escape-check.el in Emacs  -*- lexical-binding: t -*-
;;
;; From the source root, escape-check on PATH:
;;   emacs --batch -Q -l tests/editors/emacs.el
;;
;; 1. Flymake: the seed example gets one diagnostic per finding of
;;    `escape-check --format=json -m -m', at its position and of its
;;    severity, with the trace steps in the text; then an edit that is not
;;    saved (a function returning the address of a local) gets a warning:
;;    the buffer goes through standard input.
;; 2. M-x escape-check-compile: `next-error' visits every finding and
;;    every trace step, in the order and at the positions of the JSON
;;    (a step at the same place as the one before it is passed over, as
;;    compilation-mode does with any two messages at one place).
;; Exit status 0 only on success.

(require 'json)
(require 'cl-lib)
(add-to-list 'load-path (expand-file-name "share/escape-check/emacs"))
(require 'escape-check)

(defvar ec-passed 0)
(defconst ec-root default-directory "The source root, where the test runs.")
(defun ec-ok (fmt &rest args)
  (setq ec-passed (1+ ec-passed))
  (princ (concat "ok - " (apply #'format fmt args) "\n")))
(defun ec-check (cond fmt &rest args)
  (unless cond
    (error "FAIL: %s" (apply #'format fmt args))))

(defun ec-report (files)
  "The --format=json -m -m report on FILES, as a list of alists."
  (let ((json-object-type 'alist) (json-array-type 'list))
    (with-temp-buffer
      (apply #'call-process "escape-check" nil '(t nil) nil "--format=json" "-m" "-m" files)
      (goto-char (point-min))
      (alist-get 'diagnostics (json-read)))))

(defun ec-pos (line col)
  "Position of 1-based LINE and byte column COL in the current buffer."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- line))
    (byte-to-position (+ (position-bytes (point)) (1- col)))))

(defun ec-wait (pred secs)
  (let ((end (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun ec-flymake-diags ()
  (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(defun ec-test-flymake ()
  (let* ((file "examples/stream/alg_one.c")
         (want (ec-report (list file)))
         (buf (find-file-noselect file)))
    (with-current-buffer buf
      (setq-local flymake-diagnostic-functions nil)
      (escape-check-flymake-setup)
      (flymake-start)
      (ec-check (ec-wait (lambda () (>= (length (flymake-diagnostics)) (length want))) 30)
                "flymake: %d diagnostics, want %d; log: %s" (length (flymake-diagnostics)) (length want)
                (with-current-buffer (get-buffer-create "*Flymake log*") (buffer-string)))
      (let ((got (flymake-diagnostics)))
        (ec-check (= (length got) (length want)) "flymake: %d diagnostics, want %d" (length got) (length want))
        (dolist (w want)
          (let* ((beg (ec-pos (alist-get 'line w) (alist-get 'column w)))
                 (code (format "[%s]" (alist-get 'code w)))
                 (d (cl-find-if (lambda (d) (and (= (flymake-diagnostic-beg d) beg)
                                                 (string-suffix-p code (car (split-string (flymake-diagnostic-text d) "\n")))))
                                got)))
            (ec-check d "flymake: no diagnostic for %s:%s %s" (alist-get 'line w) (alist-get 'column w) (alist-get 'message w))
            (ec-check (eq (flymake-diagnostic-type d)
                          (if (equal (alist-get 'severity w) "warning") :warning :note))
                      "flymake: type %s for %s" (flymake-diagnostic-type d) (alist-get 'message w))
            (ec-check (= (length (alist-get 'trace w))
                         (1- (length (split-string (flymake-diagnostic-text d) "\n"))))
                      "flymake: %d trace lines in %S" (length (alist-get 'trace w)) (flymake-diagnostic-text d)))))
      (let ((vla (cl-find-if (lambda (d) (string-prefix-p "variable-length array buf" (flymake-diagnostic-text d)))
                             (flymake-diagnostics))))
        (ec-check vla "flymake: the VLA of the seed")
        (princ (format "  %d: %s\n" (line-number-at-pos (flymake-diagnostic-beg vla)) (flymake-diagnostic-text vla)))
        (ec-check (string-match-p "\n  117:23: flow {size of buf} = size\n" (flymake-diagnostic-text vla))
                  "flymake: VLA trace in %S" (flymake-diagnostic-text vla)))
      (ec-ok "flymake: %d diagnostics on %s, the findings of --format=json -m -m, traces in the text"
             (length want) file)

      ;; an unsaved edit: the buffer goes through stdin
      (goto-char (point-max))
      (insert "\nint *ec_unsaved(void)\n{\n\tint here = 1;\n\treturn &here;\n}\n")
      (let ((line (- (line-number-at-pos) 3)))
        (flymake-start)
        (ec-check (ec-wait (lambda () (cl-find-if (lambda (d) (eq (flymake-diagnostic-type d) :warning))
                                                  (flymake-diagnostics)))
                           30)
                  "flymake: no warning after the unsaved edit")
        (let ((d (cl-find-if (lambda (d) (eq (flymake-diagnostic-type d) :warning)) (flymake-diagnostics))))
          (ec-check (= (line-number-at-pos (flymake-diagnostic-beg d)) line)
                    "flymake: warning at line %d, want %d" (line-number-at-pos (flymake-diagnostic-beg d)) line)
          (ec-check (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "here")
                    "flymake: the warning covers %S" (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
          (princ (format "  %d: %s\n" line (flymake-diagnostic-text d)))))
      (ec-ok "flymake: an unsaved edit is analysed (standard input), its warning on `here'")
      (set-buffer-modified-p nil)
      (kill-buffer buf))))

(defun ec-test-compile ()
  (let* ((files '("examples/stream/alg_one.c" "tests/editors/sample.c"))
         (want (ec-report files))
         (buf (escape-check-compile (mapconcat #'identity files " ")))
         (proc (get-buffer-process buf)))
    (ec-check (ec-wait (lambda () (not (process-live-p proc))) 60) "compile: still running")
    (accept-process-output nil 0.2)
    (let ((steps '()) (n 0))
      (dolist (w want)
        (push (list (alist-get 'file w) (alist-get 'line w) (alist-get 'column w) (alist-get 'message w)) steps)
        (dolist (s (alist-get 'trace w))
          (push (list (alist-get 'file s) (alist-get 'line s) (alist-get 'column s) (alist-get 'message s)) steps)))
      ;; next-error passes over a message at the same place as the one
      ;; before it (a flow step and its first from step often share one)
      (setq steps (let ((prev nil) (out '()))
                    (dolist (s (nreverse steps) (nreverse out))
                      (unless (equal (butlast s) prev) (push s out))
                      (setq prev (butlast s)))))
      (with-current-buffer buf (goto-char (point-min)))
      (dolist (s steps)
        (let ((next-error-last-buffer buf))
          (condition-case err (next-error)
            (error (ec-check nil "compile: next-error %d failed: %S" (1+ n) err))))
        ;; where next-error put the user: the selected window's buffer and point
        (set-buffer (window-buffer (selected-window)))
        (goto-char (window-point))
        (ec-check (equal (file-truename buffer-file-name) (file-truename (expand-file-name (nth 0 s) ec-root)))
                  "compile: step %d in %s, want %s" (1+ n) buffer-file-name (nth 0 s))
        (ec-check (= (point) (ec-pos (nth 1 s) (nth 2 s)))
                  "compile: step %d at %d:%d, want %d:%d (%s)" (1+ n)
                  (line-number-at-pos) (1+ (current-column)) (nth 1 s) (nth 2 s) (nth 3 s))
        (setq n (1+ n)))
      (let ((next-error-last-buffer buf))
        (ec-check (condition-case nil (progn (next-error) nil) (error t)) "compile: more than %d entries" n))
      (ec-ok "compile: next-error visits the %d findings and their trace steps (%d places), in order"
             (length want) n))))

(condition-case err
    (progn
      (ec-test-flymake)
      (ec-test-compile)
      (princ (format "%d passed, 0 failed\n" ec-passed))
      (kill-emacs 0))
  (error
   (princ (format "%s\n" (error-message-string err)))
   (kill-emacs 1)))
