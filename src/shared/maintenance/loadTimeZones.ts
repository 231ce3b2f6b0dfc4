// Loads the time-zone libraries on first use. In dist/ the bundler keeps this require as a runtime
// require of dist/time-zones.js (scripts/build.mjs); in out/ (plain-Node tests) it loads the compiled module.
export type TimeZones = typeof import('./time-zones');

let loaded: TimeZones | undefined;

export function timeZones(): TimeZones {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./time-zones') as TimeZones;
  return loaded;
}
