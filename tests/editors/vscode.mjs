// tests/editors/vscode.mjs: the problem matcher of
// share/escape-check/vscode/tasks.json, applied as VS Code applies one
// (its regexp, a JavaScript RegExp, on each output line; "note" maps to
// Info) to the output of the task's own command line.
//
//   node vscode.mjs       (from the source root, escape-check on PATH)
//
// Every line must match; the problems must be the findings of
// `escape-check --format=json -m -m` and all their trace steps, at their
// positions, warnings as Warning, the rest (notes: trace steps too) as
// Info, codes on the findings. (VS Code itself cannot run here.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const tasks = JSON.parse(readFileSync('share/escape-check/vscode/tasks.json', 'utf8'));
const task = tasks.tasks.find(t => t.type === 'process');
assert.ok(task, 'a process task');
const m = task.problemMatcher;
assert.equal(m.owner, 'escape-check');
const re = new RegExp(m.pattern.regexp);
let passed = 0;

for (const file of ['examples/stream/alg_one.c', 'tests/editors/sample.c']) {
  const args = task.args.map(a => a.replace('${file}', file));
  let out;
  try { out = execFileSync(task.command, args, { encoding: 'utf8' }); } catch (e) { out = e.stdout; }
  let json;
  try { json = execFileSync('escape-check', ['--format=json', '-m', '-m', file], { encoding: 'utf8' }); }
  catch (e) { json = e.stdout; }
  const want = [];
  for (const d of JSON.parse(json).diagnostics) {
    want.push({ file: d.file, line: d.line, column: d.column, severity: d.severity === 'warning' ? 'Warning' : 'Info', code: d.code });
    for (const s of d.trace)
      want.push({ file: s.file, line: s.line, column: s.column, severity: 'Info', code: undefined });
  }
  const got = [];
  for (const line of out.split('\n').filter(l => l)) {
    const x = re.exec(line);
    assert.ok(x, 'no match: ' + line);
    const sev = x[m.pattern.severity];
    got.push({ file: x[m.pattern.file], line: Number(x[m.pattern.line]), column: Number(x[m.pattern.column]),
               severity: sev === 'warning' ? 'Warning' : sev === 'error' ? 'Error' : 'Info',
               code: x[m.pattern.code] });
    assert.ok(x[m.pattern.message].length > 0 && !x[m.pattern.message].endsWith(']'), 'message: ' + line);
  }
  assert.deepEqual(got, want);
  passed++;
  console.log(`ok - ${file}: all ${got.length} lines match; ${want.filter(w => w.code).length} findings and their trace steps as problems`);
}
// the C/C++ extension's $gcc matcher, for comparison, keeps no note
const gcc = /^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$/;
const out = (() => { try { return execFileSync('escape-check', ['--format=gcc', '-m', '-m', 'tests/editors/sample.c'], { encoding: 'utf8' }); } catch (e) { return e.stdout; } })();
console.log(`  ($gcc would keep ${out.split('\n').filter(l => gcc.test(l)).length} of ${out.split('\n').filter(l => l).length} lines of sample.c)`);
console.log(`${passed} passed, 0 failed`);
