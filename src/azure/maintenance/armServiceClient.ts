// A plain `@azure/core-client` ServiceClient for ARM REST families that have no SDK package
// (Microsoft.Maintenance): the factory gives it the same credential, endpoint, retry and policies as
// the SDK clients, so the simulator, the call statistics and the host guard see it like any other.
import { ServiceClient, type ServiceClientOptions } from '@azure/core-client';
import type { TokenCredential } from '@azure/core-auth';

export class ArmServiceClient extends ServiceClient {
  constructor(credential: TokenCredential, options: ServiceClientOptions & { credentialScopes: string[] }) {
    super({ requestContentType: 'application/json; charset=utf-8', ...options, credential });
  }
}
