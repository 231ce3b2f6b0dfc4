// Loads the webview host on the first dashboard (issue 18). In dist/ the bundler keeps this require as a
// runtime require of dist/webview-host.js (scripts/build.mjs); in out/ it loads the compiled module.
import { lazyBundle } from '../shared/lazyBundle';

export type WebviewHostModule = typeof import('./webview-host');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = lazyBundle(() => require('./webview-host') as WebviewHostModule);

export function loadWebviewHost(): WebviewHostModule {
  return bundle.load();
}
