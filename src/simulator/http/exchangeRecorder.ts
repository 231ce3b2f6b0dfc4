// Contract-test recording (issue #12): with VMSS_SIM_RECORD=<dir> set, every Azure exchange the
// simulator answers (not `/_simulator/…` control routes, not dropped connections) is appended as one
// JSON line to <dir>/exchanges-<pid>.jsonl, for test/contract/validateRecorded.ts (the contract layer of npm test) to check against the
// REST description. Both transports and the detached simulator process share this path. Lines are
// buffered and written synchronously in batches (and at exit) so the property suites stay fast.
// Bodies are sampled by size: up to SMALL_BODY_CHARS always kept; larger ones (long instance lists) kept
// for the first LARGE_BODIES_KEPT of each process and then one in LARGE_BODY_SAMPLE — a property run
// otherwise writes gigabytes; above MAX_BODY_CHARS never. A line without its bodies is marked
// `bodyTruncated` and validated for operation, status and headers only.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SimRequest, SimResponse } from './message';

export const RECORD_ENV = 'VMSS_SIM_RECORD';
const SMALL_BODY_CHARS = 8 * 1024;
const MAX_BODY_CHARS = 1024 * 1024;
const LARGE_BODIES_KEPT = 20;
const LARGE_BODY_SAMPLE = 20;
const FLUSH_CHARS = 512 * 1024;
/** Headers the contract checks look at (LRO, paging, errors, throttling); others are left out to keep lines short. */
const RESPONSE_HEADERS = ['azure-asyncoperation', 'location', 'retry-after', 'content-type', 'x-ms-ratelimit-remaining-resource'];
const REQUEST_HEADERS = ['content-type'];

export interface RecordedExchange {
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Record<string, string>;
  readonly requestBody?: unknown;
  readonly status: number;
  readonly responseHeaders: Record<string, string>;
  readonly responseBody?: unknown;
  readonly bodyTruncated?: true;
  /** The answer was a scenario's fault rule (`faults[].status`), shaped by the test, not by the simulator. */
  readonly injectedFault?: true;
}

class Recorder {
  private buffer: string[] = [];
  private size = 0;
  private readonly file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `exchanges-${process.pid}.jsonl`);
  }

  append(exchange: RecordedExchange): void {
    const line = JSON.stringify(exchange) + '\n';
    this.buffer.push(line);
    this.size += line.length;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    appendFileSync(this.file, text);
  }
}

let recorder: Recorder | undefined;
let largeBodies = 0;

function keepBodies(size: number): boolean {
  if (size <= SMALL_BODY_CHARS) return true;
  if (size > MAX_BODY_CHARS) return false;
  largeBodies++;
  return largeBodies <= LARGE_BODIES_KEPT || largeBodies % LARGE_BODY_SAMPLE === 0;
}
let recorderDir: string | undefined;

/** Writes what is buffered (also every second and at exit; the detached simulator exits via process.exit). */
export function flushRecording(): void {
  recorder?.flush();
}

function active(): Recorder | undefined {
  const dir = process.env[RECORD_ENV];
  if (!dir) return undefined;
  if (!recorder) {
    process.on('exit', flushRecording);
    setInterval(flushRecording, 1_000).unref();
  }
  if (!recorder || recorderDir !== dir) {
    try {
      recorder?.flush();
    } catch (err) {
      // The previous folder's owner removed it (a test's own recording, ended): nothing to keep there.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    recorder = new Recorder(dir);
    recorderDir = dir;
  }
  return recorder;
}

function pick(source: ReadonlyMap<string, string> | Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const get = (name: string) => (source instanceof Map ? source.get(name) : Object.entries(source).find(([k]) => k.toLowerCase() === name)?.[1]);
  for (const name of names) {
    const value = get(name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function parsedBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Appends one exchange when recording is on; a no-op (one env look-up) otherwise. */
export function recordExchange(req: SimRequest, res: SimResponse, control: boolean, injectedFault = false): void {
  if (control || res.drop) return;
  const target = active();
  if (!target) return;
  const requestBody = parsedBody(req.body);
  const large = !keepBodies(req.body.length + (res.body === undefined ? 0 : JSON.stringify(res.body).length));
  target.append({
    method: req.method,
    url: req.url.pathname + req.url.search,
    requestHeaders: pick(req.headers, REQUEST_HEADERS),
    ...(requestBody !== undefined && !large ? { requestBody } : {}),
    status: res.status,
    responseHeaders: pick(res.headers, RESPONSE_HEADERS),
    ...(res.body !== undefined && !large ? { responseBody: res.body } : {}),
    ...(large ? { bodyTruncated: true as const } : {}),
    ...(injectedFault ? { injectedFault: true as const } : {}),
  });
}
