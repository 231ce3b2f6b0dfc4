// The orchestrator's core as the extension uses it (planner, executor): its own bundle
// (dist/run-core.js), loaded on the first plan or run, not with the first command (issue 18).
export { planFromAzure, resumeRun, startRun } from '../core/rollout';
// Issue 15: a rehearsal is the same core on a private simulator of a snapshot.
export { readLiveSet } from '../rehearsal/readLiveSet';
export { scenarioFromLive } from '../rehearsal/scenarioFromLive';
export { startRehearsal } from '../rehearsal/runRehearsal';
