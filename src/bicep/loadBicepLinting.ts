// Loads the Bicep linter on first use. In dist/ the bundler keeps this require as a runtime require
// of dist/bicep-linting.js (scripts/build.mjs); in out/ it loads the compiled module.
import { lazyBundle } from '../shared/lazyBundle';

export type BicepLintingModule = typeof import('./bicep-linting');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = lazyBundle(() => require('./bicep-linting') as BicepLintingModule);

export function loadBicepLinting(): BicepLintingModule {
  return bundle.load();
}

/** `.bicep` files go to the Bicep linter (`.bicepparam` files are read as values for their template). */
export function isBicepPath(file: string): boolean {
  return /\.bicep$/i.test(file);
}
