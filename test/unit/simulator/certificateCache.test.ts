// Issue 18: the extension's simulator reuses its certificate from its storage folder instead of
// generating an RSA key at every start — only while it is valid, private to its owner and whole.
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedCertificate, certificateCacheFileName, generateCertificate } from '../../../src/simulator/transport/certificate';

const day = 24 * 60 * 60_000;
const posix = process.platform !== 'win32';

describe('simulator certificate cache (issue 18)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vmss-cert-'));
    file = path.join(dir, certificateCacheFileName);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates once, writes the file with mode 0600, and reuses it on the next start', () => {
    const first = cachedCertificate(dir);
    if (posix) assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(cachedCertificate(dir), first);
    assert.ok(new X509Certificate(first.cert).checkIP('127.0.0.1'));
  });

  it('replaces a certificate that ends within a day (it is valid 7 days)', () => {
    const first = cachedCertificate(dir);
    assert.deepEqual(cachedCertificate(dir, Date.now() + 5 * day), first, 'still two days to go');
    const renewed = cachedCertificate(dir, Date.now() + 6.5 * day);
    assert.notEqual(renewed.cert, first.cert);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), renewed);
  });

  it('replaces a damaged file, and a key that does not belong to the certificate', () => {
    writeFileSync(file, '{"key": "not a key"', { mode: 0o600 });
    const fresh = cachedCertificate(dir);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), fresh);
    writeFileSync(file, JSON.stringify({ key: generateCertificate().key, cert: fresh.cert }), { mode: 0o600 });
    assert.notEqual(cachedCertificate(dir).cert, fresh.cert);
  });

  (posix ? it : it.skip)('does not reuse a key others could read (mode wider than 0600)', () => {
    const first = cachedCertificate(dir);
    chmodSync(file, 0o644);
    const next = cachedCertificate(dir);
    assert.notEqual(next.cert, first.cert);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('still returns a certificate when the folder cannot be written', () => {
    writeFileSync(path.join(dir, 'blocker'), '');
    const cert = cachedCertificate(path.join(dir, 'blocker', 'sub'));
    assert.ok(new X509Certificate(cert.cert));
  });
});
