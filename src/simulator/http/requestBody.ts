// Request bodies: malformed JSON is ARM's 400 InvalidRequestContent before anything else happens.
import { invalidRequestContent } from '../armError';
import type { SimRequest } from './message';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed body, or undefined when the body is empty (POSTs without parameters send none). */
export function parseBody(req: SimRequest): unknown {
  const text = req.body.trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw invalidRequestContent((err as Error).message);
  }
}

export function parseObjectBody(req: SimRequest): JsonObject | undefined {
  const body = parseBody(req);
  if (body === undefined || body === null) return undefined;
  if (!isObject(body)) throw invalidRequestContent('Expected a JSON object');
  return body;
}
