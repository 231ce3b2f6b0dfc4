// Which VS Code authentication provider signs in to a cloud. Sovereign clouds go through
// `microsoft-sovereign-cloud`, whose own setting `microsoft-sovereign-cloud.environment` selects the
// cloud; we check that it names the cloud the user chose rather than silently signing in elsewhere.
import type { CloudName } from '../azure/clouds';
import { clouds } from '../azure/clouds';

export type AuthProviderId = 'microsoft' | 'microsoft-sovereign-cloud';

/** The value VS Code's `microsoft-sovereign-cloud.environment` must have for a sovereign cloud. */
const sovereignEnvironment: Partial<Record<CloudName, string>> = {
  AzureChinaCloud: 'ChinaCloud',
  AzureUSGovernment: 'USGovernment',
};

export const sovereignEnvironmentSetting = 'microsoft-sovereign-cloud.environment';

export function authProviderFor(cloud: CloudName): AuthProviderId | undefined {
  const provider = clouds[cloud].authProvider;
  return provider === 'none' ? undefined : provider;
}

export function requiredSovereignEnvironment(cloud: CloudName): string | undefined {
  return sovereignEnvironment[cloud];
}
