// What the tree and the commands need from a connection, without VS Code: a gateway per tenant (each
// tenant needs its own token) and the user's tenant choice. Built by createAzureAccess().
import type { CloudName } from '../azure/clouds';
import type { AzureGateway } from '../azure/gateway';
import type { CallStats } from '../azure/callStats';

export interface AzureAccess {
  readonly cloud: CloudName;
  readonly endpoint: string;
  /** Only this tenant's subscriptions (setting `vmssUpgrades.tenant`); undefined: every tenant. */
  readonly tenantId?: string;
  /** A gateway whose tokens are for `tenantId` (undefined: the account's home tenant). */
  gateway(tenantId?: string): AzureGateway;
  /** ARM traffic of every gateway so far. */
  stats(): CallStats;
  /**
   * Makes what the first calls on these subscriptions need before any is sent — the gateways and SDK
   * clients, nothing that needs a token — so that it is done while the user signs in (issue 18).
   */
  prepare?(subscriptions: readonly PreparedSubscription[]): void;
}

/** A subscription and the tenant whose token its calls use (undefined: the home tenant; a guest subscription's: its home tenant). */
export interface PreparedSubscription {
  readonly subscriptionId: string;
  readonly tokenTenant?: string;
}
