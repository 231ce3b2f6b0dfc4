// Everything written to the "Azure Scale Sets" channel is redacted first (issue 8).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as vscode from 'vscode';
import { RedactingLogChannel } from '../../../src/log/redactingLogChannel';
import { formatLogMessage } from '../../../src/log/formatLogMessage';

const resourceId = '/subscriptions/3f2504e0-4f89-41d3-9a0c-0305e82c3301/resourceGroups/rg-a/providers/Microsoft.Compute/virtualMachineScaleSets/web';

function fakeChannel() {
  const written: string[] = [];
  const record = (level: string) => (message: string | Error) => void written.push(`${level}:${String(message)}`);
  const channel = {
    name: 'Azure Scale Sets',
    logLevel: 2,
    onDidChangeLogLevel: () => ({ dispose() {} }),
    trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'),
    append: record('append'), appendLine: record('appendLine'), replace: record('replace'),
    clear() {}, show() {}, hide() {}, dispose() {},
  } as unknown as vscode.LogOutputChannel;
  return { channel, written };
}

describe('formatLogMessage', () => {
  it('folds extra arguments into the line and redacts them too', () => {
    assert.equal(
      formatLogMessage('Upgrading', [{ id: resourceId, batch: 2 }]),
      'Upgrading {"id":"/subscriptions/<subscription>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>","batch":2}',
    );
  });

  it('keeps an error\'s name and redacted message, drops its stack', () => {
    const err = new Error(`Not found: ${resourceId}`);
    assert.equal(formatLogMessage(err), 'Error: Not found: /subscriptions/<subscription>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>');
  });

  it('survives arguments JSON cannot print', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(formatLogMessage('x', [cyclic, undefined, 3n]), 'x [object Object] undefined 3');
  });
});

describe('RedactingLogChannel', () => {
  it('redacts every level and the raw append methods', () => {
    const { channel, written } = fakeChannel();
    const log = new RedactingLogChannel(channel);
    log.info(`Connected as alice@contoso.com to ${resourceId}`);
    log.debug('Authorization: Bearer abcdefghijklmnop');
    log.error(new Error('open /home/alice/ws/template.json failed'));
    log.appendLine('tenant 3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    assert.deepEqual(written, [
      'info:Connected as <email> to /subscriptions/<subscription>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>',
      'debug:Authorization: Bearer <token>',
      'error:Error: open <path> failed',
      'appendLine:tenant <guid>',
    ]);
    assert.equal(log.name, 'Azure Scale Sets');
  });

  it('mirrors each redacted line to the capture file of a test run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'log-'));
    try {
      const file = path.join(dir, 'log.txt');
      const log = new RedactingLogChannel(fakeChannel().channel, file);
      log.trace('trace line for 3f2504e0-4f89-41d3-9a0c-0305e82c3301');
      log.warn('warned');
      assert.equal(readFileSync(file, 'utf8'), '[trace] trace line for <guid>\n[warn] warned\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
