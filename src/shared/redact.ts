// What counts as private in anything we log or send (issue 8), and how to remove it: subscription and
// tenant ids (GUIDs), ARM resource ids and resource names, bearer tokens and JWTs, IP addresses, e-mail
// addresses (account names) and file paths (workspace locations, user names). Pure: no `vscode` import,
// so the CLI, the HTTP log policy and the telemetry sanitizer share it and it is unit-tested in Node.

/** Segment names after which an ARM path holds a value we must not print, and what to print instead. */
const scopeKeywords: Record<string, string> = {
  subscriptions: '<subscription>',
  resourcegroups: '<resourceGroup>',
  tenants: '<tenant>',
  managementgroups: '<managementGroup>',
};

/** Literal action/child names that are part of the API, not of someone's estate. */
const apiLiteralNames = new Set(['latest', 'cancel', 'default', 'current']);

/** Query parameters whose values are protocol, not data. */
const safeQueryKeys = new Set(['api-version', '$expand', 'expand', '$top', 'statusonly', 'includeextendedlocations']);

/** Hosts worth keeping in a log: the clouds' Resource Manager / login endpoints and the local simulator. */
const keptHostSuffixes = ['.azure.com', '.azure.cn', '.chinacloudapi.cn', '.usgovcloudapi.net', '.microsoftonline.com', '.microsoftonline.us', '.windows.net'];
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const guid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const bearer = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
const jwt = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const url = /\b(?:https?|wss?):\/\/[^\s"'<>`]+/gi;
const fileUri = /\bfile:\/\/[^\s"'<>`]*/gi;
const armPath = /\/(?:subscriptions|tenants|managementGroups)\/[^\s"'<>`?#]+/gi;
const ipv4 = /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g;
// Full 8-group form or a compressed form with `::` (times such as 12:30:45 have neither).
const ipv6 = /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){0,6}(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{0,4})(?![\w:])/gi;
const secretParameter = /\b(access_token|refresh_token|id_token|client_secret|password|sig)=[^&\s"'<>`]+/gi;
const email = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g;
const windowsPath = /\b[A-Za-z]:[\\/][^\s"'<>`|]*/g;
const uncPath = /(?<![\w])\\\\[^\s"'<>`|]+/g;
// A POSIX path of at least two segments standing on its own (start of text, after a space, quote,
// bracket, `=` or `:`) and ending at a delimiter, so that a URL's path, a resource id already redacted
// to `<placeholders>` and "and/or" are left alone.
const posixPath = /(?<=^|[\s"'`([{=,:])~?\/(?:[^\s/"'`<>()[\]{},;]+\/)+[^\s/"'`<>()[\]{},;]*(?=$|[\s"'`)\]},;])/g;

/** Replaces every value in an ARM path (`/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}/…`). */
export function redactArmPath(path: string): string {
  const segments = path.split('/');
  let mode: 'plain' | 'scopeValue' | 'namespace' | 'type' | 'name' = 'plain';
  let placeholder = '';
  return segments
    .map((segment) => {
      if (segment === '') return segment;
      const lower = segment.toLowerCase();
      switch (mode) {
        case 'scopeValue':
          mode = 'plain';
          return placeholder;
        case 'namespace':
          mode = 'type';
          return /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+$/.test(segment) ? segment : '<namespace>';
        case 'type':
          mode = 'name';
          return segment;
        case 'name':
          mode = 'type';
          return apiLiteralNames.has(lower) ? segment : '<name>';
        default:
          if (lower in scopeKeywords) {
            placeholder = scopeKeywords[lower];
            mode = 'scopeValue';
          } else if (lower === 'providers') {
            mode = 'namespace';
          }
          return segment;
      }
    })
    .join('/');
}

function redactQuery(search: string): string {
  if (!search || search === '?') return '';
  const parts = search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [rawKey] = pair.split('=', 1);
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey);
      } catch {
        /* a malformed escape: keep the raw key, judge it as it is */
      }
      return safeQueryKeys.has(key.toLowerCase()) ? redactText(pair) : `${rawKey}=<redacted>`;
    });
  return `?${parts.join('&')}`;
}

function redactHost(host: string): string {
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  if (loopbackHosts.has(hostname)) return host;
  if (keptHostSuffixes.some((suffix) => hostname.endsWith(suffix))) return host;
  return '<host>';
}

/** A URL fit for a debug log: the cloud's host, the API path with every name replaced, protocol query keys only. */
export function redactUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return '<url>';
  }
  if (parsed.protocol === 'file:') return '<path>';
  const path = redactArmPath(decodeSafely(parsed.pathname));
  return `${parsed.protocol}//${redactHost(parsed.host)}${redactPathRest(path)}${redactQuery(parsed.search)}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What is left private in a path after the ARM walk (a GUID or token in a non-ARM path). */
function redactPathRest(path: string): string {
  return path.replace(guid, '<guid>').replace(jwt, '<jwt>').replace(email, '<email>');
}

/** Free text (log lines, error messages) with every private value replaced by a `<placeholder>`. */
export function redactText(text: string): string {
  return text
    .replace(bearer, 'Bearer <token>')
    .replace(secretParameter, '$1=<redacted>')
    .replace(jwt, '<jwt>')
    .replace(fileUri, '<path>')
    .replace(url, (match) => redactUrl(match))
    .replace(armPath, (match) => redactArmPath(match))
    .replace(guid, '<guid>')
    .replace(email, '<email>')
    .replace(windowsPath, '<path>')
    .replace(uncPath, '<path>')
    .replace(posixPath, '<path>')
    .replace(ipv4, (ip) => (isLoopbackOrUnspecified(ip) ? ip : '<ip>'))
    .replace(ipv6, '<ip>');
}

/** 127.x and 0.0.0.0 name no machine and no person: the simulator's address stays readable in logs. */
function isLoopbackOrUnspecified(ip: string): boolean {
  return ip.startsWith('127.') || ip === '0.0.0.0';
}

/** True when `text` holds anything `redactText` would remove. */
export function holdsPrivateData(text: string): boolean {
  return redactText(text) !== text;
}

export type SensitiveKind = 'guid' | 'resourceId' | 'bearerToken' | 'jwt' | 'literal';

export interface SensitiveFinding {
  readonly kind: SensitiveKind;
  readonly match: string;
  readonly index: number;
}

const findingPatterns: ReadonlyArray<readonly [SensitiveKind, RegExp]> = [
  ['guid', guid],
  // A resource id whose subscription segment is a real value, not one of our `<placeholders>`.
  ['resourceId', /\/subscriptions\/(?!<)[^\s/"'<>`?#]+/gi],
  ['bearerToken', /\bBearer\s+(?!<token>)[A-Za-z0-9\-._~+/]{8,}=*/gi],
  ['jwt', jwt],
];

/**
 * Looks for data that must never leave the machine in a log or an event: GUIDs, resource ids, bearer
 * tokens, JWTs, and any of `literals` (e.g. the workspace path of a test run). Used by the privacy tests.
 */
export function findSensitiveData(text: string, literals: readonly string[] = []): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (const [kind, pattern] of findingPatterns) {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) findings.push({ kind, match: m[0], index: m.index ?? 0 });
  }
  for (const literal of literals.filter((l) => l.length > 0)) {
    let at = text.indexOf(literal);
    while (at >= 0) {
      findings.push({ kind: 'literal', match: literal, index: at });
      at = text.indexOf(literal, at + literal.length);
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}
