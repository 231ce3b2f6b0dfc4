// Loads the Azure SDK on first use. In dist/ the bundler keeps this require as a runtime require of
// dist/azure-sdk.js (scripts/build.mjs); in out/ (plain-Node tests) it loads the compiled module.
export type AzureSdk = typeof import('./azure-sdk');

let sdk: AzureSdk | undefined;
let preloading: Promise<void> | undefined;

export function loadSdk(): AzureSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdk ??= require('./azure-sdk') as AzureSdk;
  return sdk;
}

export function isSdkLoaded(): boolean {
  return sdk !== undefined;
}

/**
 * Loads the SDK on the next turn of the event loop, while the caller waits for something else (a
 * sign-in, the simulator's start): the first tree load then does not pay for it (issue 18). Loading is
 * synchronous, so it is deferred rather than done inside the caller's turn.
 */
export function preloadSdk(): Promise<void> {
  preloading ??= new Promise((resolve) =>
    setImmediate(() => {
      try {
        loadSdk();
        // The SDK's form-data policy reads `FormData` on every request; the first read makes Node load its
        // fetch implementation (undici), ~35 ms on this machine — here, instead of on the first request.
        void globalThis.FormData;
      } finally {
        resolve();
      }
    }),
  );
  return preloading;
}
