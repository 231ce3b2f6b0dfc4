// R14 vmss-disk-encryption: early versions of automatic OS image upgrade did not support Azure
// Disk Encryption; reported as information so that the user checks the current support.
import { anyExtension, isDiskEncryptionExtension } from '../extensionKinds';
import { note, pass, type ReadinessRule } from './rule';

export const r14DiskEncryption: ReadinessRule = {
  id: 'R14',
  shapes: ['full', 'partial'],
  evaluate(model) {
    const found = anyExtension(model, isDiskEncryptionExtension);
    if (found.verdict !== 'yes' || !found.extension) return pass('R14', []);
    return note('R14', [{ label: 'extension type', fact: found.extension.type }], {
      origin: found.extension.origin,
      message:
        'R14: the Azure Disk Encryption extension is on this scale set. Automatic OS image upgrades did not support Azure Disk Encryption in early versions; check the current support (or use encryption at host / server-side encryption) before turning them on.',
    });
  },
};
