// Runs the CLI in-process with streams for stdout and stderr, for the lint tests that assert on the
// exit code and on what the command printed (text, json, sarif).
import { PassThrough } from 'node:stream';
import { main } from '../../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `vmss-upgrades <args>` with an empty environment; resolves when the command exits. */
export async function runCli(args: string[]): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (d) => (chunks.out += String(d)));
  stderr.on('data', (d) => (chunks.err += String(d)));
  const code = await main(args, { stdout, stderr, env: {} });
  return { code, stdout: chunks.out, stderr: chunks.err };
}
