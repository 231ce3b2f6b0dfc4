// Quick fixes as data: what to change, not how. src/lint turns an intent into text edits on a
// template; the live check could turn the same intent into a PATCH of the scale set model.

export type FixIntent =
  | { readonly kind: 'set-image-version-latest'; readonly title: string }
  | { readonly kind: 'enable-automatic-os-upgrade'; readonly title: string }
  | { readonly kind: 'add-application-health-extension'; readonly title: string; readonly os: 'Windows' | 'Linux' }
  | { readonly kind: 'disable-windows-automatic-updates'; readonly title: string }
  | { readonly kind: 'raise-api-version'; readonly title: string; readonly apiVersion: string }
  | { readonly kind: 'rename-rolling-policy-property'; readonly title: string; readonly from: string; readonly to: string };

/** The Compute API version the "raise apiVersion" fix writes (supports every property the rules use). */
export const recommendedComputeApiVersion = '2024-07-01';

export const fixes = {
  setImageVersionLatest: (): FixIntent => ({ kind: 'set-image-version-latest', title: "Set the image version to 'latest'" }),
  enableAutomaticOsUpgrade: (): FixIntent => ({
    kind: 'enable-automatic-os-upgrade',
    title: 'Turn on automatic OS image upgrade (enableAutomaticOSUpgrade, useRollingUpgradePolicy)',
  }),
  addHealthExtension: (os: 'Windows' | 'Linux'): FixIntent => ({
    kind: 'add-application-health-extension',
    title: `Add the Application Health extension (ApplicationHealth${os})`,
    os,
  }),
  disableWindowsAutomaticUpdates: (): FixIntent => ({ kind: 'disable-windows-automatic-updates', title: 'Set enableAutomaticUpdates to false' }),
  raiseApiVersion: (): FixIntent => ({ kind: 'raise-api-version', title: `Raise apiVersion to ${recommendedComputeApiVersion}`, apiVersion: recommendedComputeApiVersion }),
  renameRollingPolicyProperty: (from: string, to: string): FixIntent => ({ kind: 'rename-rolling-policy-property', title: `Rename '${from}' to '${to}'`, from, to }),
};
