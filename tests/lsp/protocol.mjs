// tests/lsp/protocol.mjs: `escape-check --lsp` against bad input, on raw
// bytes (no client library: a library would refuse to send most of this).
//
//   node protocol.mjs ESCAPE_CHECK
//
// Every malformed message gets the JSON-RPC error it deserves (or, for a
// notification, nothing), and the server keeps answering; random bytes do
// not crash it; exit without shutdown gives status 1.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';

const exe = process.argv[2];
let passed = 0;
function ok(what) { passed++; console.log('ok - ' + what); }

// A server with a reader that splits its output into messages.
function start(args = []) {
  const child = spawn(exe, ['--lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buf = Buffer.alloc(0), stderr = '';
  const queue = [], waiting = [];
  child.stderr.on('data', d => { stderr += d; });
  child.stdout.on('data', d => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const h = buf.indexOf('\r\n\r\n');
      if (h < 0) break;
      const m = /^Content-Length: (\d+)$/m.exec(buf.subarray(0, h).toString());
      assert.ok(m, 'server header: ' + buf.subarray(0, h));
      const n = Number(m[1]);
      if (buf.length < h + 4 + n) break;
      const msg = JSON.parse(buf.subarray(h + 4, h + 4 + n).toString());
      buf = buf.subarray(h + 4 + n);
      assert.equal(msg.jsonrpc, '2.0');
      if (waiting.length) waiting.shift()(msg); else queue.push(msg);
    }
  });
  const exited = new Promise(r => child.on('exit', (code, signal) => r({ code, signal })));
  return {
    raw(bytes) { child.stdin.write(bytes); },
    send(obj) {
      const body = Buffer.from(typeof obj === 'string' ? obj : JSON.stringify(obj));
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    },
    next(ms = 20000) {
      if (queue.length) return Promise.resolve(queue.shift());
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no message from the server; stderr: ' + stderr)), ms);
        waiting.push(m => { clearTimeout(t); resolve(m); });
      });
    },
    pending() { return queue.length; },
    end() { child.stdin.end(); },
    exited,
  };
}

const req = (id, method, params = {}) => ({ jsonrpc: '2.0', id, method, params });
const note = (method, params = {}) => ({ jsonrpc: '2.0', method, params });
async function expectError(s, id, code, what) {
  const m = await s.next();
  assert.equal(m.id, id, what + ': id');
  assert.ok(m.error, what + ': an error response, got ' + JSON.stringify(m));
  assert.equal(m.error.code, code, what + ': code');
  ok(`${what}: error ${code}`);
}

let s = start();

