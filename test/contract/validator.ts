// Validates recorded exchanges (src/simulator/http/exchangeRecorder.ts) against the REST description
// with Azure's own traffic validator, oav's LiveValidator: path + method + api-version → operation,
// request body and parameters, declared status code (else `default` = the ARM error shape), response
// body schema (required, types, enums). oav does not check LRO headers, so one protocol rule is added
// here: a 201/202 of an x-ms-long-running-operation must carry the headers that status declares
// (Azure-AsyncOperation or Location), as the description says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LiveValidator } from 'oav';
import type { RecordedExchange } from '../../src/simulator/http/exchangeRecorder';
import { ownDescriptionDir, type SpecSource } from './specSource';
import { throttlingProblems } from './throttlingRules';

export interface ExchangeVerdict {
  /** operationId, or `(none)` when no operation of the description matches. */
  readonly operation: string;
  readonly problems: readonly string[];
}

interface LroRule {
  readonly lro: boolean;
  readonly headers: Readonly<Record<string, readonly string[]>>;
}

const LRO_HEADERS = ['azure-asyncoperation', 'location'];

/** operationId → which LRO headers each status declares, read from our description. */
function lroRules(repoRoot: string): Map<string, LroRule> {
  const rules = new Map<string, LroRule>();
  const dir = ownDescriptionDir(repoRoot);
  for (const file of ['compute-2026-03-01.json', 'gallery-2025-03-03.json', 'subscriptions-2022-12-01.json', 'resourcegraph-2021-06-01-preview.json', 'maintenance-2023-04-01.json', 'alertsmanagement-2019-03-01.json', 'monitor-metrics-2024-02-01.json']) {
    const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { paths: Record<string, Record<string, { operationId: string; 'x-ms-long-running-operation'?: boolean; responses: Record<string, { headers?: Record<string, unknown> }> }>> };
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        const headers: Record<string, string[]> = {};
        for (const [status, response] of Object.entries(op.responses)) {
          headers[status] = Object.keys(response.headers ?? {})
            .map((h) => h.toLowerCase())
            .filter((h) => LRO_HEADERS.includes(h));
        }
        rules.set(op.operationId, { lro: op['x-ms-long-running-operation'] === true, headers });
      }
    }
  }
  return rules;
}

