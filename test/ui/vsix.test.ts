// The .vsix that `npm run package` builds (issue 8): it holds what the extension loads at runtime and
// nothing else, its bundles are the production ones with no dynamic code beyond the reviewed exception,
// and it installs into a real VS Code (code-server --install-extension) where it activates from the
// package (test/host/verifyVsix.ts runs the core integration suite against the installed copy).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { repoRoot } from '../host/paths';
import { verifyVsix } from '../host/verifyVsix';
import { findDynamicCode } from '../unit/security/dynamicCode';

const packaged = path.join(repoRoot, 'vmss-upgrades.vsix');
const kept = path.join(repoRoot, '.test-artifacts', 'vmss-upgrades.vsix');

/** Local resources the dashboard webview loads: the `uri('a', 'b', …)` calls of its panel host. */
function webviewResources(): string[] {
  const host = readFileSync(path.join(repoRoot, 'src', 'webview', 'dashboardPanels.ts'), 'utf8');
  return [...host.matchAll(/\buri\(((?:\s*'[^']+'\s*,?)+)\)/g)].map((m) => [...m[1].matchAll(/'([^']+)'/g)].map((p) => p[1]).join('/'));
}

describe('the packaged .vsix', function () {
  this.timeout(600_000);
  let zip: JSZip;
  let files: string[];
  const entry = (file: string) => `extension/${file}`;
  const read = (file: string) => zip.file(entry(file))?.async('string') ?? Promise.reject(new Error(`${file} is not in the .vsix`));

  before(async () => {
    const build = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' } });
    assert.equal(build.status, 0, `npm run package failed:\n${build.stdout}\n${build.stderr}`);
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(packaged, kept); // later builds may replace the one at the root
    zip = await JSZip.loadAsync(readFileSync(kept));
    files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
    console.log(`    ${path.basename(kept)}: ${(statSync(kept).size / 1024).toFixed(0)} KB, ${files.length} files`);
  });

  it('holds the bundles, the manifest, translations, walkthrough media and every webview resource', async () => {
    const manifest = JSON.parse(await read('package.json'));
    const required = [
      'package.json',
      'package.nls.json',
      'l10n/bundle.l10n.json',
      manifest.main.replace(/^\.\//, ''),
      manifest.icon,
      'dist/azure-sdk.js',
      'dist/simulator-entry.js',
      'dist/simulator-server.js',
      'dist/telemetry-reporter.js',
      ...(manifest.contributes.walkthroughs as Array<{ steps: Array<{ media: { markdown: string } }> }>).flatMap((w) => w.steps.map((s) => s.media.markdown)),
      ...webviewResources(),
    ];
    assert.ok(webviewResources().length >= 3, 'found the webview resources');
    assert.deepEqual(required.filter((file) => !files.includes(entry(file))), []);
  });

  it('holds no sources, tests, source maps, caches or dependencies', () => {
    const unwanted = files.filter((f) => /^extension\/(src|test|out|node_modules|\.cache|\.test-artifacts|scripts)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(unwanted, []);
  });

  it('ships minified production bundles with no eval or new Function beyond the reviewed exception', async () => {
    const bundles = files.filter((f) => f.endsWith('.js'));
    assert.ok(bundles.length >= 5);
    const findings: string[] = [];
    for (const file of bundles) {
      const text = await zip.file(file)!.async('string');
      assert.doesNotMatch(text, /sourceMappingURL=/, `${file} is a production build`);
      findings.push(...findDynamicCode(file, text));
    }
    assert.deepEqual(findings, []);
  });

  it('every lazily required bundle is in the package', async () => {
    // Followed from the activation bundle: lazy bundles require others lazily (issue 18: the features require the SDK).
    const lazy = new Set<string>();
    const pending = ['dist/extension.js'];
    for (let bundle = pending.pop(); bundle; bundle = pending.pop()) {
      if (!files.includes(entry(bundle))) continue;
      for (const m of (await read(bundle)).matchAll(/require\("\.\/([\w-]+)(?:\.js)?"\)/g)) {
        const file = `dist/${m[1]}.js`;
        if (!lazy.has(file)) pending.push(file);
        lazy.add(file);
      }
    }
    for (const expected of ['dist/azure-sdk.js', 'dist/telemetry-reporter.js', 'dist/extension-features.js', 'dist/template-linting.js', 'dist/run-core.js', 'dist/time-zones.js', 'dist/webview-host.js']) assert.ok(lazy.has(expected), [...lazy].join(', '));
    assert.deepEqual([...lazy].filter((file) => !files.includes(entry(file))), []);
  });

  it('installs into a real VS Code with --install-extension and activates from the package', async () => {
    // tsc has compiled out/test/integration (npm test's checks layer), which verifyVsix runs in the host.
    assert.equal(await verifyVsix(kept), 0);
  });
});
