// SessionSource over VS Code's built-in Microsoft authentication.
import * as vscode from 'vscode';
import type { AuthProviderId } from './authProvider';
import type { AuthSession, SessionSource } from './sessionSource';

export function vscodeSessionSource(providerId: AuthProviderId): SessionSource {
  return async ({ scopes, silent }): Promise<AuthSession | undefined> => {
    const session = silent
      ? await vscode.authentication.getSession(providerId, scopes, { silent: true })
      : await vscode.authentication.getSession(providerId, scopes, { createIfNone: true });
    return session ? { accessToken: session.accessToken, account: { id: session.account.id, label: session.account.label } } : undefined;
  };
}
