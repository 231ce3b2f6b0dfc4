// R11 vmss-expiring-credentials: every OS image upgrade reimages instances and runs the
// extensions again with the settings stored in the model. A SAS token, a storage key, a client /
// service-principal secret or a listKeys() result captured at deployment expires or rotates; the
// next upgrade then fails on the first batch (seed rule "keep credentials up to date"). A SAS
// written into the template whose `se=` (signed expiry) is already past fails now: an error.
import type { Issue } from '../findings';
import type { CredentialUse } from '../model';
import { fail, pass, type ReadinessRule } from './rule';

const kindText: Record<CredentialUse['kind'], string> = {
  'list-function': 'a key fetched at deployment',
  'sas-token': 'a SAS token',
  'storage-key': 'a storage account key',
  'client-secret': 'a client / service-principal secret, which expires',
  'secret-in-settings': 'a secret outside protectedSettings',
};

/** The SAS uses whose expiry is before `now` (judged only with an injected clock). */
function expired(uses: readonly CredentialUse[], now: number | undefined): CredentialUse[] {
  if (now === undefined) return [];
  return uses.filter((use) => {
    if (!use.expiresAt) return false;
    const at = Date.parse(use.expiresAt);
    return Number.isFinite(at) && at < now;
  });
}

export const r11ExpiringCredentials: ReadinessRule = {
  id: 'R11',
  shapes: ['full', 'partial'],
  evaluate(model, context) {
    const uses = model.extensions.flatMap((extension) => extension.credentials);
    if (uses.length === 0) return pass('R11', []);
    const details = [...new Set(uses.map((use) => `${use.detail} (${kindText[use.kind]})`))];
    const evaluation = fail('R11', [], {
      origin: uses[0].origin,
      message: `R11: extension settings depend on credentials that expire or rotate: ${details.join(', ')}. Each OS image upgrade runs the extensions again with the values stored in the model, so an expired token or rotated key fails the first batch. Use a managed identity, or keep these values current with a model update before upgrades.`,
    });
    const expiredIssues: Issue[] = expired(uses, context.now).map((use) => ({
      kind: 'violation',
      severity: 'error',
      origin: use.origin,
      message: `R11: the SAS token in the extension settings expired on ${use.expiresAt} (se=): the next OS image upgrade runs the extension with it and fails on the first batch. Issue a new token (or use a managed identity) and update the model before upgrading.`,
    }));
    return { ...evaluation, issues: [...expiredIssues, ...evaluation.issues] };
  },
};
