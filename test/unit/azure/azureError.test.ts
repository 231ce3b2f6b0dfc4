import * as assert from 'node:assert/strict';
import { describeAzureError, errorSummary } from '../../../src/azure/azureError';
import { scaleSetId, scaleSetRefFromId } from '../../../src/azure/gateway';

describe('describeAzureError', () => {
  it('classifies ARM errors by status and code', () => {
    assert.equal(describeAzureError({ statusCode: 401, code: 'ExpiredAuthenticationToken', message: 'x' }).kind, 'auth');
    assert.equal(describeAzureError({ statusCode: 403, code: 'AuthorizationFailed', message: 'x' }).kind, 'forbidden');
    assert.equal(describeAzureError({ statusCode: 429, code: 'TooManyRequests', message: 'x' }).kind, 'throttled');
    assert.equal(describeAzureError({ statusCode: 503, message: 'x' }).kind, 'server');
    assert.equal(describeAzureError({ statusCode: 409, code: 'RollingUpgradeInProgress', message: 'x' }).kind, 'conflict');
  });

  it('recognises dropped connections and aborts', () => {
    assert.equal(describeAzureError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }).kind, 'network');
    assert.equal(describeAzureError(Object.assign(new Error('aborted'), { name: 'AbortError' })).kind, 'aborted');
  });

  it('recovers the code of a failed long-running operation from its message (A8)', () => {
    const info = describeAzureError(new Error('The long-running operation has failed. MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade: too many'));
    assert.equal(info.code, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
  });
});

describe('errorSummary', () => {
  it('says kind and code only, never the message that may name a resource', () => {
    assert.equal(errorSummary({ statusCode: 404, code: 'ResourceNotFound', message: "The Resource 'web-frontend' was not found" }), 'notFound (ResourceNotFound)');
    assert.equal(errorSummary(Object.assign(new Error("ENOENT: no such file '/home/me/journal'"), { code: 'ENOENT' })), 'other (ENOENT)');
    assert.equal(errorSummary(new Error('secret-name broke')), 'other');
  });
});

describe('scale set ids', () => {
  it('round-trips a resource id, case-insensitively on the provider segment', () => {
    const id = '/subscriptions/s1/resourceGroups/rg-web/providers/microsoft.compute/virtualMachineScaleSets/web';
    const ref = scaleSetRefFromId(id);
    assert.deepEqual(ref, { subscriptionId: 's1', resourceGroup: 'rg-web', name: 'web' });
    assert.equal(scaleSetId(ref), '/subscriptions/s1/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/web');
    assert.throws(() => scaleSetRefFromId('/subscriptions/s1/resourceGroups/rg'), /Not a scale set resource id/);
  });
});
