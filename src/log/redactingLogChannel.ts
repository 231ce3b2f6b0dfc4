// The "Azure Scale Sets" log as every part of the extension sees it: a vscode.LogOutputChannel that
// redacts each message before VS Code stores it (issue 8) and, in test runs, mirrors each line to a file
// (VMSS_UPGRADES_LOG_CAPTURE) so that the privacy scan also sees debug lines the channel's level hides.
// Only `vscode` types are imported, so it is unit-tested in plain Node against a fake channel.
import { appendFileSync } from 'node:fs';
import type * as vscode from 'vscode';
import { redactText } from '../shared/redact';
import { formatLogMessage } from './formatLogMessage';

export const logCaptureFileVariable = 'VMSS_UPGRADES_LOG_CAPTURE';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export class RedactingLogChannel implements vscode.LogOutputChannel {
  constructor(
    private readonly target: vscode.LogOutputChannel,
    private readonly mirrorFile?: string,
  ) {}

  get name(): string {
    return this.target.name;
  }
  get logLevel(): vscode.LogLevel {
    return this.target.logLevel;
  }
  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.target.onDidChangeLogLevel;
  }

  trace(message: string, ...args: unknown[]): void {
    this.write('trace', formatLogMessage(message, args));
  }
  debug(message: string, ...args: unknown[]): void {
    this.write('debug', formatLogMessage(message, args));
  }
  info(message: string, ...args: unknown[]): void {
    this.write('info', formatLogMessage(message, args));
  }
  warn(message: string, ...args: unknown[]): void {
    this.write('warn', formatLogMessage(message, args));
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.write('error', formatLogMessage(error, args));
  }

  append(value: string): void {
    const text = redactText(value);
    this.mirror(text);
    this.target.append(text);
  }
  appendLine(value: string): void {
    const text = redactText(value);
    this.mirror(`${text}\n`);
    this.target.appendLine(text);
  }
  replace(value: string): void {
    const text = redactText(value);
    this.mirror(`${text}\n`);
    this.target.replace(text);
  }
  clear(): void {
    this.target.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) this.target.show(columnOrPreserveFocus);
    else this.target.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.target.hide();
  }
  dispose(): void {
    this.target.dispose();
  }

  private write(level: Level, line: string): void {
    this.mirror(`[${level}] ${line}\n`);
    this.target[level](line);
  }

  private mirror(text: string): void {
    if (!this.mirrorFile) return;
    try {
      appendFileSync(this.mirrorFile, text);
    } catch {
      // A test-only mirror must never break logging.
    }
  }
}
