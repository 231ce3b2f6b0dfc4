// Benchmark of issue 18 (run: `node scripts/build.mjs --production && npx tsx bench/activation.bench.ts`):
// require + activate of dist/extension.js, each in a fresh Node process with a minimal `vscode` stub,
// alternating with (a) an extension that registers the same contributions and nothing else and
// (b) an empty extension; then what the lazy bundles cost when first needed. Set BENCH_BEFORE_DIST to
// an older dist/ folder to print its activation in the same run.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { type ActivationTime, median, percentile, timeActivation, type ProbeOptions } from './activationProbe';

// From bench/ (tsx) or out/bench/ (the unit layer's smoke run).
const root = path.resolve(__dirname, '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

/** An extension that registers what ours contributes (commands, the view, the dashboard serializer) and nothing else. */
function contributionsOnlySource(): string {
  return `import * as vscode from 'vscode';
export function activate(context: vscode.ExtensionContext): void {
  const commands = (context.extension.packageJSON.contributes?.commands ?? []) as Array<{ command: string }>;
  const provider: vscode.TreeDataProvider<unknown> = { getTreeItem: () => new vscode.TreeItem(''), getChildren: () => [] };
  context.subscriptions.push(
    vscode.window.createTreeView('vmssUpgrades.scaleSets', { treeDataProvider: provider }),
    ...commands.map((c) => vscode.commands.registerCommand(c.command, () => undefined)),
    vscode.window.registerWebviewPanelSerializer('vmssUpgrades.dashboard', { deserializeWebviewPanel: async () => undefined }),
  );
}
export function deactivate(): void {}
`;
}

function bundle(scratch: string, name: string, source: string): string {
  const entry = path.join(scratch, `${name}.ts`);
  writeFileSync(entry, source);
  const out = path.join(scratch, `${name}.js`);
  buildSync({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning', minify: true });
  return out;
}

/** A copy of a dist/ folder's bundles, alone in a folder: other builds cannot change them mid-run. */
function snapshot(dist: string, into: string): string {
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) copyFileSync(path.join(dist, file), path.join(into, file));
  return path.join(into, 'extension.js');
}

const jsonDocument = { languageId: 'json', uri: '/work/package.json', text: readFileSync(path.join(root, 'package.json'), 'utf8') };
const templateFile = path.join(root, 'test', 'fixtures', 'arm-corpus', 'fitz-manualrolling.json');
const templateDocument = { languageId: 'json', uri: '/work/azuredeploy.json', text: readFileSync(templateFile, 'utf8') };

export interface ActivationFigures {
  readonly activationKb: number;
  readonly ours: number;
  readonly contributionsOnly: number;
  readonly empty: number;
  readonly ratioToContributions: number;
  readonly withTemplate: number;
  readonly firstUse: number;
  readonly featuresRequire: number;
  readonly firstDashboard: number;
  readonly before?: number;
  readonly beforeFirstUse?: number;
  readonly beforeFeaturesRequire?: number;
}

export function runActivationBench(iterations: number, log: (line: string) => void = console.log): ActivationFigures {
  const scratch = mkdtempSync(path.join(tmpdir(), 'vmss-bench-activation-'));
  try {
    const ours = snapshot(path.join(root, 'dist'), mkdtempSync(path.join(scratch, 'ours-')));
    const beforeDist = process.env.BENCH_BEFORE_DIST;
    const before = beforeDist ? snapshot(beforeDist, mkdtempSync(path.join(scratch, 'before-'))) : undefined;
    const contributions = bundle(scratch, 'contributions', contributionsOnlySource());
    const empty = bundle(scratch, 'empty', 'export function activate(): void {}\nexport function deactivate(): void {}\n');
    const production = !readFileSync(ours, 'utf8').includes('//# sourceMappingURL=');
    const runs: Record<string, ActivationTime[]> = { ours: [], template: [], firstUse: [], contributions: [], empty: [], before: [], beforeFirstUse: [] };
    const cases: Array<[string, string | undefined, ProbeOptions]> = [
      ['ours', ours, { documents: [jsonDocument] }],
      ['contributions', contributions, { documents: [jsonDocument] }],
      ['empty', empty, {}],
      ['template', ours, { documents: [templateDocument] }],
      ['firstUse', ours, { documents: [jsonDocument], firstUse: true, firstDashboard: true }],
      ['before', before, { documents: [jsonDocument] }],
      ['beforeFirstUse', before, { documents: [jsonDocument], firstUse: true }],
    ];
    for (const [, file, options] of cases) if (file) timeActivation(file, options); // warm the file cache
    for (let i = 0; i < iterations; i++) for (const [name, file, options] of cases) if (file) runs[name].push(timeActivation(file, options));
    const total = (name: string) => median(runs[name].map((t) => t.total));
    const p90 = (name: string) => percentile(runs[name].map((t) => t.total), 90);
    const kb = (file: string) => statSync(file).size / 1024;
    const figures: ActivationFigures = {
      activationKb: kb(ours),
      ours: total('ours'),
      contributionsOnly: total('contributions'),
      empty: total('empty'),
      ratioToContributions: total('ours') / total('contributions'),
      withTemplate: total('template'),
      firstUse: median(runs.firstUse.map((t) => t.firstUse)),
      featuresRequire: median(runs.firstUse.map((t) => t.featuresRequire)),
      firstDashboard: median(runs.firstUse.map((t) => t.firstDashboard)),
      ...(before ? { before: total('before'), beforeFirstUse: median(runs.beforeFirstUse.map((t) => t.firstUse)), beforeFeaturesRequire: median(runs.beforeFirstUse.map((t) => t.featuresRequire)) } : {}),
    };
    log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    log(`activation, ${iterations} fresh processes per case, alternating (require + activate, minimal vscode stub, ${production ? 'production' : 'development'} build), a non-template JSON file open:`);
    if (before) log(`    before (${beforeDist}, ${kb(before).toFixed(0)} KB): median ${total('before').toFixed(2)} ms, p90 ${p90('before').toFixed(2)} ms → ${(total('before') / total('contributions')).toFixed(1)}× contributions-only`);
    log(`    dist/extension.js (${figures.activationKb.toFixed(1)} KB): median ${figures.ours.toFixed(2)} ms, p90 ${p90('ours').toFixed(2)} ms`);
    log(`    contributions only (same commands, view, serializer): median ${figures.contributionsOnly.toFixed(2)} ms, p90 ${p90('contributions').toFixed(2)} ms`);
    log(`    empty extension: median ${figures.empty.toFixed(2)} ms`);
    log(`    ratio to contributions-only (median): ${figures.ratioToContributions.toFixed(2)}× (goal ≤ 2×)${before ? `; before: ${(total('before') / total('contributions')).toFixed(1)}×` : ''}`);
    log(`first use (lazy bundles, same processes):`);
    log(`    a deployment template open at activation (loads dist/template-linting.js, ${kb(path.join(path.dirname(ours), 'template-linting.js')).toFixed(0)} KB, and lints it): median ${figures.withTemplate.toFixed(2)} ms`);
    log(`    first command / view / API use (loads dist/extension-features.js, ${kb(path.join(path.dirname(ours), 'extension-features.js')).toFixed(0)} KB): median ${figures.firstUse.toFixed(2)} ms, of which its require ${figures.featuresRequire.toFixed(2)} ms`);
    if (before) log(`    before: first command / view / API use (${beforeDist}'s extension-features.js, ${kb(path.join(path.dirname(before), 'extension-features.js')).toFixed(0)} KB): median ${figures.beforeFirstUse!.toFixed(2)} ms, of which its require ${figures.beforeFeaturesRequire!.toFixed(2)} ms`);
    log(`    then the first dashboard (loads dist/webview-host.js, ${kb(path.join(path.dirname(ours), 'webview-host.js')).toFixed(0)} KB, creates the panel host): median ${figures.firstDashboard.toFixed(2)} ms`);
    return figures;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) runActivationBench(Number(process.env.BENCH_ITERATIONS ?? 30));
