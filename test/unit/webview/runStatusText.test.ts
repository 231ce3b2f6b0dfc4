import * as assert from 'node:assert/strict';
import type { RunView } from '../../../src/webview/contract';
import { runStatusText } from '../../../src/statusBar/runStatusText';

const run = (status: RunView['status'], over: Partial<RunView> = {}): RunView => ({
  runId: 'r',
  status,
  target: 'Canonical/ubuntu/server 2.0.0',
  strategy: 's',
  counts: { total: 20, succeeded: 5, failed: 0, rolledBack: 1, inProgress: 4, pending: 8 },
  batches: [
    { index: 0, instanceIds: ['0'], status: 'succeeded' },
    { index: 1, instanceIds: ['1'], status: 'running' },
    { index: 2, instanceIds: ['2'], status: 'pending' },
  ],
  instances: [],
  ...over,
});

describe('status bar text for active runs', () => {
  it('is absent without runs', () => {
    assert.equal(runStatusText([]), undefined);
  });

  it('shows the current batch and how many of the planned instances are upgraded (skipped ones excluded)', () => {
    const status = runStatusText([{ scaleSetId: 'a', name: 'web', run: run('running') }])!;
    assert.equal(status.text, '$(sync~spin) web: batch 2/3 · 5/18 upgraded');
    assert.equal(status.scaleSetId, 'a');
    assert.equal(status.needsAttention, false);
  });

  it('puts a run that waits for approval first, with a bell', () => {
    const status = runStatusText([
      { scaleSetId: 'a', name: 'web', run: run('running') },
      { scaleSetId: 'b', name: 'api', run: run('waitingApproval') },
    ])!;
    assert.equal(status.text, '$(bell-dot) api: approval needed (+1)');
    assert.equal(status.scaleSetId, 'b');
    assert.equal(status.needsAttention, true);
    assert.match(status.tooltip, /web: running/);
  });
});
