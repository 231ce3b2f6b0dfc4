// R11 credential flow (spec R11, issue 14 hole 3): credentials are followed through object
// parameter properties, variables and concatenation into extension settings; client /
// service-principal secrets count; a SAS written out whose se= is past is an error (judged by
// the injected clock).
import assert from 'node:assert/strict';
import { lintTemplateText, type LintOptions } from '../../../src/lint/lintTemplate';
import { scaleSet, template } from './templateBuilder';

const health = { name: 'health', properties: { publisher: 'Microsoft.ManagedServices', type: 'ApplicationHealthLinux', typeHandlerVersion: '2.0', settings: { port: 80 } } };
const script = (settings: unknown, protectedSettings?: unknown) => ({
  name: 'script',
  properties: { publisher: 'Microsoft.Azure.Extensions', type: 'CustomScript', typeHandlerVersion: '2.1', settings, ...(protectedSettings ? { protectedSettings } : {}) },
});

function r11(extension: unknown, extra: Record<string, unknown> = {}, options: LintOptions = {}) {
  return lintTemplateText(template([scaleSet({ extensions: [health, extension] })], extra), options).findings.filter((f) => f.rule === 'R11');
}

const fixedClock = (iso: string) => ({ now: () => Date.parse(iso) });
const sasUrl = 'https://store.blob.core.windows.net/scripts/run.sh?sv=2022-11-02&se=2024-01-31T00%3A00%3A00Z&sr=b&sp=r&sig=abc%3D';

describe('R11 credential flow (issue 14 hole 3)', () => {
  it('follows an object parameter property (config.storage.sasToken) through a variable and concat() into settings', () => {
    const [finding] = r11(script({ fileUris: ["[variables('scriptUri')]"] }), {
      parameters: { config: { type: 'object', defaultValue: { storage: { sasToken: '' } } } },
      variables: { scriptUri: "[concat('https://x/run.sh?', parameters('config').storage.sasToken)]" },
    });
    assert.ok(finding);
    assert.match(finding.message, /parameters\('config'\)\.storage\.sasToken \(a SAS token\)/);
  });

  it("counts a client secret reached through an object parameter's property (indexed access too)", () => {
    const [finding] = r11(script({}, { commandToExecute: "[concat('login --secret ', parameters('sp')['clientSecret'])]" }), {
      parameters: { sp: { type: 'secureObject' } },
    });
    assert.match(finding.message, /parameters\('sp'\)\['clientSecret'\] \(a client \/ service-principal secret, which expires\)/);
  });

  it('counts a service-principal secret parameter and a clientSecret settings key holding any value', () => {
    const [byName] = r11(script({}, { commandToExecute: "[concat('az login --service-principal -p ', parameters('servicePrincipalSecret'))]" }), {
      parameters: { servicePrincipalSecret: { type: 'securestring' } },
    });
    assert.match(byName.message, /parameters\('servicePrincipalSecret'\) \(a client \/ service-principal secret/);
    const [byKey] = r11(script({}, { clientSecret: "[parameters('x')]" }), { parameters: { x: { type: 'securestring' } } });
    assert.match(byKey.message, /settings key 'clientSecret' \(a client \/ service-principal secret/);
  });

  it("finds a SAS URL in an object parameter's default value", () => {
    const [finding] = r11(script({ fileUris: ["[parameters('artifacts').uri]"] }), { parameters: { artifacts: { type: 'object', defaultValue: { uri: sasUrl } } } });
    assert.match(finding.message, /a SAS URL in the default of parameters\('artifacts'\) \(a SAS token\)/);
  });

  it('reports a literal SAS whose se= is past as an error, judged by the injected clock', () => {
    const after = r11(script({ fileUris: [sasUrl] }), {}, { clock: fixedClock('2026-12-04T00:00:00Z') });
    const expired = after.filter((f) => f.severity === 'error');
    assert.equal(expired.length, 1);
    assert.match(expired[0].message, /expired on 2024-01-31T00:00:00Z/);
    const before = r11(script({ fileUris: [sasUrl] }), {}, { clock: fixedClock('2024-01-01T00:00:00Z') });
    assert.deepEqual(before.map((f) => f.severity), ['warning']);
  });

  it('reads the expiry of a SAS written inside an expression (concat of literals)', () => {
    const [expired] = r11(script({ fileUris: [`[concat('${sasUrl}', '')]`] }), {}, { clock: fixedClock('2026-12-04T00:00:00Z') });
    assert.equal(expired.severity, 'error');
  });

  it('does not count a settings key that only names a storage account, or an empty secret key', () => {
    assert.deepEqual(r11(script({ storageAccountName: 'logs', clientSecret: '' })), []);
  });
});
