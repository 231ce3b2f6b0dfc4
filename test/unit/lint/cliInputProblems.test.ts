// `vmss-upgrades lint` never passes a file it could not read (issue 14, hole 1): exit 2 and a
// report in every format for a missing file, a Bicep file this build cannot read, a JSON file that
// is not a template and a JSON syntax error (with its line and column, as ARM rejects the file).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { corpusDirectory } from './corpusFixtures';
import { runCli } from '../support/runCli';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const dir = mkdtempSync(path.join(tmpdir(), 'lint-input-'));
const file = (name: string, text: string) => {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
};
const syntaxError = file('broken.json', `{\n  "$schema": "${schema}",\n  "resources": [ ,\n  ]\n}\n`);
const notTemplate = file('settings.json', '{ "editor.tabSize": 2 }\n');
// Bicep is linted since issue 14's Bicep path: a file the grammar rejects, or a .bicepparam on its own, is still reported.
const bicep = file('main.bicep', "param location string = 'westeurope'\nvar zones = [1, 2\n");
const bicepParams = file('main.bicepparam', "using 'main.bicep'\nparam location = 'westeurope'\n");
const parameters = file('p.parameters.json', '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {} }');
const clean = path.join(corpusDirectory, 'sfct-windows-mi-autoosupgrade.json');

interface JsonEntry {
  file: string;
  rule: string;
  code: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}

describe('cli lint: unreadable input is reported, never a silent pass (issue 14 hole 1)', () => {
  for (const [what, input] of [
    ['a JSON syntax error', syntaxError],
    ['a JSON file that is not a template', notTemplate],
    ['a .bicep file with a syntax error', bicep],
    ['a .bicepparam file given on its own', bicepParams],
    ['a missing file', path.join(dir, 'missing.json')],
  ] as const) {
    it(`exits 2 and lists ${what} in the JSON output`, async () => {
      const { code, stdout } = await runCli(['lint', '--format', 'json', input]);
      assert.equal(code, 2);
      const entries = JSON.parse(stdout) as JsonEntry[];
      assert.ok(entries.some((e) => e.file === input && e.rule === 'input' && e.severity === 'error'), stdout);
    });
  }

  it('gives the syntax error its line and column (1-based) in text, JSON and SARIF', async () => {
    const text = await runCli(['lint', syntaxError]);
    assert.equal(text.code, 2);
    assert.match(text.stdout, /broken\.json:3:18 +error +input vmss-lint-input +JSON syntax error at line 3, column 18: value expected/);
    assert.match(text.stdout, /1 file\(s\) could not be checked/);
    const json = JSON.parse((await runCli(['lint', '--format', 'json', syntaxError])).stdout) as JsonEntry[];
    assert.deepEqual([json[0].line, json[0].column], [3, 18]);
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif', syntaxError])).stdout) as {
      runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; descriptor: { id: string }; message: { text: string }; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] }[];
    };
    const [invocation] = sarif.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    const [notification] = invocation.toolExecutionNotifications;
    assert.equal(notification.level, 'error');
    assert.equal(notification.descriptor.id, 'vmss-lint-input');
    assert.deepEqual(notification.locations[0].physicalLocation.region.startLine, 3);
    assert.deepEqual(notification.locations[0].physicalLocation.region.startColumn, 18);
  });

  it('puts every skipped file into SARIF toolExecutionNotifications and still reports the files it checked', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'sarif', clean, bicep, notTemplate]);
    assert.equal(code, 2);
    const log = JSON.parse(stdout) as { runs: { tool: { driver: { notifications: { id: string }[] } }; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[]; results: unknown[] }[] };
    const run = log.runs[0];
    assert.ok(run.tool.driver.notifications.some((n) => n.id === 'vmss-lint-input'));
    const texts = run.invocations[0].toolExecutionNotifications.map((n) => n.message.text);
    assert.equal(texts.length, 2);
    assert.ok(texts[0].includes('main.bicep') && texts[1].includes('settings.json'));
    assert.ok(run.results.length > 0);
  });

  it('reports a clean run as a successful invocation with no notifications, exit 0', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'sarif', clean]);
    assert.equal(code, 0);
    const log = JSON.parse(stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[] }[] };
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('notes a deployment parameter file without failing the run', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'json', clean, parameters]);
    assert.equal(code, 0);
    const entries = JSON.parse(stdout) as JsonEntry[];
    assert.ok(entries.some((e) => e.file === parameters && e.rule === 'input' && e.severity === 'information'));
  });
});

describe('lintTemplateText: a template with a syntax error (editor path, issue 14 hole 1)', () => {
  it('returns a positioned syntax problem next to the findings, so the editor shows a diagnostic there', () => {
    const result = lintTemplateText(`{\n  "$schema": "${schema}",\n  "resources": [ ,\n  ]\n}\n`);
    assert.equal(result.isTemplate, true);
    const [problem] = result.problems;
    assert.equal(problem.kind, 'syntax-error');
    assert.deepEqual(problem.start, { line: 2, character: 17 });
  });

  it('has no problems for a template that parses', () => {
    assert.deepEqual(lintTemplateText(`{ "$schema": "${schema}", "resources": [] }`).problems, []);
  });
});