function isArmError(body: unknown): boolean {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

function withJsonType(headers: Record<string, string>, body: unknown): Record<string, string> {
  return body === undefined ? headers : { 'content-type': 'application/json', ...headers };
}

/**
 * The Location URL the simulator hands out for an LRO (`…/operations/{id}?monitor=true`): ARM's
 * contract for it is 202 while running, then the operation's final response (200 with its result, or
 * 200/204 without a body for POST actions), or the ARM error. No spec file declares it as an operation.
 */
const LOCATION_MONITOR = /\/providers\/Microsoft\.Compute\/locations\/[^/]+\/operations\/[^/?]+\?(.*&)?monitor=true/i;

function locationMonitorVerdict(exchange: RecordedExchange): ExchangeVerdict {
  const operation = 'Simulator_LocationMonitor';
  if (exchange.status === 202 || exchange.status === 200 || exchange.status === 204) return { operation, problems: [] };
  if (exchange.status >= 400 && isArmError(exchange.responseBody)) return { operation, problems: [] };
  return { operation, problems: [`Location monitor answered ${exchange.status}${isArmError(exchange.responseBody) ? '' : ' without the ARM error shape'}`] };
}

/**
 * ARM's cloud metadata (`/metadata/endpoints`), which no spec file describes: 200 with the cloud's
 * object for api-version 2022-09-01 (the fields hashicorp/go-azure-sdk's environments package reads),
 * or ARM's error shape.
 */
const CLOUD_METADATA = /^\/metadata\/endpoints(\?|$)/i;

function cloudMetadataVerdict(exchange: RecordedExchange): ExchangeVerdict {
  const operation = 'ARM_CloudMetadata';
  if (exchange.status >= 400) return { operation, problems: isArmError(exchange.responseBody) ? [] : [`cloud metadata answered ${exchange.status} without the ARM error shape`] };
  const body = exchange.responseBody as { resourceManager?: unknown; name?: unknown; authentication?: { audiences?: unknown; loginEndpoint?: unknown } } | undefined;
  const problems: string[] = [];
  if (exchange.status !== 200) problems.push(`cloud metadata answered ${exchange.status}`);
  if (typeof body?.resourceManager !== 'string' || typeof body.name !== 'string') problems.push('cloud metadata without resourceManager or name');
  if (!Array.isArray(body?.authentication?.audiences) || typeof body?.authentication?.loginEndpoint !== 'string') problems.push('cloud metadata without authentication.audiences or loginEndpoint');
  return { operation, problems };
}

export class ContractValidator {
  private constructor(
    private readonly live: LiveValidator,
    private readonly rules: Map<string, LroRule>,
  ) {}

  static async create(source: SpecSource, repoRoot: string): Promise<ContractValidator> {
    // oav's own log (cache misses for unknown paths, spec warnings) would flood the test output; the
    // verdicts carry what matters.
    const quiet = () => undefined;
    const live = new LiveValidator({ directory: source.directory, swaggerPathsPattern: [...source.patterns], git: { shouldClone: false }, isPathCaseSensitive: false }, quiet);
    await live.initialize();
    return new ContractValidator(live, lroRules(repoRoot));
  }

  async validate(exchange: RecordedExchange): Promise<ExchangeVerdict> {
    const verdict = await this.validateAgainstDescription(exchange);
    return { operation: verdict.operation, problems: [...verdict.problems, ...throttlingProblems(exchange)] };
  }

  private async validateAgainstDescription(exchange: RecordedExchange): Promise<ExchangeVerdict> {
    if (LOCATION_MONITOR.test(exchange.url)) return locationMonitorVerdict(exchange);
    if (CLOUD_METADATA.test(exchange.url)) return cloudMetadataVerdict(exchange);
    const result = await this.live.validateLiveRequestResponse({
      liveRequest: { url: `https://management.azure.com${exchange.url}`, method: exchange.method.toLowerCase(), headers: withJsonType(exchange.requestHeaders, exchange.requestBody), body: exchange.requestBody as Record<string, unknown> | undefined },
      liveResponse: { statusCode: String(exchange.status), headers: withJsonType(exchange.responseHeaders, exchange.responseBody), body: exchange.responseBody as Record<string, unknown> | undefined },
    });
    const operation = result.responseValidationResult.operationInfo?.operationId ?? 'unknownOperationId';
    if (operation === 'unknownOperationId') {
      // ARM answers unknown paths and refused api-versions with its error shape; that is in contract.
      if (exchange.status >= 400 && (exchange.bodyTruncated || isArmError(exchange.responseBody))) return { operation: '(error, no operation)', problems: [] };
      return { operation: '(none)', problems: [`no operation of the description matches ${exchange.method} ${exchange.url} (status ${exchange.status})`] };
    }
    const problems: string[] = [];
    const skipBody = exchange.bodyTruncated === true;
    // A request the spec refuses is only a violation when the simulator accepted it: the unit tests send
    // bad input on purpose, and a 4xx answer to it is ARM's behaviour.
    if (exchange.status < 400) for (const e of result.requestValidationResult.errors) problems.push(`request accepted (${exchange.status}) though the spec refuses it: ${e.code}: ${e.message}`);
    for (const e of result.responseValidationResult.errors) {
      if (skipBody && e.code !== 'INVALID_RESPONSE_CODE') continue;
      problems.push(`response ${exchange.status} ${e.code}: ${e.message}${e.jsonPathsInPayload?.length ? ` at ${e.jsonPathsInPayload.join(', ')}` : ''}`);
    }
    if (result.runtimeException) problems.push(`validator: ${result.runtimeException.code} ${result.runtimeException.message}`);
    const rule = this.rules.get(operation);
    if (rule?.lro && (exchange.status === 201 || exchange.status === 202)) {
      for (const header of rule.headers[String(exchange.status)] ?? []) {
        if (!exchange.responseHeaders[header]) problems.push(`response ${exchange.status}: LRO header ${header} missing (x-ms-long-running-operation)`);
      }
    }
    return { operation, problems };
  }
}
