#!/usr/bin/env node
// Executable stand-in for VS Code, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// See codeShim.ts. Loads the TypeScript source through tsx, so it needs no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./codeShim.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
