// The lease tag on a scale set: one driver per set, across windows, machines and pipelines (issue 17).
// The tag's value names the holder, the run and when the lease expires; it is written only with If-Match
// on the ETag just read (scaleSetLease.ts), so of two writers exactly one wins.
//
// Limits (Learn, "Use tags to organize your Azure resources and management hierarchy", Limitations):
// at most 50 tag name-value pairs per resource, a tag value of at most 256 characters, a tag name of at
// most 512 and without the characters < > % & \ ? /.
import * as os from 'node:os';

export const leaseTagName = 'vmss-upgrades.lease';
export const maxTagsPerResource = 50;
export const maxTagValueLength = 256;

export interface Lease {
  /** Who drives the set: user@machine, or a pipeline and its build id. */
  readonly holder: string;
  /** The run that holds it; a resumed run re-takes its own lease by this id. */
  readonly runId: string;
  /** Epoch ms (the run's clock); a lease past it is stale and may be broken on purpose. */
  readonly expiresAt: number;
}

const fieldOf = (value: string, key: string): string | undefined => new RegExp(`(?:^|;)\\s*${key}=([^;]*)`).exec(value)?.[1]?.trim();

/** `holder=…; run=…; expires=ISO`: readable in the portal, parseable here. */
export function formatLease(lease: Lease): string {
  const clean = (s: string) => s.replace(/[;=]/g, '_').trim();
  const tail = `; run=${clean(lease.runId)}; expires=${new Date(lease.expiresAt).toISOString()}`;
  return `holder=${clean(lease.holder).slice(0, maxTagValueLength - tail.length - 'holder='.length)}${tail}`;
}

/** A tag value another writer left unreadable still counts as held, by "unknown", never as free. */
export function parseLease(value: string): Lease {
  const expires = Date.parse(fieldOf(value, 'expires') ?? '');
  return {
    holder: fieldOf(value, 'holder') || `unknown (tag value '${value.slice(0, 80)}')`,
    runId: fieldOf(value, 'run') ?? '',
    // No readable expiry: treat as expired, so that it can be broken on purpose (never silently).
    expiresAt: Number.isFinite(expires) ? expires : 0,
  };
}

export function describeLease(lease: Lease, now: number): string {
  const when = new Date(lease.expiresAt).toISOString();
  const expiry = lease.expiresAt <= now ? `expired at ${when}` : `until ${when}`;
  return `${lease.holder}${lease.runId ? ` (run ${lease.runId})` : ''}, ${expiry}`;
}

/** This process's name as a holder: a pipeline run when one is detected, else user@machine. */
export function defaultLeaseHolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TF_BUILD && env.BUILD_BUILDID) return `azure-pipelines ${env.SYSTEM_TEAMPROJECT ?? ''}/${env.BUILD_DEFINITIONNAME ?? ''} build ${env.BUILD_BUILDID}`.replace(/ \/ /, ' ');
  if (env.GITHUB_ACTIONS && env.GITHUB_RUN_ID) return `github-actions ${env.GITHUB_REPOSITORY ?? ''} run ${env.GITHUB_RUN_ID}`;
  let user = env.USER ?? env.USERNAME ?? 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (containers): the environment's name stands.
  }
  return `${user}@${os.hostname()}`;
}
