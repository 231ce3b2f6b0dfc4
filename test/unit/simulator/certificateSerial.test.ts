// The simulator's certificate must load in OpenSSL whatever random bytes its serial got. A serial
// starting 0x00 0x7f… is not DER (X.690 §8.3.2: an INTEGER in its shortest form) and Node refused the
// certificate with "illegal padding": one simulator start in ~256 failed (CI, session 11).
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import fc from 'fast-check';
import { certificateSerial, generateCertificate } from '../../../src/simulator/transport/certificate';

describe('simulator certificate serial (RFC 5280 §4.1.2.2, DER)', () => {
  it('loads into a TLS context when the random bytes start with zeros, the case that failed', () => {
    for (const random of [new Uint8Array(16), Uint8Array.of(0x00, 0x01, ...new Uint8Array(14)), Uint8Array.of(0x80, 0x00, ...new Uint8Array(14))]) {
      const { key, cert } = generateCertificate({ random });
      assert.doesNotThrow(() => tls.createSecureContext({ key, cert }), `random ${Buffer.from(random).toString('hex')}`);
      const serial = new X509Certificate(cert).serialNumber;
      assert.equal(serial.length, 32, `16 octets, no padding: ${serial}`);
    }
  });

  it('is always 16 octets, positive and minimally encoded (first octet in 0x40–0x7f)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (random) => {
        const serial = certificateSerial(random);
        assert.equal(serial.length, 16);
        assert.ok(serial[0] >= 0x40 && serial[0] <= 0x7f, `first octet ${serial[0]}`);
        assert.deepEqual(serial.subarray(1), random.subarray(1), 'the other 15 octets stay random');
      }),
    );
  });

  it('does not change the caller\'s bytes', () => {
    const random = new Uint8Array(16);
    certificateSerial(random);
    assert.equal(random[0], 0);
  });
});
