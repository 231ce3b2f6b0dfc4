// A self-signed certificate for 127.0.0.1, generated at start: the client trusts exactly this PEM
// (agent: new https.Agent({ ca })), nothing is installed anywhere. The extension's simulator process
// keeps it in its storage folder (issue 18): generating it was most of the simulator's start-up.
//
// Its key is ECDSA P-256, not RSA: every TLS handshake costs the server one signature, ~0.05 ms with
// P-256 against ~1.5 ms with RSA-2048, and the simulator answers on one thread. A first tree load opens
// ~50 connections at once; with RSA they queued ~75 ms behind each other's handshakes, a cost Azure's
// front ends never put on a client (issue 18: measured in bench/tree.bench.ts). pkijs lays out the
// certificate; Node's crypto makes the key and the signature.
import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
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
    if (x509.publicKey.asymmetricKeyType !== 'ec') return undefined; // an RSA one from an older version: replaced (see above)
    return { key: parsed.key, cert: parsed.cert };
  } catch {
    return undefined; // missing, unreadable or damaged
  }
}

const validityMs = 7 * 24 * 60 * 60_000;
const oid = {
  commonName: '2.5.4.3',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

/**
 * A certificate serial from 16 random bytes: a positive INTEGER (RFC 5280 §4.1.2.2) whose first byte is
 * never zero. DER takes an INTEGER's shortest form (X.690 §8.3.2), so a leading 0x00 before a byte below
 * 0x80 is padding that OpenSSL refuses ("illegal padding"): with the bare `& 0x7f` one start in ~256
 * failed to load its own certificate (the simulator's flaky start, CI of session 11).
 */
export function certificateSerial(random: Uint8Array): Uint8Array {
  const serial = Uint8Array.from(random);
  serial[0] = (serial[0] & 0x7f) | 0x40;
  return serial;
}

/** `keyType: 'rsa'` makes what versions before this one kept in the cache (its tests need one). */
export function generateCertificate({
  now = Date.now(),
  keyType = 'ec',
  random = randomBytes(16),
}: { now?: number; keyType?: 'ec' | 'rsa'; random?: Uint8Array } = {}): Certificate {
  const { publicKey, privateKey } = keyType === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificate = new pkijs.Certificate();
  certificate.version = 2; // X.509 v3
  certificate.serialNumber = new asn1js.Integer({ valueHex: certificateSerial(random) });
  const name = () => new pkijs.AttributeTypeAndValue({ type: oid.commonName, value: new asn1js.Utf8String({ value: '127.0.0.1' }) });
  certificate.issuer.typesAndValues.push(name());
  certificate.subject.typesAndValues.push(name());
  certificate.notBefore.value = new Date(now - 60_000);
  certificate.notAfter.value = new Date(now + validityMs);
  certificate.subjectPublicKeyInfo.fromSchema(asn1js.fromBER(publicKey.export({ type: 'spki', format: 'der' })).result);
  // digitalSignature (bit 0) and keyCertSign (bit 5): 1000 01xx, the last two bits unused.
  const keyUsage = new asn1js.BitString({ valueHex: Uint8Array.of(0x84), unusedBits: 2 });
  const sanIp = new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: Uint8Array.of(127, 0, 0, 1) }) });
  certificate.extensions = [
    new pkijs.Extension({ extnID: oid.basicConstraints, critical: true, extnValue: new pkijs.BasicConstraints({ cA: true }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: oid.keyUsage, critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({ extnID: oid.extKeyUsage, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [oid.serverAuth] }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: oid.subjectAltName, extnValue: new pkijs.AltName({ altNames: [sanIp] }).toSchema().toBER(false) }),
  ];
  const algorithm = () =>
    keyType === 'ec' ? new pkijs.AlgorithmIdentifier({ algorithmId: oid.ecdsaWithSha256 }) : new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256WithRsa, algorithmParams: new asn1js.Null() });
  certificate.signature = algorithm();
  certificate.signatureAlgorithm = algorithm();
  const tbs = certificate.encodeTBS().toBER(false);
  certificate.tbsView = new Uint8Array(tbs);
  // Node signs ECDSA as DER (an ECDSA-Sig-Value), the form X.509 carries in its BIT STRING; RSA as PKCS #1 v1.5.
  certificate.signatureValue = new asn1js.BitString({ valueHex: sign('sha256', Buffer.from(tbs), privateKey) });
  const der = Buffer.from(certificate.toSchema(false).toBER(false));
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: toPem(der) };
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
