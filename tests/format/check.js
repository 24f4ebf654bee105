// Checks of escape-check's machine-readable reports that a schema cannot
// make (tests/format/run.sh calls them; the schemas are checked by ajv):
//
//   node check.js codes SCHEMA DIAG_DEF
//       the JSON Schema's code enum is exactly the codes of diag.def
//   node check.js sarif SCHEMA DIAG_DEF DIR
//       each DIR/NAME.sarif.json validates against the SARIF 2.1.0 schema;
//       every rule is fully described; every result matches the diagnostic
//       of the same run's JSON report DIR/NAME.json.json (same order), and
//       its trace is its code flow, step by step; URIs are relative to
//       SRCROOT; columns count UTF-16 code units; fingerprints are the ones
//       GitHub computes
//   node check.js multitool LOG
//       a SARIF Multitool validation log has no error and no warning
//
// Exit status 0 when all is well, 1 with one line per problem otherwise.
'use strict';
const fs = require('fs');
const path = require('path');
const url = require('url');

const problems = [];
function fail(msg) {
  problems.push(msg);
}
function done() {
  for (const p of problems.slice(0, 50)) console.log('FAIL ' + p);
  if (problems.length > 50) console.log(`... and ${problems.length - 50} more`);
  process.exit(problems.length ? 1 : 0);
}
const readJSON = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));

