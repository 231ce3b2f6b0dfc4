// Loads the core on the first plan or run. In dist/ the bundler keeps this require as a runtime require
// of dist/run-core.js (scripts/build.mjs); in out/ it loads the compiled module.
export type RunCore = typeof import('./run-core');

let core: RunCore | undefined;

export function loadRunCore(): RunCore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  core ??= require('./run-core') as RunCore;
  return core;
}
