// The normalized scale set the readiness rules (R1–R16) evaluate. Two adapters build it:
// src/lint (an ARM template, with positions and unresolved expressions) and fromLive.ts (a
// scale set returned by @azure/arm-compute). Every value carries where it came from.
import type { Value } from './value';

/** Character range in the source document (templates only). */
export interface SourceRange {
  readonly offset: number;
  readonly length: number;
}

export interface Origin {
  /** Where the value came from, for people: `variables('image').version`, `properties.upgradePolicy.mode`. */
  readonly description: string;
  readonly range?: SourceRange;
}

/** A value as the rules see it: set, not set (Azure's default applies), or only known at deployment time. */
export type Fact =
  | { readonly state: 'set'; readonly value: Value; readonly origin: Origin }
  | { readonly state: 'absent'; readonly origin: Origin }
  | {
      readonly state: 'unknown';
      readonly reason: string;
      readonly alternatives?: readonly (Value | undefined)[];
      /** The property itself may be missing (it is read from a value only known at deployment). */
      readonly mayBeAbsent?: boolean;
      readonly origin: Origin;
    };

export interface ExtensionModel {
  readonly origin: Origin;
  readonly name: Fact;
  readonly publisher: Fact;
  readonly type: Fact;
  readonly typeHandlerVersion: Fact;
  /** `settings.durabilityLevel` (Service Fabric). */
  readonly durabilityLevel: Fact;
  /** Credentials the extension's settings depend on (R11), found by the adapter. */
  readonly credentials: readonly CredentialUse[];
}

export type CredentialKind = 'list-function' | 'sas-token' | 'storage-key' | 'client-secret' | 'secret-in-settings';

export interface CredentialUse {
  readonly kind: CredentialKind;
  /** A literal SAS token's expiry (`se=`), ISO 8601 as written, when the token is in the template. */
  readonly expiresAt?: string;
  /** What was found, e.g. `listKeys()` or `parameters('_artifactsLocationSasToken')`. */
  readonly detail: string;
  readonly origin: Origin;
}

export interface RollingPolicyProperty {
  readonly name: string;
  readonly nameOrigin: Origin;
  readonly value: Fact;
}

/** The Service Fabric cluster's node type this scale set backs (template: the cluster resource). */
export interface ServiceFabricNodeType {
  readonly name: Fact;
  readonly durabilityLevel: Fact;
  readonly isStateless: Fact;
}

/** A Microsoft.Maintenance/maintenanceConfigurations resource with maintenanceScope OSImage (RW1). */
export interface OsImageMaintenanceWindow {
  readonly origin: Origin;
  /** `maintenanceWindow.duration`, "hh:mm". */
  readonly duration: Fact;
  /** `maintenanceWindow.recurEvery`, e.g. "Day", "Week Saturday". */
  readonly recurEvery: Fact;
}

export type ModelShape =
  /** A complete scale set model: every rule applies. */
  | 'full'
  /** A partial or update-only profile (e.g. only an extensionProfile). */
  | 'partial'
  /** No virtualMachineProfile: an update of an existing set (only sku) or a Flexible shell. */
  | 'no-profile';

export interface ScaleSetModel {
  /** Human label for findings: the resolved name, or the name expression. */
  readonly label: string;
  /** The resource itself (for findings about the whole resource). */
  readonly origin: Origin;
  readonly shape: ModelShape;
  readonly apiVersion: Fact;
  readonly orchestrationMode: Fact;
  /** Windows or Linux, derived from osDisk.osType, the OS configuration or the image. */
  readonly osType: Fact;
  readonly imageReference: Fact;
  readonly imagePublisher: Fact;
  readonly imageOffer: Fact;
  readonly imageSku: Fact;
  readonly imageVersion: Fact;
  readonly imageId: Fact;
  readonly sharedGalleryImageId: Fact;
  readonly communityGalleryImageId: Fact;
  readonly plan: Fact;
  /** `storageProfile.osDisk.image.uri` — an unmanaged VHD image. */
  readonly osDiskImageUri: Fact;
  readonly upgradeMode: Fact;
  readonly enableAutomaticOSUpgrade: Fact;
  readonly useRollingUpgradePolicy: Fact;
  /** A1 `automaticOSUpgradePolicy.osRollingUpgradeDeferral` (Compute 2023-09-01 and later); absent in older builders. */
  readonly osRollingUpgradeDeferral?: Fact;
  /** The pre-2018-10-01 preview property `upgradePolicy.automaticOSUpgrade`. */
  readonly legacyAutomaticOSUpgrade: Fact;
  readonly rollingUpgradePolicy: Fact;
  readonly rollingUpgradePolicyProperties: readonly RollingPolicyProperty[];
  readonly automaticRepairsEnabled: Fact;
  readonly enableAutomaticUpdates: Fact;
  readonly windowsPatchMode: Fact;
  readonly linuxPatchMode: Fact;
  readonly healthProbeId: Fact;
  /** SKU name of the load balancer that holds the health probe (absent = Basic). */
  readonly healthProbeLoadBalancerSku: Fact;
  readonly singlePlacementGroup: Fact;
  readonly extensions: readonly ExtensionModel[];
  /** Set when the extension list itself is only known at deployment time. */
  readonly extensionsUnknown?: { readonly reason: string; readonly origin: Origin };
  readonly serviceFabricNodeType?: ServiceFabricNodeType;
  /** OS-image maintenance configurations that govern the set (templates: those declared with it); undefined when not known. */
  readonly osImageMaintenanceWindows?: readonly OsImageMaintenanceWindow[];
}
