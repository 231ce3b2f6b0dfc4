// Locates the vendored ARM template corpus from source (tsx) and compiled (out/) tests alike.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'test', 'fixtures'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export const corpusDirectory = path.join(repositoryRoot(), 'test', 'fixtures', 'arm-corpus');

export function corpusFiles(): string[] {
  return readdirSync(corpusDirectory)
    .filter((name) => name.endsWith('.json') && name !== 'expected.json')
    .sort();
}

export function readCorpusFile(name: string): string {
  return readFileSync(path.join(corpusDirectory, name), 'utf8');
}

export interface ExpectedFile {
  readonly file: string;
  readonly findings: Readonly<Record<string, string>>;
}

export function expectedFindings(): ExpectedFile[] {
  return (JSON.parse(readCorpusFile('expected.json')) as { files: ExpectedFile[] }).files;
}
