// Builds AzureAccess from a credential per tenant and the client-factory options of the chosen cloud.
// Gateways (and with them SDK clients) are created on first use, so connecting costs nothing until the
// tree asks for data — the SDK bundle is not loaded at activation.
import type { TokenCredential } from '@azure/core-auth';
import type { CloudName } from '../azure/clouds';
import type { ClientFactoryOptions } from '../azure/clientFactory';
import { createClientFactory } from '../azure/clientFactory';
import { ArmGateway } from '../azure/armGateway';
import { lazyTransport } from '../azure/transport';
import type { AzureGateway } from '../azure/gateway';
import { type CallStats, emptyStats } from '../azure/callStats';
import type { AzureAccess, PreparedSubscription } from './azureAccess';

export interface AzureAccessOptions {
  readonly cloud: CloudName;
  readonly tenantId?: string;
  readonly credentialFor: (tenantId: string | undefined) => TokenCredential;
  /** Everything but the credential: endpoint, trust, transport, retries. */
  readonly clientOptions: Omit<ClientFactoryOptions, 'credential'>;
  readonly pollIntervalMs?: number;
}

export function createAzureAccess(options: AzureAccessOptions): AzureAccess {
  const gateways = new Map<string, ArmGateway>();
  // One connection pool for every tenant's clients (azure/transport.ts).
  const clientOptions = { ...options.clientOptions, transport: options.clientOptions.transport ?? lazyTransport(options.clientOptions) };
  const access: AzureAccess = {
    cloud: options.cloud,
    endpoint: options.clientOptions.endpoint,
    tenantId: options.tenantId,
    gateway(tenantId?: string): AzureGateway {
      const key = tenantId?.toLowerCase() ?? '';
      let gateway = gateways.get(key);
      if (!gateway) {
        const factory = createClientFactory({ ...clientOptions, credential: options.credentialFor(tenantId) }, options.pollIntervalMs);
        gateway = new ArmGateway(factory);
        gateways.set(key, gateway);
      }
      return gateway;
    },
    prepare(subscriptions: readonly PreparedSubscription[]): void {
      for (const s of subscriptions) access.gateway(s.tokenTenant).prepare?.([s.subscriptionId]);
    },
    stats(): CallStats {
      const total = emptyStats();
      for (const g of gateways.values()) {
        total.calls += g.stats.calls;
        total.attempts += g.stats.attempts;
        total.throttled += g.stats.throttled;
        total.serverErrors += g.stats.serverErrors;
      }
      return total;
    },
  };
  return access;
}
