// Which subscriptions the user left expanded, kept across reloads (issue 18). VS Code restores a tree's
// expansion by item id (microsoft/vscode#41413: "Tree view associates the tree node state (expansion &
// selection) to the handle … useful to persist the state"), so after a reload it asks for those
// subscriptions' scale sets right after the subscription list. Knowing them up front lets the tree
// request those lists together with the subscription list: one round trip instead of two.
// Plain Node: the store is VS Code's Memento (globalState) or a map in tests.
import type { PreparedSubscription } from '../connection/azureAccess';

/** The part of vscode.Memento this needs. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** A subscription and the tenant whose token reads it: what an access prepares ahead (azureAccess.ts). */
export type RememberedSubscription = PreparedSubscription;

const storeKey = 'vmssUpgrades.tree.expandedSubscriptions';
/** Enough for any view a person scrolls through; the oldest expansion is forgotten first. */
export const rememberedLimit = 100;

type Stored = Record<string, RememberedSubscription[]>;

export class ExpansionMemory {
  constructor(private readonly store: KeyValueStore) {}

  /** Subscriptions left expanded on this cloud (the simulator's ids never leak into Azure's calls). */
  remembered(cloud: string): readonly RememberedSubscription[] {
    return this.read()[cloud] ?? [];
  }

  setExpanded(cloud: string, subscription: RememberedSubscription, expanded: boolean): void {
    const all = this.read();
    const current = all[cloud] ?? [];
    const id = subscription.subscriptionId.toLowerCase();
    const known = current.find((s) => s.subscriptionId.toLowerCase() === id);
    const unchanged = expanded ? known !== undefined && known.tokenTenant === subscription.tokenTenant : known === undefined;
    if (unchanged) return;
    const others = current.filter((s) => s !== known);
    const next = expanded ? [...others, { subscriptionId: subscription.subscriptionId, ...(subscription.tokenTenant ? { tokenTenant: subscription.tokenTenant } : {}) }].slice(-rememberedLimit) : others;
    // Not awaited: losing one write only costs one round trip after the next reload.
    void this.store.update(storeKey, { ...all, [cloud]: next });
  }

  /** What the store holds, keeping only well-formed entries (another version may have written it). */
  private read(): Stored {
    const value = this.store.get<unknown>(storeKey);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const valid = (s: unknown): s is RememberedSubscription =>
      typeof s === 'object' && s !== null && typeof (s as RememberedSubscription).subscriptionId === 'string' && ['string', 'undefined'].includes(typeof (s as RememberedSubscription).tokenTenant);
    return Object.fromEntries(Object.entries(value).map(([cloud, list]) => [cloud, Array.isArray(list) ? list.filter(valid) : []]));
  }
}
