// An OS-image maintenance configuration assigned to a scale set confines the platform's automatic OS
// upgrades to its window (Learn, "Maintenance control for OS image upgrades on Azure Virtual Machine
// Scale Sets": the configuration decides when automatic OS image upgrades are applied). Outside the
// window a due upgrade waits for the next window, and a platform rollout in progress starts no further
// batch until the next window opens. Unverified (not documented): whether Azure lets a batch begun
// just before the end run past it — here a batch that started inside the window finishes; and what
// happens after expirationDateTime — here no further automatic upgrade starts.
import { compileWindow, nextWindow, openWindowAt } from '../../shared/maintenance/occurrences';
import { scaleSetId } from '../state/ids';
import type { ScaleSet } from '../state/model';
import type { World } from '../state/world';

export type WindowVerdict = { readonly open: true } | { readonly open: false; readonly nextStart?: number };

/** Whether the set's OS-image window (if any) is open now; when not, when it next opens. */
export function osImageWindowVerdict(world: World, set: ScaleSet): WindowVerdict {
  const window = world.maintenance.osImageWindowOf(scaleSetId(set));
  if (!window) return { open: true };
  let compiled;
  try {
    compiled = compileWindow(window);
  } catch {
    // A window the simulator accepted always compiles; one given by a scenario might not: treat as no window.
    return { open: true };
  }
  if (openWindowAt(compiled, world.now)) return { open: true };
  const next = nextWindow(compiled, world.now);
  return next ? { open: false, nextStart: next.start } : { open: false };
}
