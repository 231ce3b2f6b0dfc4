// Reads the command line @vscode/test-electron gives a VS Code executable:
//   [launchArgs…] --no-sandbox … --extensionTestsPath=T --extensionDevelopmentPath=D [--user-data-dir=…]
// Flags that only matter to an Electron VS Code (sandbox, GPU, profile folders) are ignored:
// code-server gets fresh folders of its own.
import path from 'node:path';

export interface ShimArguments {
  readonly extensionDevelopmentPath: string;
  readonly extensionTestsPath: string;
  readonly workspace?: string;
}

export function parseShimArguments(argv: readonly string[], cwd = process.cwd()): ShimArguments {
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      positional.push(arg);
      continue;
    }
    const [, name, inline] = match;
    // `--name value` form, for the two paths that matter.
    const value = inline ?? (isPathOption(name) && i + 1 < argv.length ? argv[++i] : '');
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const one = (name: string): string => {
    const found = values.get(name) ?? [];
    if (found.length !== 1) throw new Error(`expected exactly one --${name}, got ${found.length}`);
    return path.resolve(cwd, found[0]);
  };
  return {
    extensionDevelopmentPath: one('extensionDevelopmentPath'),
    extensionTestsPath: one('extensionTestsPath'),
    ...(positional.length > 0 ? { workspace: path.resolve(cwd, positional[0]) } : {}),
  };
}

function isPathOption(name: string): boolean {
  return name === 'extensionDevelopmentPath' || name === 'extensionTestsPath';
}
