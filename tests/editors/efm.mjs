// tests/editors/efm.mjs: share/escape-check/efm/config.yaml under efm-langserver,
// driven by the client library of tests/lsp/client.mjs.
//
//   node efm.mjs SOURCE_DIR MODULE_DIR      (escape-check on PATH)
//
// efm runs escape-check on the document's text (standard input): the
// published diagnostics must be the findings of `escape-check
// --format=json -m` on the file; an unsaved edit must add its warning.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const [srcdir, moddir] = process.argv.slice(2);
const require = createRequire(path.join(moddir, 'package.json'));
const lsp = require('vscode-languageserver-protocol/node');
let passed = 0;
function ok(what) { passed++; console.log('ok - ' + what); }

const child = spawn('efm-langserver', ['-c', path.join(srcdir, 'share/escape-check/efm/config.yaml')],
                    { stdio: ['pipe', 'pipe', 'inherit'], cwd: srcdir });
const conn = lsp.createProtocolConnection(
  new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
let waiter = null;
conn.onNotification(lsp.PublishDiagnosticsNotification.type, p => {
  if (waiter && waiter.pred(p)) { const w = waiter; waiter = null; w.resolve(p); }
});
function diagnostics(pred) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no matching diagnostics from efm')), 30000);
    waiter = { pred, resolve: p => { clearTimeout(t); resolve(p); } };
  });
}
conn.listen();

const file = path.join(srcdir, 'examples/stream/alg_one.c');
const uri = pathToFileURL(file).href;
const text = readFileSync(file, 'utf8');
let json;
try { json = execFileSync('escape-check', ['--format=json', file], { encoding: 'utf8' }); }
catch (e) { json = e.stdout; }
const want = JSON.parse(json).diagnostics;
assert.ok(want.length > 0);

await conn.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(srcdir).href, capabilities: {} });
await conn.sendNotification(lsp.InitializedNotification.type, {});
let got = diagnostics(p => p.uri === uri && p.diagnostics.length > 0);
await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'c', version: 1, text } });
let p = await got;
assert.equal(p.diagnostics.length, want.length, JSON.stringify(p.diagnostics.map(d => d.message)));
for (let i = 0; i < want.length; i++) {
  const d = p.diagnostics[i], w = want[i];
  assert.equal(d.source, 'escape-check');
  assert.deepEqual(d.range.start, { line: w.line - 1, character: w.column - 1 }, w.message);
  assert.equal(d.severity, w.severity === 'warning' ? 2 : 4, w.message);
  assert.ok(d.message.endsWith(`[${w.code}]`), d.message);
}
ok(`efm: ${want.length} diagnostics on alg_one.c, the findings of --format=json -m`);

const edited = text + '\nint *ec_unsaved(void)\n{\n\tint here = 1;\n\treturn &here;\n}\n';
const line = edited.split('\n').findIndex(l => l === '\tint here = 1;');
got = diagnostics(p => p.uri === uri && p.diagnostics.some(d => d.severity === 2));
await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
  textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
p = await got;
const warn = p.diagnostics.find(d => d.severity === 2);
assert.deepEqual(warn.range.start, { line, character: 5 });
assert.match(warn.message, /^address of here escapes its frame .*\[stack-escape\]$/);
ok('efm: an unsaved edit (through standard input) gets its warning: ' + warn.message);

// efm 0.0.44 closes the connection on shutdown instead of answering it
const exited = new Promise(r => child.on('exit', r));
const bye = async () => {
  try {
    await conn.sendRequest(lsp.ShutdownRequest.type);
    await conn.sendNotification(lsp.ExitNotification.type);
  } catch (e) { /* closed */ }
};
await Promise.race([bye(), new Promise(r => setTimeout(r, 2000))]);
const kill = setTimeout(() => child.kill(), 2000);
await exited;
clearTimeout(kill);
try { conn.dispose(); } catch (e) { /* closed */ }
console.log(`${passed} passed, 0 failed`);
