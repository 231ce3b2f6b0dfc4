// Creates the extension's one log, the "Azure Scale Sets" LogOutputChannel (issue 8). Everything the
// extension logs goes through it, redacted; the Azure SDK's HTTP traffic is added at debug level by
// httpLogPolicy (pass it to createClientFactory({ policies })).
import * as vscode from 'vscode';
import { RedactingLogChannel, logCaptureFileVariable } from './redactingLogChannel';

export const logChannelName = 'Azure Scale Sets';

export function createExtensionLog(): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel(logChannelName, { log: true });
  return new RedactingLogChannel(channel, process.env[logCaptureFileVariable] || undefined);
}