// Before initialize: requests are refused, notifications dropped.
s.send(req(1, 'shutdown'));
await expectError(s, 1, -32002, 'request before initialize');
s.send(note('textDocument/didOpen', { textDocument: { uri: 'file:///x.c', languageId: 'c', version: 1, text: 'int *f(void){int x;return &x;}' } }));
s.send(req(2, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
let m = await s.next();
assert.equal(m.id, 2);
assert.equal(m.result.capabilities.textDocumentSync.change, 1);
ok('initialize after a dropped notification (nothing published for it)');
s.send(req(3, 'initialize', { capabilities: {} }));
await expectError(s, 3, -32600, 'second initialize');

// Framing and JSON.
s.send('{"jsonrpc": "2.0", "id": 4, "method": ');
await expectError(s, null, -32700, 'truncated JSON');
s.send('\u00ff\u0000garbage');
await expectError(s, null, -32700, 'binary garbage');
s.raw('Content-Type: application/vscode-jsonrpc\r\n\r\n');
await expectError(s, null, -32700, 'headers without Content-Length');
s.raw('Content-Length: -4\r\n\r\n');
await expectError(s, null, -32700, 'negative Content-Length');
s.raw('Content-Length: 12abc\r\n\r\n');
await expectError(s, null, -32700, 'Content-Length that is not a number');
s.raw('this is not a header\r\n\r\n');
await expectError(s, null, -32700, 'a line with no colon');
{
  const body = JSON.stringify(req(5, 'shutdown-not'));
  s.raw(`content-length:${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`);
  await expectError(s, 5, -32601, 'lower-case header, no space, Content-Type (accepted)');
}
{
  const body = JSON.stringify(req(6, 'x/y'));
  s.raw(`Content-Length: ${body.length}\n\n${body}`);
  await expectError(s, 6, -32601, 'bare LF line ends (accepted)');
}

// JSON that is not a request.
s.send('[1, 2, 3]');
await expectError(s, null, -32600, 'a JSON array (batches are not LSP)');
s.send('"a string"');
await expectError(s, null, -32600, 'a JSON string');
s.send({ id: 7, method: 'shutdown' });
await expectError(s, 7, -32600, 'no "jsonrpc": "2.0"');
s.send({ jsonrpc: '1.0', id: 8, method: 'shutdown' });
await expectError(s, 8, -32600, 'jsonrpc 1.0');
s.send({ jsonrpc: '2.0', id: 9 });
await expectError(s, 9, -32600, 'no method');
s.send({ jsonrpc: '2.0', id: 10, method: 42 });
await expectError(s, 10, -32600, 'method not a string');
s.send({ jsonrpc: '2.0', id: { a: 1 }, method: 'shutdown' });
await expectError(s, null, -32600, 'id that is an object');
s.send(req('str-id', 'textDocument/definition', {}));
await expectError(s, 'str-id', -32601, 'unknown request with a string id');
s.send(req(11, '$/unknown', {}));
await expectError(s, 11, -32601, 'unknown $/ request');

// Notifications: never answered, even unknown or malformed ones.
s.send(note('$/cancelRequest', { id: 3 }));
s.send(note('workspace/didChangeConfiguration', { settings: null }));
s.send(note('textDocument/didOpen', 'not an object'));
s.send(note('textDocument/didOpen', { textDocument: { uri: 42 } }));
s.send(note('textDocument/didChange', { textDocument: { uri: 'file:///not/open.c' }, contentChanges: [{ text: 'x' }] }));
s.send(note('textDocument/didChange', { textDocument: { uri: 'file:///not/open.c' }, contentChanges: 'nope' }));
s.send(note('textDocument/didClose', {}));
s.send({ jsonrpc: '2.0', id: 99, result: null });	// a response: we sent no request
s.send(req(12, 'x/after-notifications'));
m = await s.next();
assert.equal(m.id, 12, 'the next message answers request 12: ' + JSON.stringify(m));
ok('notifications and stray responses get no answer');

// Odd documents: not C, not a file URI, a NUL in the URI, odd changes.
s.send(note('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/readme.md', languageId: 'markdown', version: 1, text: '# hi' } }));
m = await s.next();
assert.equal(m.method, 'textDocument/publishDiagnostics');
assert.deepEqual(m.params.diagnostics, []);
ok('a markdown document: an empty list');
s.send(note('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'c', version: 1, text: 'int *f(void){int x;return &x;}' } }));
m = await s.next();
assert.deepEqual(m.params.diagnostics, []);
ok('an untitled: document: an empty list');
s.send(note('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/a%00b.c', languageId: 'c', version: 1, text: '' } }));
m = await s.next();
assert.deepEqual(m.params.diagnostics, []);
ok('a file URI with %00: an empty list');
const turi = 'file:///tmp/escape-check-lsp-test-%C3%A9.c';
s.send(note('textDocument/didOpen', { textDocument: { uri: turi, languageId: 'c', version: 1, text: 'int *f(void)\n{\n\tint x;\n\treturn &x;\n}\n' } }));
m = await s.next();
assert.equal(m.params.uri, turi, 'the URI comes back exactly as sent');
assert.equal(m.params.diagnostics.length, 1);
assert.deepEqual(m.params.diagnostics[0].range.start, { line: 2, character: 5 });
ok('percent-encoded file URI: analysed, URI kept as sent');
// an incremental change (we asked for full text; apply it anyway)
s.send(note('textDocument/didChange', { textDocument: { uri: turi, version: 2 }, contentChanges: [
  { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 10 } }, text: '0' },
] }));
m = await s.next();
assert.equal(m.params.version, 2);
assert.deepEqual(m.params.diagnostics, [], 'return &x became return 0: ' + JSON.stringify(m.params.diagnostics));
ok('an incremental change with a range is applied');
s.send(note('textDocument/didChange', { textDocument: { uri: turi, version: 3 }, contentChanges: [
  { range: { start: { line: 99, character: 99 }, end: { line: -1, character: 1e9 } }, text: '\u0000😀' },
] }));
m = await s.next();
assert.equal(m.params.version, 3);
ok('a change with an out-of-range range and a NUL: no crash');
s.send(note('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/escape-check-lsp-bin.c', languageId: 'c', version: 1,
  text: '\u0001\u00ff\ud83d\ude00 #include <nonexistent.h>\nint *f(void){int x;return &x;' } }));
