// `vmss-upgrades simulator`: the first stdout line is {"url","ca"}; it serves HTTPS until SIGTERM.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as https from 'node:https';
import path from 'node:path';
import { createInterface } from 'node:readline';

// Runs from test/unit/simulator (tsx) or out/test/unit/simulator (compiled): main sits at the same depth.
const main = path.join(__dirname, '../../../src/cli/main');
const fromSource = __filename.endsWith('.ts');

function cli(args: string[]) {
  const script = `require(${JSON.stringify(main)}).main(${JSON.stringify(args)}).then((c) => { process.exitCode = c; })`;
  return spawn(process.execPath, [...(fromSource ? ['--require', 'tsx/cjs'] : []), '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function get(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, headers: { authorization: 'Bearer cli-test' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('vmss-upgrades simulator (CLI)', function () {
  this.timeout(30_000);

  it('prints {url, ca} first, serves HTTPS on 127.0.0.1, and stops on SIGTERM', async () => {
    const child = cli(['simulator', '--time-scale', '600']);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', () => reject(new Error('exited before printing')));
    });
    const { url, ca } = JSON.parse(first) as { url: string; ca: string };
    assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.match(ca, /BEGIN CERTIFICATE/);
    const res = await get(`${url}/subscriptions?api-version=2022-12-01`, ca);
    assert.equal(res.status, 200);
    assert.equal((JSON.parse(res.body) as { value: unknown[] }).value.length, 2);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });

  it('rejects a bad --port with exit code 2', async () => {
    const child = cli(['simulator', '--port', 'eighty']);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--port must be an integer/);
  });
});
