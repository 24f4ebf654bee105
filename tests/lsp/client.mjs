// tests/lsp/client.mjs: drives `escape-check --lsp` from a real client
// library, npm's vscode-languageserver-protocol (the one VS Code's own
// client is built on), over the server's stdin and stdout.
//
//   node client.mjs ESCAPE_CHECK SOURCE_DIR MODULE_DIR
//
// It opens the seed example examples/stream/alg_one.c and checks that the
// published diagnostics are the findings of `escape-check --format=json`
// for the same file, trace steps as relatedInformation in order, and that
// the VLA finding with its trace is there. Then: unsaved text (a buffer
// that was never written, with characters outside ASCII before a
// finding, so UTF-16 columns differ from bytes), a parse error, an
// unknown request (MethodNotFound), didClose, shutdown and exit.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const [exe, srcdir, moddir] = process.argv.slice(2);
const require = createRequire(path.join(moddir, 'package.json'));
const lsp = require('vscode-languageserver-protocol/node');

const child = spawn(exe, ['--lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise(r => child.on('exit', (code, sig) => r({ code, sig })));
const conn = lsp.createProtocolConnection(
  new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));

// Diagnostics per URI, each waiter resolved by the next publication.
const waiters = new Map();
conn.onNotification(lsp.PublishDiagnosticsNotification.type, p => {
  const w = waiters.get(p.uri);
  if (w) { waiters.delete(p.uri); w(p); }
});
function nextDiagnostics(uri) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no diagnostics for ' + uri)), 30000);
    waiters.set(uri, p => { clearTimeout(t); resolve(p); });
  });
}
conn.listen();

let passed = 0;
function ok(what) { passed++; console.log('ok - ' + what); }

const file = path.join(srcdir, 'examples/stream/alg_one.c');
const uri = pathToFileURL(file).href;
const text = readFileSync(file, 'utf8');

const init = await conn.sendRequest(lsp.InitializeRequest.type, {
  processId: process.pid, rootUri: pathToFileURL(srcdir).href, capabilities: {},
});
assert.equal(init.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Full);
assert.equal(init.capabilities.textDocumentSync.openClose, true);
assert.equal(init.serverInfo.name, 'escape-check');
ok('initialize: full sync, open/close, serverInfo');
await conn.sendNotification(lsp.InitializedNotification.type, {});

// The seed example, compared with --format=json run on the same file.
let got = nextDiagnostics(uri);
await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'c', version: 1, text },
});
let p = await got;
assert.equal(p.version, 1);
let json;
try {
  json = execFileSync(exe, ['--format=json', file], { encoding: 'utf8' });
} catch (e) {
  json = e.stdout;	// exit status 1: a bug-class finding
}
const want = JSON.parse(json).diagnostics;
assert.ok(want.length > 0, 'the CLI finds something in alg_one.c');
assert.equal(p.diagnostics.length, want.length, 'as many diagnostics as --format=json');
for (let i = 0; i < want.length; i++) {
  const d = p.diagnostics[i], w = want[i];
  assert.equal(d.source, 'escape-check');
  assert.equal(d.code, w.code);
  assert.equal(d.message, w.message);
  assert.deepEqual(d.range, w.range, `range of "${w.message}" (ASCII file: bytes = UTF-16)`);
  assert.equal(d.severity, w.severity === 'warning' ? lsp.DiagnosticSeverity.Warning
                                                     : lsp.DiagnosticSeverity.Information);
  const rel = d.relatedInformation || [];
  assert.equal(rel.length, w.trace.length, `trace of "${w.message}"`);
  for (let j = 0; j < rel.length; j++) {
    assert.equal(rel[j].message, w.trace[j].message);
    assert.equal(rel[j].location.uri, uri);
    assert.equal(rel[j].location.range.start.line, w.trace[j].line - 1);
    assert.equal(rel[j].location.range.start.character, w.trace[j].column - 1);
  }
}
ok(`alg_one.c: ${want.length} diagnostics, the same as --format=json, traces as relatedInformation`);

