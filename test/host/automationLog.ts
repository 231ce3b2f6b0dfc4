// Turns window.codeAutomationLog(level, args) calls into printable lines. The extension host's
// console calls arrive with their format arguments unapplied (["  %d passing (%s)", 7, "1s"]),
// mixed with the workbench's own start-up chatter, which is hidden unless VMSS_HOST_VERBOSE is set.
import { format } from 'node:util';

const workbenchChatter = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution '.*' took \d+ms/,
];

export function automationLogLines(args: unknown, verbose = Boolean(process.env.VMSS_HOST_VERBOSE)): string[] {
  const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
  if (!verbose && workbenchChatter.some((pattern) => pattern.test(text))) return [];
  return text.split('\n');
}
