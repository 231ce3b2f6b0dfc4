// Human-readable lint output: `file:line:column  severity  R3 vmss-health-signal  message  (resource)`.
import type { FileFinding } from './fileFinding';

export function formatText(findings: readonly FileFinding[]): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.severity.padEnd(11)} ${f.rule} ${f.code}  ${f.message}  (${f.resource})`);
  const count = (severity: FileFinding['severity']) => findings.filter((f) => f.severity === severity).length;
  lines.push(`${count('error')} error(s), ${count('warning')} warning(s), ${count('information')} information`);
  return `${lines.join('\n')}\n`;
}
