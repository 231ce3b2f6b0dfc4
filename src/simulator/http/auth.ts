// Bearer authentication as ARM does it: any non-empty bearer token is accepted (the simulator has no
// identity provider), a missing or malformed one is a 401 with ARM's codes and a WWW-Authenticate
// challenge without claims (so the SDK's bearer policy does not try to re-authenticate).
import { ArmError } from '../armError';
import type { SimRequest } from './message';

const challenge = 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."';

export function requireBearer(req: SimRequest): void {
  const header = req.headers.get('authorization');
  if (header === undefined || header.trim() === '') {
    throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", undefined, { 'www-authenticate': challenge });
  }
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) {
    throw new ArmError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', undefined, {
      'www-authenticate': challenge.replace("missing 'Authorization' header", 'an invalid access token'),
    });
  }
}
