// The alert and metric gates' readers come from the gateway's client factory, not from `instanceof`: the run
// core's bundle (run-core.js) has its own copy of ArmGateway, so in the extension a gateway built by the
// features bundle is not an instance of the run core's class (the UI test saw the metric gate say "no metrics
// client" in a real run). A gateway of another class with a client factory gets readers; one without, none.
import * as assert from 'node:assert/strict';
import { alertsFor } from '../../../src/azure/alerts/alertsFor';
import { ArmGateway } from '../../../src/azure/armGateway';
import { createClientFactory } from '../../../src/azure/clientFactory';
import type { AzureGateway } from '../../../src/azure/gateway';
import { metricsFor } from '../../../src/azure/metrics/metricsFor';
import { staticTokenCredential } from '../../../src/cli/connect';

describe('gate readers from any ARM gateway (issue 16)', () => {
  const factory = createClientFactory({ credential: staticTokenCredential(), endpoint: 'https://127.0.0.1:1', allowedHosts: ['127.0.0.1'] });

  it('a gateway of another copy of the class (another bundle) still gets the alerts and metrics readers', () => {
    const copy = Object.create(null) as AzureGateway;
    Object.defineProperty(copy, 'clientFactory', { get: () => factory });
    assert.ok(!(copy instanceof ArmGateway));
    assert.ok(alertsFor(copy), 'alerts reader');
    assert.ok(metricsFor(copy), 'metrics reader');
    assert.ok(alertsFor(new ArmGateway(factory)) && metricsFor(new ArmGateway(factory)));
  });

  it('a gateway without a client factory gets none (the gates then say they cannot pass)', () => {
    const other = {} as AzureGateway;
    assert.equal(alertsFor(other), undefined);
    assert.equal(metricsFor(other), undefined);
  });
});
