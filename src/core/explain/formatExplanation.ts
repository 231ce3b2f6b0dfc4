// The explanation as plain text (the CLI without --json).
import { describeEvidence } from './evidence';
import type { Explanation } from './explanation';

export function formatExplanation(x: Explanation): string {
  const lines: string[] = [];
  const what = x.source === 'run' ? `Run ${x.runId}` : `Azure's latest upgrade of ${x.scaleSet.name}${x.startedBy ? ` (started by ${x.startedBy})` : ''}`;
  lines.push(`${what}: ${x.status}${x.failed ? '' : ' — nothing failed'}`);
  lines.push(`  ${x.summary}`);
  for (const [i, f] of x.failures.entries()) {
    lines.push('', `${i === 0 ? 'Why' : 'Also'}: ${f.title}${f.code ? ` [${f.code}]` : ''}${f.rules.length ? ` (${f.rules.join(', ')})` : ''}`);
    lines.push(`  ${f.cause}`);
    if (f.detail) lines.push(`  ${f.detail}`);
    if (f.instances.length > 0) {
      lines.push('  First instances that failed:');
      for (const e of f.instances) lines.push(`    ${e.instanceId}${e.batch !== undefined && e.batch >= 0 ? ` (batch ${e.batch + 1})` : ''}: ${describeEvidence(e) || 'no instance view recorded'}`);
    }
    lines.push('  Fixes:');
    for (const fix of f.fixes) {
      lines.push(`    - ${fix.label}${fix.risk ? ` (risk: ${fix.risk})` : ''}`);
      if (fix.command) lines.push(`        ${fix.command}`);
    }
    for (const page of f.learn) lines.push(`  Learn: ${page.title} — ${page.url}`);
    if (f.unverified) lines.push(`  Unverified: ${f.unverified}`);
  }
  return `${lines.join('\n')}\n`;
}