m = await s.next();
assert.ok(m.params.diagnostics.length >= 1);
assert.ok(m.params.diagnostics.every(d => d.severity === 1), 'only errors');
ok('a file that does not parse: errors only, no crash');

// Random bodies, correctly framed: then a request still gets its answer.
let seed = 12345;
const rand = n => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const pieces = ['{', '}', '[', ']', '"', ':', ',', 'null', 'true', '1e999', '"method"', '"id"', '"jsonrpc"', '"2.0"',
  '"textDocument/didOpen"', '"textDocument/didChange"', '"params"', '"textDocument"', '"uri"', '"file:///tmp/r.c"',
  '"text"', '"contentChanges"', '"range"', '-1', '0', '\\u0000', ' '];
for (let i = 0; i < 300; i++) {
  let body = '';
  const n = 1 + rand(40);
  for (let j = 0; j < n; j++) body += pieces[rand(pieces.length)];
  s.send(body);
}
s.send(req(13, 'x/after-fuzz'));
for (;;) {
  m = await s.next();
  if (m.id === 13) break;
}
assert.equal(m.error.code, -32601);
ok('300 random framed bodies, then a request is still answered');

// After shutdown: requests refused; exit gives 0.
s.send(req(14, 'shutdown'));
m = await s.next();
assert.equal(m.id, 14);
assert.equal(m.result, null);
s.send(req(15, 'shutdown'));
await expectError(s, 15, -32600, 'request after shutdown');
s.send(note('exit'));
assert.deepEqual(await s.exited, { code: 0, signal: null });
ok('shutdown then exit: status 0');

// exit without shutdown: status 1; end of input: status 1; no crash on
// a header cut short or a body longer than the input.
s = start();
s.send(note('exit'));
assert.deepEqual(await s.exited, { code: 1, signal: null });
ok('exit without shutdown: status 1');
s = start();
s.raw('Content-Length: 100\r\n\r\n{"jsonrpc"');
s.end();
assert.deepEqual(await s.exited, { code: 1, signal: null });
ok('end of input inside a body: status 1');
s = start();
s.raw('Content-Len');
s.end();
assert.deepEqual(await s.exited, { code: 1, signal: null });
ok('end of input inside a header: status 1');
s = start();
s.raw(Buffer.from(Array.from({ length: 200000 }, (_, i) => (i * 7919) & 255)));
s.end();
const st = await s.exited;
assert.equal(st.signal, null, 'random bytes: no signal');
ok(`200000 random bytes: no crash (status ${st.code})`);
// A fatal error in an analysis (here: no compile_commands.json where -p
// says) costs that analysis, not the server.
s = start(['-p', '/nonexistent/escape-check-build']);
s.send(req(1, 'initialize', { capabilities: {} }));
await s.next();
s.send(note('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/escape-check-lsp-fatal.c', languageId: 'c', version: 1, text: 'int x;\n' } }));
m = await s.next();
assert.equal(m.params.diagnostics.length, 1);
assert.equal(m.params.diagnostics[0].severity, 1);
assert.match(m.params.diagnostics[0].message, /analysis of this file failed \(status 2\)/);
s.send(req(2, 'x/still-there'));
await expectError(s, 2, -32601, 'a fatal error in an analysis is an Error diagnostic; the server goes on');
s.send(req(3, 'shutdown'));
await s.next();
s.send(note('exit'));
assert.deepEqual(await s.exited, { code: 0, signal: null });

s = start();
s.raw('Content-Length: 99999999999\r\n\r\n');
await expectError(s, null, -32700, 'a Content-Length over the limit');
s.end();
await s.exited;

console.log(`${passed} passed, 0 failed`);
