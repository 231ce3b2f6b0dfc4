// Loads the extension's features on first use. In dist/ the bundler keeps this require as a runtime
// require of dist/extension-features.js (scripts/build.mjs); in out/ it loads the compiled module.
import { lazyBundle } from '../shared/lazyBundle';

export type FeaturesModule = typeof import('./extension-features');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const features = lazyBundle(() => require('./extension-features') as FeaturesModule);

export function loadFeaturesModule(): FeaturesModule {
  return features.load();
}

export type TemplateLintingModule = typeof import('./template-linting');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const templateLinting = lazyBundle(() => require('./template-linting') as TemplateLintingModule);

export function loadTemplateLintingModule(): TemplateLintingModule {
  return templateLinting.load();
}
