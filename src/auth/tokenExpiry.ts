// When a Microsoft Entra access token expires, read from its `exp` claim. VS Code's session object does
// not say; the SDK's bearer policy needs it to refresh in time instead of sending an expired token.
const fallbackLifetimeMs = 60_000;

export function tokenExpiresOn(accessToken: string, now = Date.now()): number {
  const payload = accessToken.split('.')[1];
  if (!payload) return now + fallbackLifetimeMs;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : now + fallbackLifetimeMs;
  } catch {
    // Opaque (non-JWT) tokens: assume a short life so that the next request asks VS Code again.
    return now + fallbackLifetimeMs;
  }
}
