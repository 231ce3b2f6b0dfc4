// The orchestrator's core as the extension uses it (planner, executor): its own bundle
// (dist/run-core.js), loaded on the first plan or run, not with the first command (issue 18).
export { planFromAzure, resumeRun, startRun } from '../core/rollout';
