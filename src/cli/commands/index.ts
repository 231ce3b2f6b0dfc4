// The registry of subcommands: one import and one entry per command file.
import type { CliCommand } from '../main';
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
  explain: explainCommand,
  snapshot: snapshotCommand,
  rehearse: rehearseCommand,
};
