// A self-signed certificate for 127.0.0.1, generated at start: the client trusts exactly this PEM
// (agent: new https.Agent({ ca })), nothing is installed anywhere.
import { generateKeyPairSync } from 'node:crypto';
import selfsigned from 'selfsigned';

export interface Certificate {
  readonly key: string;
  readonly cert: string;
}

let cached: Certificate | undefined;

/** One certificate per process: generated at the first start (RSA key generation costs ~0.1–1 s). */
export function simulatorCertificate(): Certificate {
  cached ??= generateCertificate();
  return cached;
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
