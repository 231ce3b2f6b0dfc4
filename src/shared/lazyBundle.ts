// One lazily loaded bundle (issue 18): the module is required on the first `load()` and kept. The
// require itself stays at the caller as a literal `require('./<name>')`, because both places it runs
// resolve it relative to the calling file: esbuild keeps exactly that literal as a runtime require of
// dist/<name>.js (scripts/build.mjs), and in out/ (plain-Node tests) Node finds the compiled module
// next to the caller. A helper that built the path from a name would resolve it next to itself instead.
export interface LazyBundle<T> {
  /** Requires the bundle the first time; later calls return the same module. */
  load(): T;
  /** Whether `load()` ran (nothing is required to answer). */
  isLoaded(): boolean;
}

export function lazyBundle<T>(requireBundle: () => T): LazyBundle<T> {
  let loaded: T | undefined;
  return {
    load: () => (loaded ??= requireBundle()),
    isLoaded: () => loaded !== undefined,
  };
}
