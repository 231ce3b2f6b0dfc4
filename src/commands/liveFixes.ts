// Readiness fixes (src/readiness/fixIntents.ts: what to change) turned into a PATCH of a live scale
// set model (how). Pure, so every fix is unit-tested; the enable command sends the result through
// gateway.updateScaleSet. Fixes that only make sense in a template (apiVersion, property names) have
// no live form.
import type { VirtualMachineScaleSet, VirtualMachineScaleSetUpdate } from '../azure/gateway';
import type { FixIntent } from '../readiness/fixIntents';

/** H3: what the Application Health extension probes inside each VM. */
export interface HealthEndpoint {
  readonly protocol: 'http' | 'https' | 'tcp';
  readonly port: number;
  /** http/https only. */
  readonly requestPath?: string;
}

/** Parses `http:80/health`, `https:443/`, `tcp:22`; undefined when it is none of these. */
export function parseHealthEndpoint(text: string): HealthEndpoint | undefined {
  const m = /^(https?|tcp):(\d{1,5})(\/\S*)?$/i.exec(text.trim());
  if (!m) return undefined;
  const protocol = m[1].toLowerCase() as HealthEndpoint['protocol'];
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  if (protocol === 'tcp') return m[3] ? undefined : { protocol, port };
  return { protocol, port, requestPath: m[3] ?? '/' };
}

/** The fixes this module can apply to a live set. */
export const liveFixKinds: ReadonlySet<FixIntent['kind']> = new Set(['set-image-version-latest', 'add-application-health-extension', 'disable-windows-automatic-updates']);

export function isLiveFix(intent: FixIntent): boolean {
  return liveFixKinds.has(intent.kind);
}

const galleryVersion = /^(.*\/galleries\/[^/]+\/images\/[^/]+)\/versions\/[^/]+$/i;

/** The PATCH body for one fix, or undefined when the fix has no live form (or nothing to change). */
export function liveFixUpdate(intent: FixIntent, set: VirtualMachineScaleSet, endpoint?: HealthEndpoint): VirtualMachineScaleSetUpdate | undefined {
  const profile = set.virtualMachineProfile;
  switch (intent.kind) {
    case 'set-image-version-latest': {
      // R1: a platform image runs `latest`; a gallery image references the definition, not a version.
      const image = profile?.storageProfile?.imageReference;
      if (!image) return undefined;
      const gallery = image.id ? galleryVersion.exec(image.id) : null;
      if (gallery) return { virtualMachineProfile: { storageProfile: { imageReference: { id: gallery[1] } } } };
      if (!image.publisher || !image.offer || !image.sku) return undefined;
      return { virtualMachineProfile: { storageProfile: { imageReference: { publisher: image.publisher, offer: image.offer, sku: image.sku, version: 'latest' } } } };
    }
    case 'add-application-health-extension': {
      // H3: one health source per set (R13); the extension list is replaced as a whole by a PATCH.
      const existing = profile?.extensionProfile?.extensions ?? [];
      const health = endpoint ?? { protocol: 'http', port: 80, requestPath: '/' };
      return {
        virtualMachineProfile: {
          extensionProfile: {
            ...profile?.extensionProfile,
            extensions: [
              ...existing,
              {
                name: 'HealthExtension',
                publisher: 'Microsoft.ManagedServices',
                typePropertiesType: `ApplicationHealth${intent.os}`,
                typeHandlerVersion: '2.0',
                autoUpgradeMinorVersion: true,
                settings: { protocol: health.protocol, port: health.port, ...(health.requestPath ? { requestPath: health.requestPath } : {}) },
              },
            ],
          },
        },
      };
    }
    case 'disable-windows-automatic-updates':
      // R5: required from API 2019-03-01; omitted means true.
      return { virtualMachineProfile: { osProfile: { windowsConfiguration: { ...profile?.osProfile?.windowsConfiguration, enableAutomaticUpdates: false } } } };
    default:
      return undefined;
  }
}
