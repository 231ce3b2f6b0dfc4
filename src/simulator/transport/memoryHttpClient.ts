// An @azure/core-rest-pipeline HttpClient that hands requests to the simulator in memory: no sockets,
// but the SDK's own pipeline (auth, retries, LRO polling) still runs. A dropped connection surfaces as
// the same ECONNRESET error a socket would give, so the SDK retries it the same way.
import { createHttpHeaders, RestError, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { SimRequest, SimResponse } from '../http/message';

export type Dispatch = (req: SimRequest) => Promise<SimResponse>;

function abortError(): Error {
  const err = new Error('The operation was aborted.');
  err.name = 'AbortError';
  return err;
}

function delay(ms: number, signal?: PipelineRequest['abortSignal']): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(abortError())), { once: true });
  });
}

function bodyText(request: PipelineRequest): string {
  const body = request.body;
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  throw new Error('The in-memory simulator transport only carries string and byte bodies.');
}

export function memoryHttpClient(dispatch: Dispatch): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      if (request.abortSignal?.aborted) throw abortError();
      const url = new URL(request.url);
      const headers = new Map<string, string>();
      for (const [name, value] of request.headers) headers.set(name.toLowerCase(), value);
      const out = await dispatch({ method: request.method, url, origin: url.origin, headers, body: bodyText(request), remoteAddress: '127.0.0.1' });
      // Serialised when handled, as over HTTPS (httpsServer.ts): the delay is the network's alone.
      const text = out.drop || out.body === undefined ? undefined : JSON.stringify(out.body);
      if (out.delayMs) await delay(out.delayMs, request.abortSignal);
      if (out.drop) throw new RestError('socket hang up', { code: 'ECONNRESET', request });
      return { request, status: out.status, headers: createHttpHeaders(out.headers), ...(text === undefined ? {} : { bodyAsText: text }) };
    },
  };
}
