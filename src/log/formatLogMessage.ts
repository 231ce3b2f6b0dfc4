// One log line from whatever a caller passed (a message, an Error, extra arguments), with every private
// value redacted (issue 8). Errors keep their name and message but not their stack: stacks hold file
// paths and would be mostly `<path>` after redaction anyway.
import { redactText } from '../shared/redact';

function describeArgument(arg: unknown): string {
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  if (typeof arg === 'string') return arg;
  if (arg === undefined) return 'undefined';
  try {
    return JSON.stringify(arg) ?? String(arg);
  } catch {
    return String(arg);
  }
}

export function formatLogMessage(message: string | Error, args: readonly unknown[] = []): string {
  const parts = [describeArgument(message), ...args.map(describeArgument)];
  return redactText(parts.join(' '));
}
