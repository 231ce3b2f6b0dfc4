// What the credential needs from an authentication provider: a session for some scopes, asked for
// silently or interactively. VS Code's `authentication.getSession` is one (vscodeSessionSource.ts);
// tests pass their own.
export interface SessionAccount {
  readonly id: string;
  readonly label: string;
}

export interface AuthSession {
  readonly accessToken: string;
  readonly account: SessionAccount;
}

export interface SessionRequest {
  /** Resource scopes plus `VSCODE_TENANT:<id>` when a tenant is chosen. */
  readonly scopes: readonly string[];
  /** true: never show UI — resolve undefined when there is no session. */
  readonly silent: boolean;
}

export type SessionSource = (request: SessionRequest) => Promise<AuthSession | undefined>;

/** VS Code's Microsoft provider picks the tenant from a pseudo-scope. */
export function tenantScope(tenantId: string): string {
  return `VSCODE_TENANT:${tenantId}`;
}

export function sessionScopes(resourceScopes: readonly string[], tenantId?: string): string[] {
  return tenantId ? [...resourceScopes, tenantScope(tenantId)] : [...resourceScopes];
}
