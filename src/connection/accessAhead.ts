// The access to Azure made while VS Code signs in or looks up the session (issue 18), with the SDK clients of
// the subscriptions the tree will list at once: nothing in it needs the session (tokens are asked for per
// request), and a first load would otherwise build a client per subscription before sending anything
// (~0.5 ms each). The connection manager takes it when its connection turns out to be the same.
import { preloadSdk } from '../azure/loadSdk';
import type { AzureAccess, PreparedSubscription } from './azureAccess';

export class AccessAhead {
  private prepared: { readonly key: string; readonly access: Promise<AzureAccess | undefined> } | undefined;

  /** Makes the access for `key` (cloud and tenant) once the SDK is loaded; again only for another key. */
  prepare(key: string, make: () => AzureAccess | undefined, subscriptions: readonly PreparedSubscription[]): void {
    if (this.prepared?.key === key) return;
    const access = preloadSdk().then(() => {
      const made = make();
      made?.prepare?.(subscriptions);
      return made;
    });
    access.catch(() => undefined);
    this.prepared = { key, access };
  }

  /** The access prepared for `key`, once: undefined when none was, or for another key (then dropped). */
  async take(key: string): Promise<AzureAccess | undefined> {
    const prepared = this.prepared;
    this.prepared = undefined;
    return prepared?.key === key ? prepared.access.catch(() => undefined) : undefined;
  }

  clear(): void {
    this.prepared = undefined;
  }
}