function diagCodes(def) {
  const text = fs.readFileSync(def, 'utf8');
  const codes = [...text.matchAll(/^DIAG\(\w+,\s*"([^"]+)"/gm)].map((m) => m[1]);
  if (!codes.length) fail(`${def}: no DIAG rows found`);
  return codes;
}

function cmdCodes(schemaFile, def) {
  const schema = readJSON(schemaFile);
  const want = diagCodes(def);
  const got = schema.$defs.diagnostic.properties.code.enum;
  if (JSON.stringify(got) !== JSON.stringify(want))
    fail(`${schemaFile}: code enum ${JSON.stringify(got)}, diag.def has ${JSON.stringify(want)}`);
}

// GitHub's primaryLocationLineHash (the upload action's algorithm, which
// it applies when a log has none): a rolling hash of the 100 characters
// from each line's first non-blank one, then ':' and an occurrence count.
function lineHashes(text) {
  const BLOCK = 100, MASK = (1n << 64n) - 1n, MOD = 37n;
  let firstMod = 1n;
  for (let i = 0; i < BLOCK; i++) firstMod = (firstMod * MOD) & MASK;
  const window = Array(BLOCK).fill(0), lineAt = Array(BLOCK).fill(-1);
  const counts = {}, out = {};
  let hash = 0n, index = 0, line = 0, lineStart = true, prevCR = false;
  const output = () => {
    const h = hash.toString(16);
    counts[h] = (counts[h] || 0) + 1;
    out[lineAt[index]] = `${h}:${counts[h]}`;
    lineAt[index] = -1;
  };
  const update = (c) => {
    const begin = window[index];
    window[index] = c;
    hash = (MOD * hash + BigInt(c) - firstMod * BigInt(begin)) & MASK;
    index = (index + 1) % BLOCK;
  };
  const char = (c) => {
    if (c === 32 || c === 9 || (prevCR && c === 10)) {
      prevCR = false;
      return;
    }
    prevCR = c === 13;
    if (c === 13) c = 10;
    if (lineAt[index] !== -1) output();
    if (lineStart) {
      lineStart = false;
      lineAt[index] = ++line;
    }
    if (c === 10) lineStart = true;
    update(c);
  };
  for (let i = 0; i < text.length; i++) char(text.charCodeAt(i));
  char(65535);
  for (let i = 0; i < BLOCK; i++) {
    if (lineAt[index] !== -1) output();
    update(0);
  }
  return out;
}

function cmdSarif(schemaFile, def, dir) {
  const Ajv2020 = require('ajv/dist/2020');
  const addFormats = require('ajv-formats');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(readJSON(schemaFile));
  const codes = diagCodes(def);
  const logs = fs.readdirSync(dir).filter((f) => f.endsWith('.sarif.json')).sort();
  if (!logs.length) fail(`${dir}: no *.sarif.json`);
  let results = 0, flows = 0;
  for (const f of logs) {
    const n = checkSarif(validate, codes, path.join(dir, f), path.join(dir, f.replace(/\.sarif\.json$/, '.json.json')));
    results += n[0];
    flows += n[1];
  }
  if (!problems.length)
    console.log(`${logs.length} SARIF logs: ${results} results, ${flows} code flows, each matching its JSON report`);
}

function checkSarif(validate, codes, sarifFile, jsonFile) {
  const log = readJSON(sarifFile);
  if (!validate(log))
    for (const e of validate.errors) fail(`${sarifFile}: schema: ${e.instancePath} ${e.message}`);
  if (log.version !== '2.1.0') fail(`${sarifFile}: version ${log.version}`);
  if (log.runs.length !== 1) {
    fail(`${sarifFile}: ${log.runs.length} runs, want 1`);
    return [0, 0];
  }
  const run = log.runs[0];
  const where = (s) => `${sarifFile}: ${s}`;

  // rules: one per code, in diag.def's order, fully described
  const rules = run.tool.driver.rules || [];
  if (JSON.stringify(rules.map((r) => r.id)) !== JSON.stringify(codes))
    fail(where(`rule ids ${JSON.stringify(rules.map((r) => r.id))}, want ${JSON.stringify(codes)}`));
  const summaries = new Set();
  for (const r of rules) {
    for (const k of ['shortDescription', 'fullDescription', 'help'])
      if (!r[k] || typeof r[k].text !== 'string' || r[k].text.length < 10)
        fail(where(`rule ${r.id}: no ${k}.text`));
    if (r.shortDescription) summaries.add(r.shortDescription.text);
    if (!/^[A-Z][A-Za-z]+$/.test(r.name || '')) fail(where(`rule ${r.id}: name '${r.name}'`));
    try {
      const u = new URL(r.helpUri);
      if (!/^(https?|file):$/.test(u.protocol)) fail(where(`rule ${r.id}: helpUri scheme ${u.protocol}`));
    } catch (e) {
      fail(where(`rule ${r.id}: helpUri '${r.helpUri}' is not a URI`));
    }
    const level = r.defaultConfiguration && r.defaultConfiguration.level;
    if (!['note', 'warning', 'error'].includes(level)) fail(where(`rule ${r.id}: level ${level}`));
    const p = r.properties || {};
    if (!Array.isArray(p.tags) || !p.tags.length || p.tags.length > 20)
      fail(where(`rule ${r.id}: tags ${JSON.stringify(p.tags)}`));
    if (!['very-high', 'high', 'medium', 'low'].includes(p.precision))
      fail(where(`rule ${r.id}: precision ${p.precision}`));
  }
  if (summaries.size !== rules.length) fail(where('two rules share a shortDescription'));

  if (!['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind))
    fail(where(`columnKind ${run.columnKind}`));
  const bases = run.originalUriBaseIds || {};
  const root = bases.SRCROOT && bases.SRCROOT.uri;
  if (!root || !root.startsWith('file:///') || !root.endsWith('/'))
    fail(where(`originalUriBaseIds.SRCROOT.uri ${root}`));
  const artifacts = run.artifacts || [];

  // a location: a relative URI against SRCROOT (or an absolute file: URI)
  // that names an existing file, and its artifact
  const fileOf = (loc, what) => {
    const a = loc.physicalLocation && loc.physicalLocation.artifactLocation;
    if (!a) return fail(where(`${what}: no artifactLocation`));
    if (a.uriBaseId !== undefined && a.uriBaseId !== 'SRCROOT') fail(where(`${what}: uriBaseId ${a.uriBaseId}`));
    if (a.uriBaseId === 'SRCROOT' && /^(\.\/|\/|[a-z]+:)/.test(a.uri))
      fail(where(`${what}: relative URI '${a.uri}' starts with ./, / or a scheme`));
    if (a.uriBaseId === undefined && !a.uri.startsWith('file:///'))
      fail(where(`${what}: URI '${a.uri}' has no base and is not absolute`));
    if (typeof a.index !== 'number' || !artifacts[a.index] || artifacts[a.index].location.uri !== a.uri)
      fail(where(`${what}: artifact index ${a.index} does not name ${a.uri}`));
    return url.fileURLToPath(a.uriBaseId ? new URL(a.uri, root) : new URL(a.uri));
  };

  // results against the JSON report of the same run
  const report = readJSON(jsonFile);
  const results = run.results || [];
  const diags = report.diagnostics;
  if (results.length !== diags.length)
    fail(where(`${results.length} results, the JSON report has ${diags.length} diagnostics`));
  const hashes = {}, lines = {};
  // a 1-based byte column as UTF-16 code units, as columnKind says
  const col16 = (file, line, col) => {
    if (!fs.existsSync(file)) return col;
    if (!lines[file]) lines[file] = fs.readFileSync(file).toString('latin1').split('\n');
    const bytes = Buffer.from(lines[file][line - 1] || '', 'latin1');
    return bytes.subarray(0, col - 1).toString('utf8').length + Math.max(0, col - 1 - bytes.length) + 1;
  };
  let flows = 0;
  for (let i = 0; i < Math.min(results.length, diags.length); i++) {
    const r = results[i], d = diags[i], what = `results[${i}]`;
    if (r.ruleId !== d.code) fail(where(`${what}: ruleId ${r.ruleId}, JSON code ${d.code}`));
    if (!rules[r.ruleIndex] || rules[r.ruleIndex].id !== r.ruleId) fail(where(`${what}: ruleIndex ${r.ruleIndex}`));
    if (r.level !== d.severity) fail(where(`${what}: level ${r.level}, JSON severity ${d.severity}`));
    if (r.message.text !== d.message) fail(where(`${what}: message '${r.message.text}' != '${d.message}'`));
    const loc = r.locations[0];
    const file = fileOf(loc, what);
    const reg = loc.physicalLocation.region;
    if (reg.startLine !== d.line) fail(where(`${what}: startLine ${reg.startLine}, JSON line ${d.line}`));
    if (file && reg.startColumn !== col16(file, d.line, d.column))
      fail(where(`${what}: startColumn ${reg.startColumn}, JSON byte column ${d.column} is ${col16(file, d.line, d.column)} in UTF-16`));
    if (path.relative(process.cwd(), file) !== path.relative(process.cwd(), path.resolve(d.file)))
      fail(where(`${what}: file ${file}, JSON file ${d.file}`));
    // the fingerprint GitHub would compute for this line
    if (file && fs.existsSync(file)) {
      if (!hashes[file]) hashes[file] = lineHashes(fs.readFileSync(file, 'utf8'));
      const want = hashes[file][reg.startLine];
      const got = r.partialFingerprints && r.partialFingerprints.primaryLocationLineHash;
      if (got !== want) fail(where(`${what}: primaryLocationLineHash ${got}, GitHub computes ${want}`));
    }
    // the trace is the code flow, step by step
    const steps = d.trace;
    if (!steps.length) {
      if (r.codeFlows) fail(where(`${what}: a code flow but no trace`));
      continue;
    }
    const tf = r.codeFlows && r.codeFlows[0].threadFlows[0].locations;
    if (!tf || r.codeFlows.length !== 1 || r.codeFlows[0].threadFlows.length !== 1) {
      fail(where(`${what}: the trace of ${steps.length} steps is not one thread flow`));
      continue;
    }
    flows++;
    if (tf.length !== steps.length) fail(where(`${what}: ${tf.length} flow locations, ${steps.length} trace steps`));
    for (let j = 0; j < Math.min(tf.length, steps.length); j++) {
      const l = tf[j].location, s = steps[j], sw = `${what} step ${j}`;
      if (!l.message || l.message.text !== s.message) fail(where(`${sw}: message ${JSON.stringify(l.message)} != '${s.message}'`));
      const sr = l.physicalLocation.region;
      if (sr.startLine !== s.line) fail(where(`${sw}: line ${sr.startLine} != ${s.line}`));
      const sf = fileOf(l, sw);
      if (sf && path.resolve(sf) !== path.resolve(s.file)) fail(where(`${sw}: file ${sf}, JSON file ${s.file}`));
      if (sf && sr.startColumn !== col16(sf, s.line, s.column))
        fail(where(`${sw}: startColumn ${sr.startColumn}, byte column ${s.column}`));
      if (tf[j].nestingLevel !== (s.kind === 'flow' ? 0 : 1)) fail(where(`${sw}: nestingLevel ${tf[j].nestingLevel}`));
    }
  }
  // tool errors are the invocation's notifications
  const inv = (run.invocations || [])[0];
  if (!inv) fail(where('no invocation'));
  else {
    if (inv.executionSuccessful !== (report.errors.length === 0))
      fail(where(`executionSuccessful ${inv.executionSuccessful} with ${report.errors.length} errors`));
    const notes = inv.toolExecutionNotifications || [];
    if (notes.length !== report.errors.length)
      fail(where(`${notes.length} notifications, ${report.errors.length} errors`));
  }
  return [results.length, flows];
}

function cmdMultitool(logFile) {
  const log = readJSON(logFile);
  const results = log.runs.flatMap((r) => r.results || []);
  const rules = log.runs.flatMap((r) => (r.tool.driver.rules || []));
  for (const r of results) {
    if (r.level !== 'error' && r.level !== 'warning') continue;
    const rule = rules.find((x) => x.id === r.ruleId);
    let text = (r.message && r.message.text) || '';
    if (!text && rule && rule.messageStrings && r.message.id)
      text = rule.messageStrings[r.message.id].text.replace(/\{(\d+)\}/g, (m, k) => r.message.arguments[k]);
    fail(`${logFile}: ${r.level} ${r.ruleId}: ${text}`);
  }
  const notes = results.filter((r) => r.level === 'note').length;
  console.log(`${logFile}: ${results.length - notes} errors or warnings, ${notes} notes`);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'codes' && args.length === 2) cmdCodes(...args);
else if (cmd === 'sarif' && args.length === 3) cmdSarif(...args);
else if (cmd === 'multitool' && args.length === 1) cmdMultitool(...args);
else {
  console.error('usage: node check.js codes SCHEMA DIAG_DEF | sarif SCHEMA DIAG_DEF DIR | multitool LOG');
  process.exit(2);
}
done();
