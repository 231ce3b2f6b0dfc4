// Loads the time-zone libraries on first use. In dist/ the bundler keeps this require as a runtime
// require of dist/time-zones.js (scripts/build.mjs); in out/ (plain-Node tests) it loads the compiled module.
import { lazyBundle } from '../lazyBundle';

export type TimeZones = typeof import('./time-zones');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundle = lazyBundle(() => require('./time-zones') as TimeZones);

export function timeZones(): TimeZones {
  return bundle.load();
}
