import * as assert from 'node:assert/strict';
import { currentAnswers, percentFields, policyFromAnswers, validatePause, validatePercent } from '../../../../src/commands/rollingPolicyFields';

const field = (key: string) => percentFields.find((f) => f.key === key)!;

describe('rolling upgrade policy editor: fields and ranges', () => {
  it('O2/O6: maxBatchInstancePercent and maxUnhealthyInstancePercent take 5–100', () => {
    for (const key of ['maxBatchInstancePercent', 'maxUnhealthyInstancePercent']) {
      assert.equal(validatePercent(field(key), '5'), undefined);
      assert.equal(validatePercent(field(key), '100'), undefined);
      assert.match(validatePercent(field(key), '4') ?? '', /from 5 to 100/);
      assert.match(validatePercent(field(key), '101') ?? '', /from 5 to 100/);
    }
  });

  it('O5: maxUnhealthyUpgradedInstancePercent takes 0–100', () => {
    assert.equal(validatePercent(field('maxUnhealthyUpgradedInstancePercent'), '0'), undefined);
    assert.match(validatePercent(field('maxUnhealthyUpgradedInstancePercent'), '-1') ?? '', /whole number/);
  });

  it('refuses fractions and words', () => {
    assert.match(validatePercent(field('maxBatchInstancePercent'), '20.5') ?? '', /whole number/);
    assert.match(validatePercent(field('maxBatchInstancePercent'), 'twenty') ?? '', /whole number/);
  });

  it('O8: the pause is an ISO 8601 duration', () => {
    assert.equal(validatePause('PT0S'), undefined);
    assert.equal(validatePause('PT1M30S'), undefined);
    assert.match(validatePause('90s') ?? '', /ISO 8601/);
    assert.match(validatePause('P1M') ?? '', /months/);
  });

  it('starts from the set’s values with Azure’s defaults, and builds the PATCH body', () => {
    const answers = currentAnswers({ maxBatchInstancePercent: 50, enableCrossZoneUpgrade: true });
    assert.deepEqual(answers.percents, { maxBatchInstancePercent: 50, maxUnhealthyInstancePercent: 20, maxUnhealthyUpgradedInstancePercent: 20 });
    assert.equal(answers.pause, 'PT0S');
    assert.deepEqual([...answers.flags], ['enableCrossZoneUpgrade']);
    assert.deepEqual(policyFromAnswers({ ...answers, pause: 'pt30s' }), {
      maxBatchInstancePercent: 50,
      maxUnhealthyInstancePercent: 20,
      maxUnhealthyUpgradedInstancePercent: 20,
      pauseTimeBetweenBatches: 'PT30S',
      prioritizeUnhealthyInstances: false,
      enableCrossZoneUpgrade: true,
      rollbackFailedInstancesOnPolicyBreach: false,
      maxSurge: false,
    });
  });
});
