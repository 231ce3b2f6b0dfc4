// The registry of subcommands: one import and one entry per command file.
import type { CliCommand } from '../main';

export const commands: Record<string, CliCommand> = {
};
