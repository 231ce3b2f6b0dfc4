import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatIsoDuration, parseIsoDuration } from '../../../src/shared/iso8601';

describe('ISO 8601 durations (O8 pauseTimeBetweenBatches)', () => {
  it('reads the forms Azure uses', () => {
    assert.deepEqual(parseIsoDuration('PT0S'), { ok: true, ms: 0 });
    assert.deepEqual(parseIsoDuration('PT30S'), { ok: true, ms: 30_000 });
    assert.deepEqual(parseIsoDuration('PT1H30M'), { ok: true, ms: 5_400_000 });
    assert.deepEqual(parseIsoDuration('P1DT2H'), { ok: true, ms: 93_600_000 });
    assert.deepEqual(parseIsoDuration('PT0.5S'), { ok: true, ms: 500 });
    assert.deepEqual(parseIsoDuration('P1W'), { ok: true, ms: 604_800_000 });
  });

  it('refuses what is not a duration, and years or months that have no fixed length', () => {
    for (const text of ['', 'P', 'PT', '30S', 'PT5X', '5 minutes', 'PT-5S']) assert.equal(parseIsoDuration(text).ok, false, text);
    const months = parseIsoDuration('P1M');
    assert.equal(months.ok, false);
    assert.match((months as { error: string }).error, /months/);
    assert.equal(parseIsoDuration('P1Y').ok, false);
  });

  it('formats and reads back the same milliseconds (whole seconds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 86_400 }), (seconds) => {
        const parsed = parseIsoDuration(formatIsoDuration(seconds * 1000));
        assert.deepEqual(parsed, { ok: true, ms: seconds * 1000 });
      }),
      { numRuns: 200 },
    );
  });
});
