// Localization (issue 8): every user-facing string goes through vscode.l10n / package.nls.json, and
// l10n/bundle.l10n.json is generated from the sources by scripts/l10n-export.mjs.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

interface ExportScript {
  extractBundle(files?: string[]): { bundle: Record<string, unknown>; dynamic: string[] };
  auditStragglers(files?: string[]): Array<{ at: string; why: string; text: string }>;
  bundleIsCurrent(): boolean;
}

const loadScript = () => import(pathToFileURL(path.join(root, 'scripts', 'l10n-export.mjs')).href) as Promise<ExportScript>;

function withSource<T>(text: string, use: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-'));
  try {
    const file = path.join(dir, 'sample.ts');
    writeFileSync(file, text);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('l10n export', function () {
  this.timeout(30_000); // loads the TypeScript compiler
  it('extracts plain and commented messages, and flags messages that are not literals', async () => {
    const script = await loadScript();
    const result = withSource(
      [
        "import * as vscode from 'vscode';",
        "vscode.l10n.t('Signed in as {0}', user);",
        "l10n.t({ message: 'Batch {0} of {1}', args: [1, 2], comment: ['{0} is a batch number'] });",
        'vscode.l10n.t(message);',
      ].join('\n'),
      (file) => script.extractBundle([file]),
    );
    assert.deepEqual(result.bundle, {
      'Batch {0} of {1}/{0} is a batch number': { message: 'Batch {0} of {1}', comment: ['{0} is a batch number'] },
      'Signed in as {0}': 'Signed in as {0}',
    });
    assert.equal(result.dynamic.length, 1);
  });

  it('audits literal user-facing strings that bypass l10n', async () => {
    const script = await loadScript();
    const found = withSource(
      [
        "import * as vscode from 'vscode';",
        "void vscode.window.showErrorMessage('Could not upgrade the scale set');",
        "void vscode.window.showInformationMessage(vscode.l10n.t('Done'));",
        "const pick = { title: 'Choose a scale set', placeHolder: vscode.l10n.t('Name') };",
        "item.tooltip = 'Upgrade in progress';",
        "item.contextValue = 'scale set node';",
      ].join('\n'),
      (file) => script.auditStragglers([file]),
    );
    assert.deepEqual(found.map((f) => f.why), ['showErrorMessage', 'property title', 'assignment to .tooltip']);
  });

  it('l10n/bundle.l10n.json matches the sources (regenerate: node scripts/l10n-export.mjs)', async () => {
    const script = await loadScript();
    assert.equal(script.bundleIsCurrent(), true);
  });

  it('every %key% of package.json has an English string in package.nls.json', () => {
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    assert.deepEqual(keys.filter((k) => !(k in nls)), []);
  });
});
