// Explains a request Azure refused at once (an ARM error answer, not a failed upgrade): starting an OS
// rolling upgrade while one runs or on a pinned image (A6), cancelling when none runs, turning on
// Rolling mode or automatic OS upgrades without a health signal or on a pinned image (A1, R15), an
// operation on an instance that is busy. A refused request changes nothing, so nothing is in Azure's
// upgrade history: the error itself is the evidence. Instances are named where the message names a VM.
import type { InstanceSnapshot, ScaleSetRef } from '../../azure/gateway';
import { describeAzureError } from '../../azure/azureError';
import { entryForCode, type FixContext } from './catalogue';
import { evidenceOf, type InstanceEvidence } from './evidence';
import { explainFailure, type Explanation } from './explanation';

/** The VMs a Compute message names ("… on VM 'web_3' …"), as instance ids of the set. */
function namedInstances(ref: ScaleSetRef, message: string, instances: readonly InstanceSnapshot[]): InstanceEvidence[] {
  const out: InstanceEvidence[] = [];
  for (const m of message.matchAll(/\bVM '([^']+)'/g)) {
    const vmName = m[1];
    const snapshot = instances.find((s) => s.name === vmName || `${ref.name}_${s.instanceId}` === vmName);
    const instanceId = snapshot?.instanceId ?? (vmName.startsWith(`${ref.name}_`) ? vmName.slice(ref.name.length + 1) : vmName);
    out.push({ ...(snapshot ? evidenceOf(snapshot) : {}), instanceId, error: message });
  }
  return out;
}

/**
 * `request` is what was asked (e.g. "start the OS rolling upgrade"); `instances` are the set's instance
 * views when the caller has them (evidence for the instances the message names).
 */
export function explainRefusal(ref: ScaleSetRef, request: string, err: unknown, instances: readonly InstanceSnapshot[] = []): Explanation {
  const { code, statusCode, message } = describeAzureError(err);
  const ctx: FixContext = { ...ref, instanceIds: [] };
  const entry = entryForCode(code, message);
  const summary = `Azure refused to ${request}${statusCode ? ` (${statusCode}${code ? ` ${code}` : ''})` : code ? ` (${code})` : ''}; the request changed nothing. ${message}`;
  const failures = entry ? [explainFailure(entry.id, ctx, { ...(code ? { code } : {}), detail: message, instances: namedInstances(ref, message, instances) })] : [];
  return { source: 'platform', scaleSet: ref, status: 'refused', failed: true, summary, failures };
}
