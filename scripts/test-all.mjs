// `npm test` (after `pretest` has built dist/): every test layer, in order —
//   checks       tsc -p . (emits out/) and eslint . — one check each
//   unit         mocha over out/test/unit/**/*.test.js in plain Node
//   integration  mocha inside a real VS Code extension host (test/host/runIntegration.ts)
//   ui           mocha in plain Node driving the workbench in Chromium (test/ui/)
//   contract     every HTTP exchange the simulator answered in the layers above (recorded through
//                VMSS_SIM_RECORD, inherited by the extension host and the detached simulator) validated
//                against the REST description with oav (test/contract/, issue #12); one check: any
//                violation, or zero recorded exchanges, fails it
// A failing layer fails the command, but the later layers still run: tsc emits out/ even with
// type errors. Counts come from JSON summaries, not from the logs. The last line is exactly
// "N passed, N failed" summed over all layers.
// Options: --layers=checks,unit,integration,ui,contract (a subset), --skip-install.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const reporter = path.join(root, 'out', 'test', 'host', 'summaryReporter.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'vmss-test-all-'));
const minutes = (n) => n * 60_000;
// One recording directory for every layer: run() passes the environment down to mocha, the VS Code
// host and the simulator processes they start.
const recordDir = path.join(scratch, 'exchanges');
process.env.VMSS_SIM_RECORD = recordDir;

const layersOption = process.argv.find((arg) => arg.startsWith('--layers='));
const selected = new Set((layersOption?.slice('--layers='.length) ?? 'checks,unit,integration,ui,contract').split(','));
const needsHost = selected.has('integration') || selected.has('ui');

