import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CaptureSink } from '../../../src/telemetry/captureSink';
import { Telemetry } from '../../../src/telemetry/telemetry';

describe('CaptureSink', () => {
  it('writes every sanitized event as a JSON line for scans from outside the extension host', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capture-'));
    try {
      const file = path.join(dir, 'events.jsonl');
      const telemetry = new Telemetry();
      telemetry.addSink(new CaptureSink(file));
      telemetry.send('activation', { connection: 'none' }, { durationMs: 7 });
      telemetry.send('lint', { source: 'editor' }, { documents: 1, findings: 2, otherFindings: 0, R1: 1, R3: 1 });
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(lines.map((l) => l.name), ['activation', 'lint']);
      assert.deepEqual(lines[1].measurements, { documents: 1, findings: 2, otherFindings: 0, R1: 1, R3: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops receiving events once its registration is disposed', () => {
    const telemetry = new Telemetry();
    const sink = new CaptureSink();
    const registration = telemetry.addSink(sink);
    telemetry.send('activation', { connection: 'none' }, { durationMs: 1 });
    registration.dispose();
    telemetry.send('activation', { connection: 'none' }, { durationMs: 2 });
    assert.equal(sink.events.length, 1);
  });
});
