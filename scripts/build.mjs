// Builds every bundle with esbuild. The activation bundle (dist/extension.js) must stay small:
// the Azure SDK and the simulator are separate bundles that the code `require`s on first use
// (esbuild cannot split CommonJS output, so each lazy module is its own entry point).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Lazily loaded modules: `require('./<name>')` in the source stays a runtime require of
// `./<name>.js`, which sits next to the requiring bundle in dist/ (and next to the compiled
// source in out/ for plain-Node tests).
const lazyModules = {
  'azure-sdk': 'src/azure/azure-sdk.ts',
  'simulator-entry': 'src/simulator/simulator-entry.ts',
  // @vscode/extension-telemetry (~350 KB): loaded only when a telemetry connection string is set.
  'telemetry-reporter': 'src/telemetry/telemetry-reporter.ts',
  // Issue 18: the activation bundle only registers contributions; the features (connection, tree,
  // dashboards, commands, core) load on first use, the template linter on the first template.
  'extension-features': 'src/activation/extension-features.ts',
  'template-linting': 'src/activation/template-linting.ts',
  // The orchestrator's core (planner, executor): on the first plan or run.
  'run-core': 'src/webview/run-core.ts',
  // Issue 14: the Bicep linter (web-tree-sitter + the grammar's wasm), on the first Bicep file.
  'bicep-linting': 'src/bicep/bicep-linting.ts',
  // Issue 18: the Windows → IANA time-zone table and luxon (~225 KB), on the first maintenance window.
  'time-zones': 'src/shared/maintenance/time-zones.ts',
  // Issue 18: the webview host (dashboard panels and sessions, run registry, fleet view), on the first dashboard.
  'webview-host': 'src/webview/webview-host.ts',
};
const lazyPattern = new RegExp(`^\\./(${Object.keys(lazyModules).join('|')})$`);
const keepLazyRequires = {
  name: 'keep-lazy-requires',
  setup(build) {
    build.onResolve({ filter: lazyPattern }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
};

// `import * as vscode from 'vscode'` in a CommonJS bundle becomes one __toESM copy of the whole API
// object per importing file (~45 files × ~200 getters): about half of the activation bundle's require
// time. Routing every import through one ES module that re-exports 'vscode' makes that a single copy.
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  // jsonc-parser's "main" is a UMD build whose internal requires esbuild cannot follow; bundle its ES module build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// web-tree-sitter's ES module build finds its wasm through import.meta.url, which a CommonJS bundle
// leaves empty; its CommonJS build (not in the package's "exports") uses __dirname instead.
const webTreeSitterCommonJs = {
  name: 'web-tree-sitter-cjs',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: path.join(root, 'node_modules', 'web-tree-sitter', 'tree-sitter.cjs') }));
  },
};

const nodeEntries = [
  { in: 'src/extension.ts', out: 'extension', external: ['vscode'], plugins: [keepLazyRequires, vscodeOnce] },
  { in: 'src/cli/main.ts', out: 'cli', external: [], plugins: [keepLazyRequires] },
  // The extension's simulator as its own process (issue 6); it requires simulator-entry.js at run time.
  { in: 'src/simulator/process/simulator-server.ts', out: 'simulator-server', external: [], plugins: [keepLazyRequires] },
  // A lazy module may itself require others lazily (the features require the SDK's bundle).
  ...Object.entries(lazyModules).map(([out, entry]) => ({ in: entry, out, external: ['vscode'], plugins: [keepLazyRequires, vscodeOnce] })),
];

const builds = nodeEntries
  .filter((e) => existsSync(path.join(root, e.in)))
  .map((e) => ({
    ...common,
    entryPoints: [path.join(root, e.in)],
    outfile: path.join(root, 'dist', `${e.out}.js`),
    external: e.external,
    plugins: [...e.plugins, webTreeSitterCommonJs],
  }));

// The webview client runs in the browser sandbox of a webview.
const webviewEntry = path.join(root, 'src/webview-client/main.ts');
if (existsSync(webviewEntry)) {
  builds.push({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: [webviewEntry],
    outfile: path.join(root, 'dist', 'webview', 'dashboard.js'),
  });
}

// The fleet view (issue 17): its own small page, beside the dashboard's.
const fleetEntry = path.join(root, 'src/webview-client/fleet/main.ts');
if (existsSync(fleetEntry)) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [fleetEntry], outfile: path.join(root, 'dist', 'webview', 'fleet.js') });
}

mkdirSync(path.join(root, 'dist'), { recursive: true });
// The webview loads codicons from dist/ (a local resource that ships in the .vsix, which holds no
// node_modules): copy the font and its stylesheet next to the dashboard bundle.
// The Bicep linter's wasm files (web-tree-sitter's runtime and tree-sitter-bicep's grammar) sit next
// to dist/bicep-linting.js, which loads them from its own directory (src/bicep/bicepParser.ts).
mkdirSync(path.join(root, 'dist'), { recursive: true });
for (const wasm of ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-bicep/tree-sitter-bicep.wasm']) {
  copyFileSync(path.join(root, 'node_modules', wasm), path.join(root, 'dist', path.basename(wasm)));
}
const codiconsOut = path.join(root, 'dist', 'webview', 'codicons');
mkdirSync(codiconsOut, { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(path.join(root, 'node_modules', '@vscode', 'codicons', 'dist', file), path.join(codiconsOut, file));
}
if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const sizes = {};
  for (const [i, r] of results.entries()) {
    const out = path.relative(root, builds[i].outfile);
    sizes[out] = Object.values(r.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  }
  writeFileSync(path.join(root, 'dist', 'sizes.json'), JSON.stringify(sizes, null, 2));
  // l10n/bundle.l10n.json is generated from the sources' vscode.l10n.t calls (scripts/l10n-export.mjs).
  (await import('./l10n-export.mjs')).writeBundle();
  if (process.argv.includes('--report')) console.log(JSON.stringify(sizes, null, 2));
}
