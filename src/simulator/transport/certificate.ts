// A self-signed certificate for 127.0.0.1, generated at start: the client trusts exactly this PEM
// (agent: new https.Agent({ ca })), nothing is installed anywhere. The extension's simulator process
// keeps it in its storage folder (issue 18): generating it was most of the simulator's start-up.
import { X509Certificate, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import selfsigned from 'selfsigned';
import { certificateCacheVariable } from './certificateCacheVariable';

export interface Certificate {
  readonly key: string;
  readonly cert: string;
}

let cached: Certificate | undefined;

export const certificateCacheFileName = 'simulator-certificate.json';
/** A cached certificate this close to its end (it is valid 7 days) is replaced. */
const renewBeforeMs = 24 * 60 * 60_000;

/** One certificate per process: from the cache folder when the launcher names one, else generated (~0.1–1 s). */
export function simulatorCertificate(): Certificate {
  const cacheDir = process.env[certificateCacheVariable];
  cached ??= cacheDir ? cachedCertificate(cacheDir) : generateCertificate();
  return cached;
}

/**
 * The certificate kept in `dir` while it is valid for more than a day, readable by its owner only and
 * its key matches; otherwise a new one, written there with mode 0600 (a write failure only costs the reuse).
 */
export function cachedCertificate(dir: string, now = Date.now()): Certificate {
  const file = path.join(dir, certificateCacheFileName);
  const reusable = readReusable(file, now);
  if (reusable) return reusable;
  const fresh = generateCertificate();
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(fresh), { mode: 0o600 });
    chmodSync(temp, 0o600); // the mode applies on creation only
    renameSync(temp, file); // atomic: a concurrent reader sees the old file or the new one
  } catch {
    // Not cached: the next start generates again.
  }
  return fresh;
}

function readReusable(file: string, now: number): Certificate | undefined {
  try {
    // Readable by others: the key may have been read, so it is not reused (POSIX modes only).
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) return undefined;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Certificate>;
    if (typeof parsed.key !== 'string' || typeof parsed.cert !== 'string') return undefined;
    const x509 = new X509Certificate(parsed.cert);
    if (Date.parse(x509.validFrom) > now || Date.parse(x509.validTo) - renewBeforeMs <= now) return undefined;
    if (!x509.checkPrivateKey(createPrivateKey(parsed.key))) return undefined;
    return { key: parsed.key, cert: parsed.cert };
  } catch {
    return undefined; // missing, unreadable or damaged
  }
}

export function generateCertificate(): Certificate {
  // Node's native RSA key generation takes milliseconds; node-forge's pure-JS one most of a second.
  const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
  const options = {
    keyPair: { privateKey: keyPair.privateKey, publicKey: keyPair.publicKey },
    days: 7,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  };
  const pems = selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], options as Parameters<typeof selfsigned.generate>[1]);
  return { key: pems.private, cert: pems.cert };
}
