// Loads the core on the first plan or run. In dist/ the bundler keeps this require as a runtime require
// of dist/run-core.js (scripts/build.mjs); in out/ it loads the compiled module.
import { lazyBundle } from '../shared/lazyBundle';

export type RunCore = typeof import('./run-core');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = lazyBundle(() => require('./run-core') as RunCore);

export function loadRunCore(): RunCore {
  return bundle.load();
}
