// Builds the extension's telemetry at activation: the reporter when `vmssUpgrades.telemetry.connectionString`
// is set (inert otherwise), rebuilt when the setting changes, and a capture sink outside production so that
// tests can read every event the extension emits.
import * as vscode from 'vscode';
import { CaptureSink, captureFileVariable } from './captureSink';
import { loadReporter } from './loadReporter';
import { Telemetry } from './telemetry';
import type { ReporterSink } from './telemetry-reporter';

export const connectionStringSetting = 'vmssUpgrades.telemetry.connectionString';

export interface ExtensionTelemetry {
  readonly telemetry: Telemetry;
  /** Present outside production mode (tests, development host) or when a capture file is named. */
  readonly capture?: CaptureSink;
}

function configuredConnectionString(): string {
  return vscode.workspace.getConfiguration().get<string>(connectionStringSetting, '').trim();
}

export function setupTelemetry(context: vscode.ExtensionContext): ExtensionTelemetry {
  const telemetry = new Telemetry();
  let reporter: { sink: ReporterSink; registration: { dispose(): void } } | undefined;

  const applyConnectionString = () => {
    if (reporter) {
      reporter.registration.dispose();
      void reporter.sink.dispose();
      reporter = undefined;
    }
    const connectionString = configuredConnectionString();
    if (!connectionString) return;
    const sink = loadReporter().createReporterSink(connectionString);
    reporter = { sink, registration: telemetry.addSink(sink) };
  };
  applyConnectionString();

  const captureFile = process.env[captureFileVariable];
  const capture = captureFile || context.extensionMode !== vscode.ExtensionMode.Production ? new CaptureSink(captureFile || undefined) : undefined;
  if (capture) telemetry.addSink(capture);

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(connectionStringSetting)) applyConnectionString();
    }),
    { dispose: () => void reporter?.sink.dispose() },
  );
  return { telemetry, ...(capture ? { capture } : {}) };
}
