// The simulator needs no account: a fixed bearer token satisfies the SDK's bearer policy (which refuses
// to run without a credential, azure-sdk.md) and is never sent anywhere but the local simulator.
import type { TokenCredential } from '@azure/core-auth';

export const simulatorCredential: TokenCredential = {
  async getToken() {
    return { token: 'simulator-token', expiresOnTimestamp: Date.now() + 3_600_000, tokenType: 'Bearer' };
  },
};
