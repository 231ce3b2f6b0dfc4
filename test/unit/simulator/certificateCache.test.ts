// Issue 18: the extension's simulator reuses its certificate from its storage folder instead of
// generating a key at every start — only while it is valid, private to its owner and whole. The key is
// ECDSA P-256 (cheap handshakes for a one-threaded server); an RSA one an earlier version cached is replaced.
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
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

  it('makes an ECDSA P-256 certificate for 127.0.0.1, valid 7 days, that a client trusting exactly it accepts', async () => {
    const now = Date.now();
    const generated = generateCertificate({ now });
    const x509 = new X509Certificate(generated.cert);
    assert.equal(x509.publicKey.asymmetricKeyType, 'ec');
    assert.equal(x509.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.ok(x509.verify(x509.publicKey), 'self-signed');
    assert.ok(x509.ca);
    assert.equal(x509.subjectAltName, 'IP Address:127.0.0.1');
    assert.deepEqual(x509.keyUsage, ['1.3.6.1.5.5.7.3.1'], 'extended key usage: TLS server');
    assert.ok(Math.abs(Date.parse(x509.validTo) - (now + 7 * day)) < 2000);
    const server = https.createServer({ key: generated.key, cert: generated.cert }, (_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const body = await new Promise<string>((resolve, reject) =>
        https.get(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`, { ca: generated.cert }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        }).on('error', reject),
      );
      assert.equal(body, 'hello');
    } finally {
      server.close();
    }
  });

  it('replaces an RSA certificate an earlier version cached, although it is still valid', () => {
    const rsa = generateCertificate({ keyType: 'rsa' });
    assert.equal(new X509Certificate(rsa.cert).publicKey.asymmetricKeyType, 'rsa');
    writeFileSync(file, JSON.stringify(rsa), { mode: 0o600 });
    const next = cachedCertificate(dir);
    assert.equal(new X509Certificate(next.cert).publicKey.asymmetricKeyType, 'ec');
    assert.deepEqual(cachedCertificate(dir), next, 'and keeps the new one');
  });

  it('still returns a certificate when the folder cannot be written', () => {
    writeFileSync(path.join(dir, 'blocker'), '');
    const cert = cachedCertificate(path.join(dir, 'blocker', 'sub'));
    assert.ok(new X509Certificate(cert.cert));
  });
});
