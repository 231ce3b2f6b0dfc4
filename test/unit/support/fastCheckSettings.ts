// Loaded by the unit layer before any test (scripts/test-all.mjs, mocha --require). On CI a failing
// property reports its first counterexample with the seed and path to replay it (then shrink it locally:
// fc.assert(…, { seed, path })) instead of shrinking it there: shrinking cases that each run the real SDK
// against the simulator took longer than the layer's 20 minutes, and the layer then reported nothing at all.
// A layer stopped by that limit reports no counterexample either, so the seed of every property is chosen
// and printed here, first: VMSS_FC_SEED=<seed> replays the same cases.
import fc from 'fast-check';

const replay = process.env.VMSS_FC_SEED?.trim();
if (replay && !/^-?\d+$/.test(replay)) throw new Error(`VMSS_FC_SEED must be the integer seed a run printed, not '${replay}'`);
// A seed of 0 replays too (a falsy test would draw a new one).
const seed = replay ? Number(replay) | 0 : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
console.log(`fast-check seed ${seed} (replay the layer's properties with VMSS_FC_SEED=${seed})`);
fc.configureGlobal({ seed, ...(process.env.CI ? { endOnFailure: true } : {}) });
