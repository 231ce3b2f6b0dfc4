// R11 vmss-expiring-credentials: every OS image upgrade reimages instances and runs the
// extensions again with the settings stored in the model. A SAS token, a storage key or a
// listKeys() result captured at deployment expires or rotates; the next upgrade then fails on
// the first batch (seed rule "keep credentials up to date").
import type { CredentialUse } from '../model';
import { fail, pass, type ReadinessRule } from './rule';

const kindText: Record<CredentialUse['kind'], string> = {
  'list-function': 'a key fetched at deployment',
  'sas-token': 'a SAS token',
  'storage-key': 'a storage account key',
  'secret-in-settings': 'a secret outside protectedSettings',
};

export const r11ExpiringCredentials: ReadinessRule = {
  id: 'R11',
  shapes: ['full', 'partial'],
  evaluate(model) {
    const uses = model.extensions.flatMap((extension) => extension.credentials);
    if (uses.length === 0) return pass('R11', []);
    const details = [...new Set(uses.map((use) => `${use.detail} (${kindText[use.kind]})`))];
    return fail('R11', [], {
      origin: uses[0].origin,
      message: `R11: extension settings depend on credentials that expire or rotate: ${details.join(', ')}. Each OS image upgrade runs the extensions again with the values stored in the model, so an expired token or rotated key fails the first batch. Use a managed identity, or keep these values current with a model update before upgrades.`,
    });
  },
};
