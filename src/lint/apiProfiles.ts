// A template may set a top-level `apiProfile` instead of per-resource apiVersions (Azure Stack
// Hub). The Compute API version of each profile, as the Azure CLI's profile table lists it
// (azure-cli, azure/cli/core/profiles/_shared.py, MGMT_COMPUTE / virtual_machine_scale_sets).
const computeApiVersionByProfile: Readonly<Record<string, string>> = {
  '2017-03-09-profile': '2016-03-30',
  '2018-03-01-hybrid': '2017-03-30',
  '2019-03-01-hybrid': '2017-12-01',
  '2020-09-01-hybrid': '2020-06-01',
};

/** The Compute apiVersion an API profile implies, or undefined for a profile we do not know. */
export function computeApiVersionOfProfile(profile: string): string | undefined {
  return computeApiVersionByProfile[profile.trim().toLowerCase()];
}
