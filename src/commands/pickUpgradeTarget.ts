// The target step of "Run OS Upgrade with the Embedded Orchestrator…": the newest or a listed version of
// a platform image (A7), another SKU (A3, O9), a newer version of the set's gallery image (O9, A4, listed
// like A7), or a gallery / managed image id typed in and checked.
import * as vscode from 'vscode';
import type { VirtualMachineScaleSet } from '../azure/gateway';
import { galleryImageIdOf } from '../shared/imageId';
import type { UpgradeTarget } from '../core/contract';
import { compareImageVersions } from '../core/imageVersion';
import { imageIdProblem, newerGalleryVersions } from './galleryVersions';
import type { ScaleSetTarget } from './scaleSetTarget';

interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}

type Kind = 'latest' | 'version' | 'sku' | 'galleryVersion' | 'image';

async function pick<T>(title: string, placeHolder: string, items: Choice<T>[] | Promise<Choice<T>[]>): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }))?.value;
}

function kindsFor(set: VirtualMachineScaleSet): Choice<Kind>[] {
  const id = set.virtualMachineProfile?.storageProfile?.imageReference?.id;
  const imageChoice: Choice<Kind> = { label: vscode.l10n.t('Another SKU or gallery image…'), description: vscode.l10n.t('a gallery image, gallery image version or managed image id (O9)'), value: 'image' };
  if (id) {
    const definition = galleryImageIdOf(id);
    return [...(definition ? [{ label: vscode.l10n.t('A newer version of its gallery image…'), description: vscode.l10n.t('versions Azure lists for {0} (O9, A4)', definition.split('/').pop() ?? definition), value: 'galleryVersion' as const }] : []), imageChoice];
  }
  return [
    { label: vscode.l10n.t('Newest version of the current image'), description: 'A7', value: 'latest' },
    { label: vscode.l10n.t('A specific version…'), description: vscode.l10n.t('upgrade, pin or roll back (A7)'), value: 'version' },
    { label: vscode.l10n.t('Another SKU of the same offer…'), description: vscode.l10n.t('a model change (A3, O9)'), value: 'sku' },
    { ...imageChoice, label: vscode.l10n.t('A gallery or managed image…') },
  ];
}

async function platformVersion(target: ScaleSetTarget, set: VirtualMachineScaleSet, title: string): Promise<UpgradeTarget | undefined> {
  const image = set.virtualMachineProfile?.storageProfile?.imageReference;
  const versions = (async () => {
    const list = await target.gateway.listImageVersions(target.ref.subscriptionId, set.location, image?.publisher ?? '', image?.offer ?? '', image?.sku ?? '');
    return [...list].sort((a, b) => compareImageVersions(b, a)).map((v, i) => ({ label: v, description: i === 0 ? vscode.l10n.t('newest') : undefined, value: v }));
  })();
  const version = await pick(title, vscode.l10n.t('Versions Azure lists for this image (A7)'), versions);
  return version ? { kind: 'version', version } : undefined;
}

async function galleryVersion(target: ScaleSetTarget, set: VirtualMachineScaleSet, title: string): Promise<UpgradeTarget | undefined> {
  const items = (async (): Promise<Choice<string | undefined>[]> => {
    const found = await newerGalleryVersions(target.gateway, target.ref, set);
    const running = found?.running.join(', ') || '?';
    if (!found || found.choices.length === 0) return [{ label: vscode.l10n.t('No newer version is usable in {0} (the instances run {1})', set.location, running), value: undefined }];
    return found.choices.map((c) => ({
      label: c.version,
      description: [c.latest ? vscode.l10n.t('latest') : '', c.excludeFromLatest ? vscode.l10n.t('excluded from latest (A4)') : ''].filter(Boolean).join(' · ') || undefined,
      detail: vscode.l10n.t('Instances run {0}{1}', running, c.publishedDate ? vscode.l10n.t('; published {0}', c.publishedDate.toISOString().slice(0, 10)) : ''),
      value: c.id,
    }));
  })();
  const id = await pick(title, vscode.l10n.t('Newer versions of the gallery image, usable in {0}', set.location), items);
  return id ? { kind: 'image', id } : undefined;
}

async function typedImageId(title: string): Promise<UpgradeTarget | undefined> {
  const id = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Gallery image (definition or version) or managed image resource id'),
    placeHolder: '/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…/images/…[/versions/…]',
    ignoreFocusOut: true,
    validateInput: (v) => (imageIdProblem(v) ? vscode.l10n.t('Enter a /subscriptions/…/providers/Microsoft.Compute/galleries/…/images/…[/versions/…] or …/images/… id') : undefined),
  });
  return id ? { kind: 'image', id: id.trim() } : undefined;
}

/** `set`: the scale set as its caller already reads it (one GET for the whole flow). */
export async function pickUpgradeTarget(target: ScaleSetTarget, title: string, set = target.gateway.getScaleSet(target.ref)): Promise<UpgradeTarget | undefined> {
  const kind = await pick(title, vscode.l10n.t('What should the instances run?'), set.then(kindsFor));
  switch (kind) {
    case undefined:
      return undefined;
    case 'latest':
      return { kind: 'latest' };
    case 'version':
      return platformVersion(target, await set, title);
    case 'galleryVersion':
      return galleryVersion(target, await set, title);
    case 'sku': {
      const sku = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('The SKU to move to (same publisher and offer, A3)'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a SKU')) });
      return sku ? { kind: 'sku', sku: sku.trim() } : undefined;
    }
    case 'image':
      return typedImageId(title);
  }
}
