import * as assert from 'node:assert/strict';
import { lintCounts } from '../../../src/telemetry/lintCounts';
import { sanitizeEvent } from '../../../src/telemetry/sanitize';

describe('lintCounts', () => {
  it('counts findings per readiness rule from the diagnostics codes; other checks count apart', () => {
    const counts = lintCounts(['vmss-health-signal', 'vmss-health-signal', 'vmss-image-version-latest', 'vmss-rolling-policy-range', 'vmss-not-a-full-model', 'unknown-code']);
    assert.deepEqual(counts, { documents: 1, findings: 6, otherFindings: 3, R1: 1, R3: 2 });
  });

  it('passes the sanitizer unchanged (every key is catalogued)', () => {
    const counts = lintCounts(['vmss-health-signal', 'vmss-legacy-auto-upgrade-flag']);
    assert.deepEqual(sanitizeEvent('lint', { source: 'editor' }, counts).measurements, counts);
  });
});
