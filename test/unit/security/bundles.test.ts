// Security review, made into tests (issue 8): no `eval` or `new Function` anywhere in what we ship —
// our code (ESLint's no-eval / no-new-func already) and every bundled library, with no exception (dynamicCode.ts lists
// reviewed exceptions; there are none). Built in memory like the production bundles (minified), plus whatever is in dist/
// now (what `npm run package` packs).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { findDynamicCode } from './dynamicCode';
import { buildNodeBundle } from './nodeBundle';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

const lazy = /^\.\/(azure-sdk|simulator-entry|telemetry-reporter|extension-features|template-linting|run-core|time-zones|webview-host)$/;
const nodeEntries = ['src/extension.ts', 'src/cli/main.ts', 'src/azure/azure-sdk.ts', 'src/simulator/simulator-entry.ts', 'src/telemetry/telemetry-reporter.ts', 'src/activation/extension-features.ts', 'src/activation/template-linting.ts', 'src/webview/run-core.ts', 'src/shared/maintenance/time-zones.ts', 'src/webview/webview-host.ts'];

describe('no dynamic code in the bundles', function () {
  this.timeout(120_000);

  it('finds eval and new Function when they are there (the patterns work)', () => {
    const sample = 'var a=eval("1");var b=new Function("x","return x");var c=Function("return this")();var d=(0,eval)("2");';
    assert.equal(findDynamicCode('sample', sample).length, 4);
    assert.deepEqual(findDynamicCode('sample', 'x.evaluate(1); retrieval(2); myFunction(3); pattern.exec(s)'), []);
  });

  it('production-like bundles of every entry (third-party code included) hold none beyond the reviewed exceptions', async () => {
    const outputs: Array<{ bundle: string; text: string }> = [];
    for (const entry of nodeEntries.filter((e) => existsSync(path.join(root, e)))) {
      // Minified like the production bundles.
      const result = await buildNodeBundle(root, entry, lazy, { target: 'node20', minify: true });
      outputs.push({ bundle: entry, text: result.outputFiles.map((f) => f.text).join('\n') });
    }
    const webview = path.join(root, 'src', 'webview-client', 'main.ts');
    if (existsSync(webview)) {
      const result = await esbuild.build({ absWorkingDir: root, entryPoints: [webview], bundle: true, platform: 'browser', format: 'iife', minify: true, write: false, logLevel: 'silent' });
      outputs.push({ bundle: 'src/webview-client/main.ts', text: result.outputFiles.map((f) => f.text).join('\n') });
    }
    assert.ok(outputs.length >= 4, `built ${outputs.length} bundles`);
    assert.ok(outputs.reduce((n, o) => n + o.text.length, 0) > 500_000, 'the SDK and the telemetry client were bundled');
    assert.deepEqual(outputs.flatMap((o) => findDynamicCode(o.bundle, o.text)), []);
  });

  it('the bundles in dist/ (what gets packaged) hold none beyond the reviewed exceptions', () => {
    const dist = path.join(root, 'dist');
    assert.ok(existsSync(path.join(dist, 'extension.js')), 'dist/extension.js is missing: run `npm run build` first');
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    assert.deepEqual(files.flatMap((f) => findDynamicCode(`dist/${f}`, readFileSync(path.join(dist, f), 'utf8'))), []);
  });

  it('no source compiles a JSON Schema at run time (ajv is a build-time tool here)', () => {
    const src = path.join(root, 'src');
    const users = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && /from 'ajv'|require\('ajv'\)/.test(readFileSync(path.join(src, f), 'utf8').replace(/import type [^;]+;/g, '')));
    assert.deepEqual(users, []);
  });
});
