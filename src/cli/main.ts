// `vmss-upgrades` — the command line face of the same core the extension uses.
// Each subcommand lives in its own file under ./commands and is registered here, once.
import { parseArgs } from 'node:util';
import { commands } from './commands';

export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  /** Time for expiry checks (lint R11); the real clock when not given (tests inject a fixed one). */
  readonly clock?: { now(): number };
}

export interface CliCommand {
  readonly summary: string;
  readonly usage: string;
  /** Options in node:util parseArgs form. */
  readonly options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  run(values: Record<string, unknown>, positionals: string[], io: CliIO): Promise<number>;
}

function help(io: CliIO): number {
  io.stdout.write('Usage: vmss-upgrades <command> [options]\n\nCommands:\n');
  for (const [name, cmd] of Object.entries(commands)) io.stdout.write(`  ${name.padEnd(12)} ${cmd.summary}\n`);
  io.stdout.write('\nRun `vmss-upgrades <command> --help` for the options of one command.\n');
  return 0;
}

export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return help(io);
  const cmd = commands[name];
  if (!cmd) {
    io.stderr.write(`vmss-upgrades: unknown command '${name}'. Run 'vmss-upgrades --help'.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${cmd.usage}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    io.stderr.write(`vmss-upgrades ${name}: ${(err as Error).message}\n${cmd.usage}\n`);
    return 2;
  }
  return cmd.run(parsed.values as Record<string, unknown>, parsed.positionals, io);
}
