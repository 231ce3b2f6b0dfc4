import * as assert from 'node:assert/strict';
import { describeAzureError } from '../../../src/azure/azureError';
import { createSessionCredential } from '../../../src/auth/sessionCredential';
import type { SessionRequest } from '../../../src/auth/sessionSource';
import { tokenExpiresOn } from '../../../src/auth/tokenExpiry';

function jwt(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

describe('session credential', () => {
  it('asks the session source silently on every call, with the tenant pseudo-scope', async () => {
    const requests: SessionRequest[] = [];
    let n = 0;
    const credential = createSessionCredential(async (request) => {
      requests.push(request);
      return { accessToken: jwt({ exp: 2_000_000_000, n: n++ }), account: { id: 'a', label: 'a@example.com' } };
    }, 'tenant-1');
    const first = await credential.getToken('https://management.azure.com/.default');
    const second = await credential.getToken(['https://management.azure.com/.default']);
    assert.notEqual(first?.token, second?.token, 'a fresh session per request, nothing stored');
    assert.deepEqual(requests, [
      { scopes: ['https://management.azure.com/.default', 'VSCODE_TENANT:tenant-1'], silent: true },
      { scopes: ['https://management.azure.com/.default', 'VSCODE_TENANT:tenant-1'], silent: true },
    ]);
    assert.equal(first?.expiresOnTimestamp, 2_000_000_000_000);
  });

  it('prefers the tenant the SDK asks for (challenge) over its own', async () => {
    const requests: SessionRequest[] = [];
    const credential = createSessionCredential(async (r) => {
      requests.push(r);
      return { accessToken: 'opaque', account: { id: 'a', label: 'a' } };
    });
    await credential.getToken('s', { tenantId: 'other' });
    assert.deepEqual(requests[0].scopes, ['s', 'VSCODE_TENANT:other']);
  });

  it('throws an error classified as "auth" when there is no session (signed out or expired)', async () => {
    const credential = createSessionCredential(async () => undefined, 't');
    await assert.rejects(credential.getToken('s'), (err: unknown) => {
      assert.equal(describeAzureError(err).kind, 'auth');
      return true;
    });
  });
});

describe('token expiry', () => {
  it('reads the exp claim of a JWT', () => {
    assert.equal(tokenExpiresOn(jwt({ exp: 1_700_000_000 })), 1_700_000_000_000);
  });

  it('assumes a short life for tokens it cannot read', () => {
    assert.equal(tokenExpiresOn('opaque', 1000), 61_000);
    assert.equal(tokenExpiresOn('a.!!!.c', 1000), 61_000);
    assert.equal(tokenExpiresOn(jwt({ sub: 'x' }), 1000), 61_000);
  });
});
