// Human-readable lint output: `file:line:column  severity  R3 vmss-health-signal  message  (resource)`.
import type { FileFinding } from './fileFinding';
import { inputRule } from './fileProblem';

export function formatText(findings: readonly FileFinding[]): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.severity.padEnd(11)} ${f.rule} ${f.code}  ${f.message}${f.resource ? `  (${f.resource})` : ''}`);
  const count = (severity: FileFinding['severity']) => findings.filter((f) => f.severity === severity).length;
  const notChecked = new Set(findings.filter((f) => f.rule === inputRule && f.severity === 'error').map((f) => f.file)).size;
  const summary = `${count('error')} error(s), ${count('warning')} warning(s), ${count('information')} information`;
  lines.push(notChecked > 0 ? `${summary}; ${notChecked} file(s) could not be checked` : summary);
  return `${lines.join('\n')}\n`;
}
