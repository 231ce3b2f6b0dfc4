// The redaction rules every log line and telemetry property goes through (issue 8).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSensitiveData, holdsPrivateData, redactArmPath, redactText, redactUrl } from '../../../src/shared/redact';

const sub = '6f1c2a0e-3b4d-4e5f-9a8b-7c6d5e4f3a2b';
const vmssPath = `/subscriptions/${sub}/resourceGroups/rg-payments-prod/providers/Microsoft.Compute/virtualMachineScaleSets/payments-web`;

describe('redactArmPath', () => {
  it('replaces the subscription, the resource group and every resource name, keeping the API shape', () => {
    assert.equal(
      redactArmPath(`${vmssPath}/virtualMachines/3/reimage`),
      '/subscriptions/<subscription>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>/virtualMachines/<name>/reimage',
    );
  });

  it('keeps the literal names of the API (rollingUpgrades/latest, rollingUpgrades/cancel)', () => {
    assert.equal(redactArmPath(`${vmssPath}/rollingUpgrades/latest`), '/subscriptions/<subscription>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>/rollingUpgrades/latest');
    assert.equal(redactArmPath(`${vmssPath}/manualupgrade`).endsWith('/virtualMachineScaleSets/<name>/manualupgrade'), true);
  });

  it('matches the keywords case-insensitively, as ARM does', () => {
    assert.equal(redactArmPath('/SUBSCRIPTIONS/abc/RESOURCEGROUPS/rg1'), '/SUBSCRIPTIONS/<subscription>/RESOURCEGROUPS/<resourceGroup>');
  });

  it('redacts tenants and subscription-level provider lists', () => {
    assert.equal(redactArmPath(`/tenants/${sub}`), '/tenants/<tenant>');
    assert.equal(
      redactArmPath(`/subscriptions/${sub}/providers/Microsoft.Compute/virtualMachineScaleSets`),
      '/subscriptions/<subscription>/providers/Microsoft.Compute/virtualMachineScaleSets',
    );
  });
});

describe('redactUrl', () => {
  it('keeps the cloud host and the api-version, drops names and other query values', () => {
    const url = `https://management.azure.com${vmssPath}/virtualMachines?api-version=2026-03-01&%24expand=instanceView&%24skiptoken=secretish`;
    assert.equal(
      redactUrl(url),
      'https://management.azure.com/subscriptions/<subscription>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>/virtualMachines?api-version=2026-03-01&%24expand=instanceView&%24skiptoken=<redacted>',
    );
  });

  it('keeps the local simulator address readable and hides any other host', () => {
    assert.equal(redactUrl('https://127.0.0.1:8443/subscriptions/x'), 'https://127.0.0.1:8443/subscriptions/<subscription>');
    assert.equal(redactUrl('https://build-agent-17.corp.example/subscriptions/x'), 'https://<host>/subscriptions/<subscription>');
  });

  it('redacts LRO status URLs (location and operation id)', () => {
    const url = `https://management.azure.com/subscriptions/${sub}/providers/Microsoft.Compute/locations/westeurope/operations/${sub}?api-version=2026-03-01`;
    assert.equal(redactUrl(url), 'https://management.azure.com/subscriptions/<subscription>/providers/Microsoft.Compute/locations/<name>/operations/<name>?api-version=2026-03-01');
  });

  it('never throws on something that is not a URL', () => {
    assert.equal(redactUrl('http://[not a url'), '<url>');
  });
});

describe('redactText', () => {
  const cases: Array<[string, string, string]> = [
    ['a GUID', `tenant ${sub} selected`, 'tenant <guid> selected'],
    ['a resource id', `reimaged ${vmssPath}/virtualMachines/4`, 'reimaged /subscriptions/<subscription>/resourceGroups/<resourceGroup>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>/virtualMachines/<name>'],
    ['a bearer token', 'Authorization: Bearer abc.DEF-123_xyz==', 'Authorization: Bearer <token>'],
    ['a JWT', 'token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end', 'token <jwt> end'],
    ['an IPv4 address', 'connect ECONNREFUSED 10.1.2.3:443', 'connect ECONNREFUSED <ip>:443'],
    ['an IPv6 address', 'from fe80::1ff:fe23:4567:890a now', 'from <ip> now'],
    ['a POSIX path', 'opened /home/alice/work/deploy.json', 'opened <path>'],
    ['a home-relative path', 'read ~/infra/vmss.json', 'read <path>'],
    ['a Windows path', 'opened C:\\Users\\alice\\deploy.json', 'opened <path>'],
    ['a file URI', 'see file:///home/alice/deploy.json', 'see <path>'],
    ['an e-mail address', 'signed in as alice@contoso.com', 'signed in as <email>'],
    ['an OAuth parameter', 'callback?code=1&access_token=abcdef', 'callback?code=1&access_token=<redacted>'],
  ];
  for (const [what, input, expected] of cases) {
    it(`redacts ${what}`, () => assert.equal(redactText(input), expected));
  }

  it('leaves ordinary messages alone: times, versions, ratios, error codes', () => {
    for (const text of [
      'batch 2/5 done at 12:30:45',
      'image 18.04.202401010 → 20.04.202402020',
      'RollingUpgradeInProgress (409) after 1.5 s',
      'and/or',
      'loopback 127.0.0.1:8443 is fine',
    ]) {
      assert.equal(redactText(text), text, text);
      assert.equal(holdsPrivateData(text), false, text);
    }
  });

  it('is idempotent and leaves nothing a scan would find (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/);
    const resourceId = fc
      .tuple(fc.uuid(), name, name, fc.nat(99))
      .map(([s, rg, n, i]) => `/subscriptions/${s}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachineScaleSets/${n}/virtualMachines/${i}`);
    const token = fc.base64String({ minLength: 12, maxLength: 40 }).map((t) => `Bearer ${t}`);
    const piece = fc.oneof(fc.uuid(), resourceId, token, fc.ipV4(), fc.constantFrom('ok', 'batch 1/3', ' ', '"', '(', '12:00:01'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join(' ');
        const once = redactText(text);
        assert.deepEqual(findSensitiveData(once), []);
        assert.equal(redactText(once), once);
      }),
    );
  });
});

describe('findSensitiveData', () => {
  it('finds GUIDs, resource ids, bearer tokens, JWTs and given literals', () => {
    const text = `${sub} ${vmssPath} Bearer abcdefghijkl eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig /tmp/ws-1`;
    const kinds = findSensitiveData(text, ['/tmp/ws-1']).map((f) => f.kind);
    assert.deepEqual([...new Set(kinds)].sort(), ['bearerToken', 'guid', 'jwt', 'literal', 'resourceId']);
  });

  it('does not flag the placeholders redaction leaves behind', () => {
    assert.deepEqual(findSensitiveData(redactText(`Bearer abcdefghijkl ${vmssPath}`)), []);
  });
});
