// The URL that opens the workbench with our extension loaded as a development extension.
// code-server rejects --extensionDevelopmentPath on its command line; the `payload` query is the
// only way in, and its URIs must be vscode-remote:// URIs naming the server's host:port (with
// file:// URIs the extension never loads and the run hangs).
import path from 'node:path';

export interface WorkbenchTarget {
  readonly origin: string;
  readonly folder: string;
  readonly extensionDevelopmentPath?: string;
  readonly extensionTestsPath?: string;
}

export function workbenchUrl(target: WorkbenchTarget): string {
  const authority = new URL(target.origin).host;
  const remote = (file: string) => `vscode-remote://${authority}${encodePath(path.resolve(file))}`;
  const payload: [string, string][] = [];
  if (target.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  const query = `folder=${encodeURIComponent(path.resolve(target.folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return `${target.origin}/?${query}`;
}

function encodePath(absolute: string): string {
  return absolute.split('/').map(encodeURIComponent).join('/');
}
