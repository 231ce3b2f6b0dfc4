// A TokenCredential over an authentication session (issue 4). It never stores a token: every call asks
// the session source again (silently), which hands back its own cached or refreshed session. The SDK's
// bearer policy keeps the token only until the expiry read from the token itself.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { type SessionSource, sessionScopes } from './sessionSource';
import { tokenExpiresOn } from './tokenExpiry';

/** Named like @azure/identity's error so describeAzureError() classifies it as 'auth'. */
export class AuthenticationRequiredError extends Error {
  override readonly name = 'AuthenticationRequiredError';
  constructor(
    message: string,
    readonly tenantId?: string,
  ) {
    super(message);
  }
}

export function createSessionCredential(source: SessionSource, tenantId?: string): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      const tenant = options?.tenantId ?? tenantId;
      const session = await source({ scopes: sessionScopes(typeof scopes === 'string' ? [scopes] : scopes, tenant), silent: true });
      if (!session) {
        throw new AuthenticationRequiredError(
          tenant ? `Sign-in required for tenant ${tenant}: no session is available.` : 'Sign-in required: no Azure session is available.',
          tenant,
        );
      }
      return { token: session.accessToken, expiresOnTimestamp: tokenExpiresOn(session.accessToken), tokenType: 'Bearer' };
    },
  };
}
