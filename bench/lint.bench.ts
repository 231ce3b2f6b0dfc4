// Benchmark of the template linter (run: npx tsx bench/lint.bench.ts). Issue 14 goals: lint ≤ 2×
// parseTree alone, hover from a cached result ≤ 1 ms. Parse and lint are interleaved so both
// see the same machine load; the load average is printed because on a shared machine the
// absolute numbers (and the hover tail) move with it. (Forcing a GC before each run was tried
// and rejected: it slows parseTree far more than lint, which flatters the ratio.)
// 1. A ~1 MB template — every corpus template nested as an inner-scope deployment, repeated —
//    linted, as a ratio to jsonc-parser parsing the same text alone, measured side by side.
// 2. Hover summary latency on a scale set of that template: from a cached lint result (what the
//    editor does after diagnostics ran) and cold (lint + hover).
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseTree } from 'jsonc-parser';
import { hoverAt } from '../src/lint/hover';
import { lintTemplateText } from '../src/lint/lintTemplate';

const corpusDir = path.join(__dirname, '..', 'test', 'fixtures', 'arm-corpus');
const targetBytes = 1_000_000;

function corpusTemplates(): unknown[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.json') && f !== 'expected.json')
    .sort()
    .map((f) => parseTree(readFileSync(path.join(corpusDir, f), 'utf8')))
    .map((node) => JSON.parse(JSON.stringify(nodeValue(node))) as unknown);
}

function nodeValue(node: ReturnType<typeof parseTree>): unknown {
  if (!node) return null;
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value as string, nodeValue(p.children![1])]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function megabyteTemplate(): string {
  const templates = corpusTemplates();
  const resources: unknown[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const nested = templates[i % templates.length];
    const deployment = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: `nested-${i}`,
      properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: nested },
    };
    resources.push(deployment);
    // Size as printed below (two-space indentation, nested four levels deeper).
    size += JSON.stringify(deployment, null, 2).length * 1.1;
  }
  return JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const text = megabyteTemplate();
const rounds = 25;
// Warm up both code paths before measuring.
for (let i = 0; i < 3; i++) {
  parseTree(text);
  lintTemplateText(text);
}
const parseTimes: number[] = [];
const lintTimes: number[] = [];
for (let i = 0; i < rounds; i++) {
  parseTimes.push(time(() => parseTree(text)));
  lintTimes.push(time(() => lintTemplateText(text)));
}
const result = lintTemplateText(text);
const target = result.scaleSets[Math.floor(result.scaleSets.length / 2)];
const hoverOffset = target.resourceRange.offset + 1;
const cachedHover: number[] = [];
const coldHover: number[] = [];
for (let i = 0; i < 20; i++) hoverAt(result, hoverOffset);
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  hoverAt(result, hoverOffset);
  cachedHover.push(performance.now() - started);
}
for (let i = 0; i < 5; i++) coldHover.push(time(() => hoverAt(lintTemplateText(text), hoverOffset)));

const parseMs = median(parseTimes);
const lintMs = median(lintTimes);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine`);
console.log(`template: ${(text.length / 1e6).toFixed(2)} MB, ${result.scaleSets.length} scale sets, ${result.findings.length} findings`);
console.log(`jsonc-parser parseTree alone: median ${parseMs.toFixed(1)} ms over ${rounds} runs`);
console.log(`lint (parse + scopes + rules):  median ${lintMs.toFixed(1)} ms over ${rounds} runs`);
console.log(`ratio lint / parse: ${(lintMs / parseMs).toFixed(2)}× (goal ≤ 2×)`);
console.log(`hover summary, cached lint result: median ${median(cachedHover).toFixed(3)} ms, p99 ${percentile(cachedHover, 0.99).toFixed(3)} ms, max ${Math.max(...cachedHover).toFixed(3)} ms (200 hovers; goal ≤ 1 ms)`);
console.log(`hover summary, cold (lint + hover): median ${median(coldHover).toFixed(1)} ms (5 runs)`);

// Section 3 (issue 14): Bicep — a 1 MB-class Bicep file linted vs tree-sitter-bicep's parse alone
// (bench/lintBicep.bench.ts, also runnable on its own).
// eslint-disable-next-line @typescript-eslint/no-require-imports
void (require('./lintBicep.bench') as { benchBicep: () => Promise<void> }).benchBicep();
