// Names that say a value is a credential which expires or rotates (R11): SAS tokens, storage
// account keys, and client / service-principal secrets (an app registration's client secret has
// an end date and is rotated). Read from parameter names, object-property names along an access
// path (`parameters('config').storage.sasToken`) and settings keys (`"clientSecret": …`).
import type { CredentialKind } from '../readiness/model';

const sasName = /sas/i;
const storageKeyName = /(storage|account).*key|key.*(storage|account)|^storagekey/i;
const clientSecretName = /(client|app|application|aad|principal|sp)[-_]?(secret|password)|secret[-_]?(client|app)|^clientsecret$/i;

export function credentialKindOfName(name: string): CredentialKind | undefined {
  if (sasName.test(name)) return 'sas-token';
  if (storageKeyName.test(name)) return 'storage-key';
  if (clientSecretName.test(name)) return 'client-secret';
  return undefined;
}

/** A SAS signature in a URL or query string (`…?sv=…&se=…&sig=…`). */
export const sasInText = /[?&]sig=[^&]+/i;

/** The `se=` (signed expiry) of a SAS written out, as written (decoded), or undefined. */
export function sasExpiry(text: string): string | undefined {
  const match = /[?&]se=([^&'"\s]+)/i.exec(text);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
