// The CLI's stdout and stderr captured as strings, for tests that call `main(argv, io)` in-process.
import * as os from 'node:os';
import type { CliIO } from '../../../src/cli/main';

export type CapturedCli = CliIO & { out: () => string; err: () => string };

export function captureCli(): CapturedCli {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => ((out += s), true) } as unknown as CliIO['stdout'],
    stderr: { write: (s: string) => ((err += s), true) } as unknown as CliIO['stderr'],
    env: { HOME: os.tmpdir() },
    out: () => out,
    err: () => err,
  };
}
