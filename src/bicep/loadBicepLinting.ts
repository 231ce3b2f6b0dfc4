// Loads the Bicep linter on first use. In dist/ the bundler keeps this require as a runtime require
// of dist/bicep-linting.js (scripts/build.mjs); in out/ it loads the compiled module.
export type BicepLintingModule = typeof import('./bicep-linting');

let loaded: BicepLintingModule | undefined;

export function loadBicepLinting(): BicepLintingModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./bicep-linting') as BicepLintingModule;
  return loaded;
}

/** `.bicep` files go to the Bicep linter (`.bicepparam` files are read as values for their template). */
export function isBicepPath(file: string): boolean {
  return /\.bicep$/i.test(file);
}
