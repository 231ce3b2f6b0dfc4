// Builds an AzureGateway from command-line flags, shared by every CLI command that talks to Azure:
// `--endpoint URL --ca FILE` for the simulator (a static bearer token: it checks only that one is
// sent), otherwise DefaultAzureCredential from @azure/identity against Azure, loaded only here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ArmGateway } from '../azure/armGateway';
import { createClientFactory } from '../azure/clientFactory';
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import { clouds } from '../azure/clouds';
import { type Clock, ScaledClock } from '../shared/clock';

export const connectionOptions = {
  subscription: { type: 'string' },
  'resource-group': { type: 'string' },
  name: { type: 'string' },
  endpoint: { type: 'string' },
  ca: { type: 'string' },
  'time-scale': { type: 'string' },
  'poll-interval': { type: 'string' },
  journal: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const connectionUsage = `Scale set:   --subscription ID --resource-group RG --name NAME
Connection:  --endpoint URL --ca FILE   the simulator (its certificate); without them: Azure via DefaultAzureCredential
             --time-scale N             simulated ms per real ms (match the simulator's); default 1
             --poll-interval MS         long-running operation poll interval in real ms; default 2000
Journal:     --journal DIR              default ~/.vmss-upgrades/journal
Output:      --json`;

/** The simulator accepts any bearer token; it must only be present. */
export function staticTokenCredential(token = 'vmss-upgrades-simulator'): TokenCredential {
  return { getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

export class UsageError extends Error {}

function text(values: Record<string, unknown>, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function scaleSetRefFrom(values: Record<string, unknown>): ScaleSetRef {
  const subscriptionId = text(values, 'subscription');
  const resourceGroup = text(values, 'resource-group');
  const name = text(values, 'name');
  const missing = [!subscriptionId && '--subscription', !resourceGroup && '--resource-group', !name && '--name'].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`Missing ${missing.join(', ')}`);
  return { subscriptionId: subscriptionId!, resourceGroup: resourceGroup!, name: name! };
}

export function positiveNumber(values: Record<string, unknown>, key: string, fallback: number): number {
  const raw = text(values, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`--${key} must be a positive number, got ${raw}`);
  return n;
}

export function clockFrom(values: Record<string, unknown>): Clock {
  return new ScaledClock(positiveNumber(values, 'time-scale', 1));
}

export function journalDirFrom(values: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  return text(values, 'journal') ?? path.join(env.HOME ?? env.USERPROFILE ?? os.homedir(), '.vmss-upgrades', 'journal');
}

async function azureCredential(): Promise<TokenCredential> {
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}

export async function gatewayFrom(values: Record<string, unknown>): Promise<AzureGateway> {
  const endpoint = text(values, 'endpoint');
  const caFile = text(values, 'ca');
  const pollIntervalMs = positiveNumber(values, 'poll-interval', 2000);
  if (caFile && !endpoint) throw new UsageError('--ca needs --endpoint');
  if (endpoint) {
    const url = new URL(endpoint);
    if (url.protocol !== 'https:') throw new UsageError('--endpoint must be an https:// URL (the SDK sends tokens only over TLS)');
    const ca = caFile ? fs.readFileSync(caFile, 'utf8') : undefined;
    const factory = createClientFactory({ credential: staticTokenCredential(), endpoint, ...(ca ? { ca } : {}), allowedHosts: [url.hostname] }, pollIntervalMs);
    return new ArmGateway(factory);
  }
  const factory = createClientFactory({ credential: await azureCredential(), endpoint: clouds.AzureCloud.resourceManager }, pollIntervalMs);
  return new ArmGateway(factory);
}
