// Loads the Azure SDK on first use. In dist/ the bundler keeps this require as a runtime require of
// dist/azure-sdk.js (scripts/build.mjs); in out/ (plain-Node tests) it loads the compiled module.
export type AzureSdk = typeof import('./azure-sdk');

let sdk: AzureSdk | undefined;

export function loadSdk(): AzureSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdk ??= require('./azure-sdk') as AzureSdk;
  return sdk;
}
