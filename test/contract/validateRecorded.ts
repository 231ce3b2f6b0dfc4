// The `contract` layer of `npm test` (issue #12): validates every exchange the simulator recorded
// during the run (VMSS_SIM_RECORD=<dir>) against the REST description and prints
//   contract: N exchanges validated over K operations, V violations
// followed by the first violations in detail. Fails on any violation, and on zero exchanges (that
// means recording broke, not that all is well).
//   node out/test/contract/validateRecorded.js <record-dir> [summary.json]
import { createReadStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { RecordedExchange } from '../../src/simulator/http/exchangeRecorder';
import { specSource } from './specSource';
import { ContractValidator } from './validator';

const SHOWN = 10;

export interface ContractSummary {
  readonly exchanges: number;
  readonly operations: number;
  readonly violations: number;
  readonly byOperation: Record<string, { exchanges: number; violations: number }>;
  readonly first: readonly string[];
  readonly source: string;
}

/** Line by line: a whole run's recording can pass the largest string Node makes (seen: over 512 MB). */
async function* recorded(dir: string): AsyncGenerator<RecordedExchange> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    const lines = createInterface({ input: createReadStream(path.join(dir, name), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() !== '') yield JSON.parse(line) as RecordedExchange;
    }
  }
}

export async function validateRecorded(dir: string, repoRoot: string): Promise<ContractSummary> {
  const source = specSource(repoRoot);
  const validator = await ContractValidator.create(source, repoRoot);
  const byOperation: Record<string, { exchanges: number; violations: number }> = {};
  const first: string[] = [];
  let exchanges = 0;
  let violations = 0;
  for await (const exchange of recorded(dir)) {
    exchanges++;
    const verdict = await validator.validate(exchange);
    const entry = (byOperation[verdict.operation] ??= { exchanges: 0, violations: 0 });
    entry.exchanges++;
    if (verdict.problems.length === 0) continue;
    entry.violations++;
    violations++;
    if (first.length < SHOWN) first.push(`${verdict.operation} ${exchange.method} ${exchange.url} → ${exchange.status}\n      ${verdict.problems.join('\n      ')}`);
  }
  const operations = Object.keys(byOperation).filter((op) => !op.startsWith('(')).length;
  return { exchanges, operations, violations, byOperation, first, source: `${source.kind} (${source.directory})` };
}

async function main(): Promise<void> {
  const [dir, summaryFile] = process.argv.slice(2);
  if (!dir) throw new Error('usage: validateRecorded <record-dir> [summary.json]');
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const summary = await validateRecorded(path.resolve(dir), repoRoot);
  console.log(`contract: validating against ${summary.source}`);
  for (const [op, { exchanges, violations }] of Object.entries(summary.byOperation).sort()) {
    console.log(`  ${op.padEnd(56)} ${String(exchanges).padStart(7)} exchanges ${violations ? `${violations} VIOLATIONS` : ''}`);
  }
  for (const line of summary.first) console.log(`  ✗ ${line}`);
  console.log(`contract: ${summary.exchanges.toLocaleString('en-US')} exchanges validated over ${summary.operations} operations, ${summary.violations.toLocaleString('en-US')} violations`);
  if (summary.exchanges === 0) console.log('contract: no exchange was recorded — recording (VMSS_SIM_RECORD) is broken');
  if (summaryFile) writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
  process.exitCode = summary.violations > 0 || summary.exchanges === 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