/** Runs a command with inherited output; resolves to its exit code (1 on timeout). */
function run(command, args, { env = {}, timeoutMs = minutes(10) } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const timer = setTimeout(() => {
      console.error(`test-all: ${path.basename(command)} ${args.join(' ').slice(0, 80)}… timed out after ${timeoutMs / 1000} s`);
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (error) => console.error(`test-all: ${command}: ${error.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Compiled tests of a layer whose TypeScript source still exists: tsc never cleans out/, so a
 * deleted or renamed test would otherwise keep running from its stale output.
 */
function compiledTests(layer) {
  const sourceDir = path.join(root, 'test', layer);
  if (!existsSync(sourceDir)) return [];
  return readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join(root, 'out', 'test', layer, file.replace(/\.ts$/, '.js')));
}

/** A mocha layer in plain Node: counts from the summary reporter, 1 failure if it has none. */
async function mochaLayer(layer, { timeoutMs, testTimeoutMs, requires = [] }) {
  const sources = compiledTests(layer);
  if (sources.length === 0) return { passed: 0, failed: 0, note: 'no test files' };
  // A test file tsc did not emit counts as one failure; the others still run.
  const missing = sources.filter((file) => !existsSync(file));
  for (const file of missing) console.error(`test-all: ${path.relative(root, file)} was not compiled`);
  const files = sources.filter((file) => existsSync(file));
  if (files.length === 0) return { passed: 0, failed: missing.length, note: 'no test file compiled' };
  const summaryFile = path.join(scratch, `${layer}.json`);
  // --exit: a test that leaves a socket or timer open must not hang the whole run.
  const args = [mocha, '--reporter', reporter, '--timeout', String(testTimeoutMs), '--slow', '2000', '--exit', ...requires.flatMap((file) => ['--require', file]), ...files];
  const code = await run(process.execPath, args, { env: { VMSS_MOCHA_SUMMARY: summaryFile }, timeoutMs });
  const summary = readJson(summaryFile);
  if (!summary) return { passed: 0, failed: 1, note: `mocha exited with ${code} and reported nothing` };
  const failed = summary.failed + missing.length + (code !== 0 && summary.failed === 0 ? 1 : 0);
  const notes = [`${files.length} files`, summary.pending ? `${summary.pending} pending` : '', missing.length ? `${missing.length} not compiled` : ''];
  return { passed: summary.passed, failed, note: notes.filter(Boolean).join(', '), failures: summary.failures ?? [] };
}

const layers = {
  async checks() {
    const tsc = await run(bin('tsc'), ['-p', '.'], { timeoutMs: minutes(5) });
    const eslint = await run(bin('eslint'), ['.'], { timeoutMs: minutes(5) });
    const passed = Number(tsc === 0) + Number(eslint === 0);
    return { passed, failed: 2 - passed, note: `tsc ${tsc === 0 ? 'ok' : 'FAILED'}, eslint ${eslint === 0 ? 'ok' : 'FAILED'}` };
  },
  // fast-check property suites can run long: generous per-test timeout.
  unit: () => mochaLayer('unit', { timeoutMs: minutes(20), testTimeoutMs: 120_000, requires: [path.join(root, 'out', 'test', 'unit', 'support', 'fastCheckSettings.js')] }),
  async integration() {
    const outcomeFile = path.join(scratch, 'integration.json');
    const code = await run(process.execPath, [path.join(root, 'out', 'test', 'host', 'runIntegration.js'), outcomeFile], { timeoutMs: minutes(10) });
    const results = readJson(outcomeFile)?.results;
    if (!results) return { passed: 0, failed: 1, note: `exit code ${code}, no results reported` };
    const failed = results.failed + (code !== 0 && results.failed === 0 ? 1 : 0);
    return { passed: results.passed, failed, note: `VS Code ${results.vscodeVersion}` };
  },
  ui: () => mochaLayer('ui', { timeoutMs: minutes(15), testTimeoutMs: 120_000 }),
  async contract() {
    const summaryFile = path.join(scratch, 'contract.json');
    const code = await run(process.execPath, [path.join(root, 'out', 'test', 'contract', 'validateRecorded.js'), recordDir, summaryFile], { timeoutMs: minutes(10) });
    const summary = readJson(summaryFile);
    if (!summary) return { passed: 0, failed: 1, note: `exit code ${code}, no summary` };
    if (summary.exchanges === 0) return { passed: 0, failed: 1, note: 'no exchange recorded' };
    // One check: every recorded exchange is in contract (the counts are in the note and the log).
    const note = `${summary.exchanges} exchanges, ${summary.operations} operations, ${summary.violations} violations`;
    return summary.violations === 0 ? { passed: 1, failed: 0, note } : { passed: 0, failed: 1, note };
  },
};

const report = [];
let hostReady = true;
if (needsHost && !process.argv.includes('--skip-install')) {
  console.log('\n=== host: scripts/install-host.sh');
  hostReady = (await run('bash', [path.join(root, 'scripts', 'install-host.sh')], { timeoutMs: minutes(15) })) === 0;
}
if (!selected.has('checks')) {
  // The other layers run compiled output: keep out/ current even when the checks are skipped.
  console.log('\n=== compile: tsc -p . (not counted)');
  await run(bin('tsc'), ['-p', '.'], { timeoutMs: minutes(5) });
}
for (const [name, runLayer] of Object.entries(layers)) {
  if (!selected.has(name)) continue;
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const result =
    (name === 'integration' || name === 'ui') && !hostReady
      ? { passed: 0, failed: 1, note: 'test host could not be installed' }
      : await runLayer().catch((error) => ({ passed: 0, failed: 1, note: String(error) }));
  report.push({ name, seconds: (Date.now() - started) / 1000, ...result });
}
rmSync(scratch, { recursive: true, force: true });

console.log('\n=== summary');
for (const { name, seconds, passed, failed, note } of report) {
  console.log(`${name.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s  ${String(passed).padStart(4)} passed  ${String(failed).padStart(3)} failed  ${note ?? ''}`);
}
// The failures again, after the counts: a CI log is often read from its tail only, and a layer's
// spec output may be thousands of lines above. A property's message carries its seed and path.
for (const { name, failures = [] } of report) {
  for (const { title, error } of failures) {
    console.log(`FAILED ${name}: ${title}`);
    const lines = error.split('\n');
    // The head (a property's seed, path and counterexample) and what it was caused by.
    const cause = lines.findIndex((line) => /Caused by/.test(line));
    const shown = [...lines.slice(0, 4), ...(cause > 3 ? lines.slice(cause, cause + 12) : lines.slice(4, 12))];
    console.log(shown.map((line) => `    ${line.slice(0, 400)}`).join('\n'));
  }
}
const passed = report.reduce((sum, layer) => sum + layer.passed, 0);
const failed = report.reduce((sum, layer) => sum + layer.failed, 0);
process.exitCode = failed > 0 ? 1 : 0;
console.log(`${passed} passed, ${failed} failed`);