const vla = p.diagnostics.find(d => d.code === 'vla');
assert.ok(vla, 'the VLA finding of the seed (Go: make([]byte, size) escapes)');
assert.equal(vla.message, 'variable-length array buf (non-constant size)');
assert.ok(vla.relatedInformation.some(r => r.message === 'flow: {size of buf} = size'));
assert.ok(vla.relatedInformation.some(r => r.message.startsWith('from flen (parameter)')));
ok('alg_one.c: the VLA buf with its size trace back to the parameter flen');
for (const d of p.diagnostics)
  console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.code}] ${d.message}` +
              (d.relatedInformation ? ` (${d.relatedInformation.length} trace steps)` : ''));

// An unsaved buffer: a file that does not exist, UTF-16 columns.
const ghost = path.join(srcdir, 'no such dir', 'unsaved é.c');
const guri = pathToFileURL(ghost).href;
const gtext = '/* é😀 */ int *f(void) { int x = 1; return &x; }\n';
got = nextDiagnostics(guri);
await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: { uri: guri, languageId: 'c', version: 7, text: gtext },
});
p = await got;
assert.equal(p.diagnostics.length, 1);
let d = p.diagnostics[0];
assert.equal(d.code, 'stack-escape');
assert.equal(d.severity, lsp.DiagnosticSeverity.Warning);
// 'x' is byte 34 (0-based) but UTF-16 unit 29: é is 2 bytes/1 unit, 😀 4 bytes/2 units
assert.equal(gtext.indexOf('x ='), 29);
assert.deepEqual(d.range, { start: { line: 0, character: 29 }, end: { line: 0, character: 30 } });
const ret = d.relatedInformation.find(r => r.message === 'from return &x (return)');
assert.equal(ret.location.uri, guri);
assert.equal(ret.location.range.start.character, gtext.indexOf('return'));
ok('unsaved buffer of a file that does not exist; UTF-16 columns after é and 😀');

// didChange (full text): a parse error is published as an error.
got = nextDiagnostics(guri);
await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
  textDocument: { uri: guri, version: 8 },
  contentChanges: [{ text: 'int f(void) { return 1 }\n' }],
});
p = await got;
assert.equal(p.version, 8);
assert.equal(p.diagnostics.length, 1);
assert.equal(p.diagnostics[0].severity, lsp.DiagnosticSeverity.Error);
assert.match(p.diagnostics[0].message, /expected ';'/);
assert.equal(p.diagnostics[0].range.start.character, 22);
ok("didChange: clang's parse error as an Error diagnostic");

// A burst of changes is analysed once, for the last text.
got = nextDiagnostics(guri);
for (let v = 9; v <= 20; v++)
  conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: guri, version: v },
    contentChanges: [{ text: v < 20 ? 'int f(void) { return 1 }\n' : 'int g(int *p) { return *p; }\n' }],
  });
p = await got;
assert.equal(p.version, 20);
assert.deepEqual(p.diagnostics.map(d => d.message), ['p does not escape']);
ok('twelve quick changes: one analysis, of version 20');

// A suppression comment in the unsaved text (the file is not on disk).
got = nextDiagnostics(guri);
await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
  textDocument: { uri: guri, version: 21 },
  contentChanges: [{ text: '/* é😀 */ int *f(void) { int x = 1; return &x; } /* escape-check: ignore stack-escape */\n' }],
});
p = await got;
assert.deepEqual(p.diagnostics, []);
ok('a suppression comment in the unsaved text is honoured');

// Unknown requests: MethodNotFound; the server carries on.
await assert.rejects(conn.sendRequest('textDocument/hover', {
  textDocument: { uri }, position: { line: 0, character: 0 } }),
  e => e.code === lsp.ErrorCodes.MethodNotFound);
await assert.rejects(conn.sendRequest('escape-check/nothing', {}),
  e => e.code === -32601);
ok('unknown requests: MethodNotFound (-32601)');

// didSave re-analyses; didClose clears.
got = nextDiagnostics(uri);
await conn.sendNotification(lsp.DidSaveTextDocumentNotification.type, { textDocument: { uri } });
p = await got;
assert.equal(p.diagnostics.length, want.length);
ok('didSave: analysed again');
got = nextDiagnostics(uri);
await conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
p = await got;
assert.deepEqual(p.diagnostics, []);
ok('didClose: diagnostics cleared');

assert.equal(await conn.sendRequest(lsp.ShutdownRequest.type), null);
await conn.sendNotification(lsp.ExitNotification.type);
const st = await exited;
assert.deepEqual(st, { code: 0, sig: null });
ok('shutdown, exit: status 0');
conn.dispose();
console.log(`${passed} passed, 0 failed`);
