// Turns each group's selector into scale set references: resource ids as written, a tag selector over
// the sets listed in its subscriptions, or a Resource Graph query whose `id` column names the sets.
import type { AzureGateway, ScaleSetRef, VirtualMachineScaleSet } from '../../azure/gateway';
import { scaleSetId, scaleSetRefFromId } from '../../azure/gateway';
import type { SetSelector } from './rolloutFile';

export interface SelectedSets {
  readonly refs: readonly ScaleSetRef[];
  /** Why the selector found nothing or could not be evaluated (shown in the plan, never silent). */
  readonly problems: readonly string[];
}

const scaleSetType = /\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/[^/]+$/i;

function tagsMatch(set: VirtualMachineScaleSet, wanted: Readonly<Record<string, string>>): boolean {
  const tags = Object.fromEntries(Object.entries(set.tags ?? {}).map(([k, v]) => [k.toLowerCase(), String(v).toLowerCase()]));
  return Object.entries(wanted).every(([k, v]) => tags[k.toLowerCase()] === v.toLowerCase());
}

/** Lists each subscription's sets once per plan, however many tag selectors read it. */
export class SetCatalog {
  private readonly lists = new Map<string, Promise<VirtualMachineScaleSet[]>>();
  constructor(
    private readonly gateway: AzureGateway,
    private readonly signal?: AbortSignal,
  ) {}

  setsIn(subscriptionId: string): Promise<VirtualMachineScaleSet[]> {
    let list = this.lists.get(subscriptionId.toLowerCase());
    if (!list) {
      list = this.gateway.listScaleSets(subscriptionId, this.signal);
      this.lists.set(subscriptionId.toLowerCase(), list);
    }
    return list;
  }

  async select(selector: SetSelector): Promise<SelectedSets> {
    switch (selector.kind) {
      case 'ids':
        return { refs: selector.ids.map(scaleSetRefFromId), problems: [] };
      case 'tags': {
        const refs: ScaleSetRef[] = [];
        for (const subscription of selector.subscriptions) {
          for (const set of await this.setsIn(subscription)) if (set.id && tagsMatch(set, selector.tags)) refs.push(scaleSetRefFromId(set.id));
        }
        const shown = Object.entries(selector.tags).map(([k, v]) => `${k}=${v}`).join(', ');
        return { refs, problems: refs.length === 0 ? [`no scale set in ${selector.subscriptions.join(', ')} has the tags ${shown}`] : [] };
      }
      case 'query': {
        let rows: Record<string, unknown>[];
        try {
          rows = await this.gateway.queryResources(selector.subscriptions, selector.query, this.signal);
        } catch (err) {
          return { refs: [], problems: [`the Resource Graph query failed: ${(err as Error).message}`] };
        }
        const ids = rows.map((r) => r.id ?? r.ID).filter((id): id is string => typeof id === 'string');
        if (rows.length > 0 && ids.length === 0) return { refs: [], problems: ["the Resource Graph query returns no 'id' column (end it with '| project id')"] };
        const other = ids.filter((id) => !scaleSetType.test(id));
        const refs = ids.filter((id) => scaleSetType.test(id)).map(scaleSetRefFromId);
        return { refs, problems: [...(other.length ? [`the query returned ${other.length} resource(s) that are not scale sets, ignored: ${other.slice(0, 3).join(', ')}`] : []), ...(refs.length === 0 ? ['the Resource Graph query found no scale set'] : [])] };
      }
    }
  }
}

export function sameSet(a: ScaleSetRef, b: ScaleSetRef): boolean {
  return scaleSetId(a).toLowerCase() === scaleSetId(b).toLowerCase();
}
