// Loads the extension's features on first use. In dist/ the bundler keeps this require as a runtime
// require of dist/extension-features.js (scripts/build.mjs); in out/ it loads the compiled module.
export type FeaturesModule = typeof import('./extension-features');

export function loadFeaturesModule(): FeaturesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./extension-features') as FeaturesModule;
}

export type TemplateLintingModule = typeof import('./template-linting');

export function loadTemplateLintingModule(): TemplateLintingModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./template-linting') as TemplateLintingModule;
}
