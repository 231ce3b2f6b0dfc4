// Template linting in a real VS Code (issue 7): diagnostics appear on a corpus template opened in
// the editor, the hover shows the readiness summary, and a quick fix applies and makes its
// diagnostic disappear.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';

const extensionId = 'vmss-upgrades.vmss-upgrades';
// out/test/integration → the repository's test/fixtures (present whether or not the extension runs from a .vsix).
const corpus = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'arm-corpus');

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vmss-upgrades');
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Resolves when the predicate holds for the document's diagnostics (checked on every change). */
function diagnosticsWhere(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = ourDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics never matched; last: ${JSON.stringify(ourDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message.slice(0, 60)}`))}`));
    }, timeoutMs);
    check();
  });
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Whether the linter's bundle (dist/template-linting.js, or its compiled module in out/) was required in this extension host. */
function linterLoaded(): boolean {
  return Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}template-linting.js`));
}

// Runs before any test opens a template in this host (the earlier files open no document).
describe('the linter loads on the first deployment template, not on other JSON (issue 18)', () => {
  it('a JSON file that is not a template leaves the linter unloaded; a template loads it', async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'vmss-sniff-'));
    const plain = path.join(folder, 'settings.json');
    writeFileSync(plain, '{ "name": "not a template", "resources": [] }\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(linterLoaded(), false, 'control: the plain JSON file is open and the linter is not loaded');
    const template = path.join(folder, 'azuredeploy.json');
    copyFileSync(path.join(corpus, 'qs21-vmss-windows-autoscale.json'), template);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(template));
    const started = Date.now();
    while (!linterLoaded() && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
    assert.equal(linterLoaded(), true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('template linting in a real VS Code (issue 7)', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    // A copy, so that applying a quick fix never touches the fixture.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'vmss-lint-'));
    const file = path.join(folder, 'azuredeploy.json');
    copyFileSync(path.join(corpus, 'qs21-vmss-windows-autoscale.json'), file);
    uri = vscode.Uri.file(file);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows readiness diagnostics on a corpus template opened in the editor', async () => {
    const diagnostics = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'vmss-health-signal'));
    const r3 = diagnostics.find((d) => codeOf(d) === 'vmss-health-signal')!;
    assert.equal(r3.severity, vscode.DiagnosticSeverity.Error);
    assert.match(r3.message, /^R3: /);
    assert.ok(typeof r3.code === 'object' && r3.code.target.toString().startsWith('https://learn.microsoft.com/'));
    assert.ok(diagnostics.some((d) => codeOf(d) === 'vmss-api-version'), 'R4 is reported too');
  });

  it('shows the readiness summary when hovering the scale set', async () => {
    const offset = document.getText().indexOf('"virtualMachineProfile"');
    assert.ok(offset > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset + 2));
    const text = hoverText(hovers);
    assert.match(text, /Automatic OS image upgrade readiness/);
    assert.match(text, /\*\*R3\*\* Health signal configured — fail/);
    assert.match(text, /`version`: latest/);
  });

  it('applies the quick fix for R3 and the diagnostic disappears', async () => {
    const r3 = ourDiagnostics(uri).find((d) => codeOf(d) === 'vmss-health-signal');
    assert.ok(r3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, r3.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /Application Health extension/.test(a.title));
    assert.ok(fix?.edit, `a quick fix is offered (got: ${actions.map((a) => a.title).join('; ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsWhere(uri, (d) => !d.some((x) => codeOf(x) === 'vmss-health-signal') && d.some((x) => codeOf(x) === 'vmss-api-version'));
    assert.match(document.getText(), /ApplicationHealthWindows/);
  });
});
