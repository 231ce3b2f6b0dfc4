// Loads the Azure SDK on first use. In dist/ the bundler keeps this require as a runtime require of
// dist/azure-sdk.js (scripts/build.mjs); in out/ (plain-Node tests) it loads the compiled module.
import { warmCollation } from '../shared/collation';
import { lazyBundle } from '../shared/lazyBundle';

export type AzureSdk = typeof import('./azure-sdk');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = lazyBundle(() => require('./azure-sdk') as AzureSdk);
let preloading: Promise<void> | undefined;

export function loadSdk(): AzureSdk {
  return bundle.load();
}

export function isSdkLoaded(): boolean {
  return bundle.isLoaded();
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
        // The first load sorts subscriptions and scale sets by name: ICU's collation data loads here instead.
        warmCollation();
      } finally {
        resolve();
      }
    }),
  );
  return preloading;
}
