// Loaded by the unit layer before any test (scripts/test-all.mjs, mocha --require). On CI a failing
// property reports its first counterexample with the seed and path to replay it (then shrink it locally:
// fc.assert(…, { seed, path })) instead of shrinking it there: shrinking cases that each run the real SDK
// against the simulator took longer than the layer's 20 minutes, and the layer then reported nothing at all.
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ endOnFailure: true });
