// The workbench URL is the only way to load a development extension into code-server.
import * as assert from 'node:assert/strict';
import { workbenchUrl } from '../../host/workbenchUrl';

function payloadOf(url: string): [string, string][] {
  return JSON.parse(new URL(url).searchParams.get('payload') ?? 'null') as [string, string][];
}

describe('workbench URL', () => {
  const origin = 'http://127.0.0.1:43210';

  it('opens the folder and passes both paths as vscode-remote URIs naming the server', () => {
    const url = workbenchUrl({ origin, folder: '/tmp/ws', extensionDevelopmentPath: '/repo', extensionTestsPath: '/repo/out/index.js' });
    assert.equal(new URL(url).origin, origin);
    assert.equal(new URL(url).searchParams.get('folder'), '/tmp/ws');
    const payload = new Map(payloadOf(url));
    assert.equal(payload.get('extensionDevelopmentPath'), 'vscode-remote://127.0.0.1:43210/repo');
    assert.equal(payload.get('extensionTestsPath'), 'vscode-remote://127.0.0.1:43210/repo/out/index.js');
    assert.equal(payload.get('skipWelcome'), 'true');
  });

  it('leaves out the tests path for a demo, and percent-encodes unusual path characters', () => {
    const url = workbenchUrl({ origin, folder: '/tmp/my ws', extensionDevelopmentPath: '/home/a b/ext#1' });
    const payload = new Map(payloadOf(url));
    assert.equal(payload.has('extensionTestsPath'), false);
    assert.equal(payload.get('extensionDevelopmentPath'), 'vscode-remote://127.0.0.1:43210/home/a%20b/ext%231');
    assert.equal(new URL(url).searchParams.get('folder'), '/tmp/my ws');
  });
});
