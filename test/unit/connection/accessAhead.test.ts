// Issue 18: the access made while VS Code signs in is the one the connection then uses — for the same cloud
// and tenant only, once — and it is made once however often the sign-in and the look-up ask for it.
import * as assert from 'node:assert/strict';
import { AccessAhead } from '../../../src/connection/accessAhead';
import type { AzureAccess, PreparedSubscription } from '../../../src/connection/azureAccess';
import { emptyStats } from '../../../src/azure/callStats';

function fakeAccess(prepared: PreparedSubscription[][]): AzureAccess {
  return {
    cloud: 'AzureCloud',
    endpoint: 'https://management.azure.com',
    gateway: () => assert.fail('nothing is sent while preparing'),
    stats: emptyStats,
    prepare: (subscriptions) => void prepared.push([...subscriptions]),
  };
}

describe('the access made while signing in (issue 18)', () => {
  const remembered = [{ subscriptionId: 'a' }, { subscriptionId: 'b', tokenTenant: 't2' }];

  it('is made once, with the remembered subscriptions prepared, and taken once for the same key', async () => {
    const ahead = new AccessAhead();
    const prepared: PreparedSubscription[][] = [];
    let made = 0;
    const make = () => (made++, fakeAccess(prepared));
    ahead.prepare('AzureCloud|', make, remembered);
    ahead.prepare('AzureCloud|', make, remembered); // the sign-in, then the look-up after it
    const access = await ahead.take('AzureCloud|');
    assert.ok(access);
    assert.equal(made, 1);
    assert.deepEqual(prepared, [remembered]);
    assert.equal(await ahead.take('AzureCloud|'), undefined, 'taken once: a later connection makes its own');
  });

  it('another cloud or tenant gets none, and the prepared one is dropped', async () => {
    const ahead = new AccessAhead();
    ahead.prepare('AzureCloud|', () => fakeAccess([]), remembered);
    assert.equal(await ahead.take('AzureCloud|tenant-b'), undefined);
    assert.equal(await ahead.take('AzureCloud|'), undefined);
  });

  it('a failure to make it only means the connection makes its own', async () => {
    const ahead = new AccessAhead();
    ahead.prepare('AzureUSGovernment|', () => {
      throw new Error('no provider');
    }, []);
    assert.equal(await ahead.take('AzureUSGovernment|'), undefined);
  });

  it('preparing for another key replaces the one prepared before', async () => {
    const ahead = new AccessAhead();
    ahead.prepare('AzureCloud|', () => fakeAccess([]), []);
    const china = fakeAccess([]);
    ahead.prepare('AzureChinaCloud|', () => china, []);
    assert.equal(await ahead.take('AzureChinaCloud|'), china);
  });
});
