// The registry of subcommands: one import and one entry per command file.
import type { CliCommand } from '../main';
import { fleetCommand } from './fleet';
import { explainCommand } from './explain';
import { historyCommand } from './history';
import { lintCommand } from './lint';
import { planCommand } from './plan';
import { rehearseCommand } from './rehearse';
import { resumeCommand } from './resume';
import { runCommand } from './run';
import { simulatorCommand } from './simulator';
import { snapshotCommand } from './snapshot';

export const commands: Record<string, CliCommand> = {
  plan: planCommand,
  run: runCommand,
  resume: resumeCommand,
  history: historyCommand,
  lint: lintCommand,
  simulator: simulatorCommand,
  fleet: fleetCommand,
  explain: explainCommand,
  snapshot: snapshotCommand,
  rehearse: rehearseCommand,
};
