import * as assert from 'node:assert/strict';
import { describeAzureError } from '../../../src/azure/azureError';
import { messageAction } from '../../../src/views/messageAction';
import type { MessageNode, SubscriptionNode } from '../../../src/views/treeNodes';

const parent: SubscriptionNode = { kind: 'subscription', key: 'sub:s1', subscription: { subscriptionId: 's1', displayName: 'One' } };

function failed(error: object, under?: SubscriptionNode): MessageNode {
  return { kind: 'message', key: 'k', reason: 'loadFailed', parent: under, error: describeAzureError(error) };
}

describe('the action a message row offers (issue 4, item 5)', () => {
  it('asks to sign in when the session is missing or expired', () => {
    const action = messageAction(failed({ statusCode: 401, code: 'ExpiredAuthenticationToken', message: 'expired' }), 'AzureCloud');
    assert.deepEqual(action, { kind: 'signIn', command: 'vmssUpgrades.signIn' });
  });

  it('offers to restart the simulator when it cannot be reached', () => {
    assert.equal(messageAction(failed({ code: 'ECONNREFUSED', message: 'refused' }), 'Simulator')?.kind, 'restartSimulator');
    assert.equal(messageAction(failed({ code: 'ECONNREFUSED', message: 'refused' }), 'AzureCloud')?.kind, 'retry');
  });

  it('retries exactly the level that failed', () => {
    assert.deepEqual(messageAction(failed({ statusCode: 403, code: 'AuthorizationFailed', message: 'no' }, parent), 'AzureCloud'), {
      kind: 'retry',
      command: 'vmssUpgrades.refresh',
      arguments: [parent],
    });
    assert.deepEqual(messageAction({ kind: 'message', key: 'k', reason: 'cancelled' }, 'Simulator')?.arguments, []);
  });

  it('offers sign-in to a tenant that needs it, with the tenant id', () => {
    const node: MessageNode = { kind: 'message', key: 'k', reason: 'tenantUnavailable', tenant: { tenantId: 't2' }, error: describeAzureError(Object.assign(new Error('x'), { name: 'AuthenticationRequiredError' })) };
    assert.deepEqual(messageAction(node, 'AzureCloud'), { kind: 'signIn', command: 'vmssUpgrades.signIn', arguments: ['t2'] });
  });

  it('offers the filter when it hides every subscription, and nothing for empty levels', () => {
    assert.equal(messageAction({ kind: 'message', key: 'k', reason: 'noSelectedSubscriptions' }, 'AzureCloud')?.command, 'vmssUpgrades.selectSubscriptions');
    assert.equal(messageAction({ kind: 'message', key: 'k', reason: 'noScaleSets' }, 'AzureCloud'), undefined);
  });
});
