// `api-version` must be present and well formed (YYYY-MM-DD, optionally -preview/-beta); the simulator
// accepts any such version (the SDK sends Compute 2026-03-01, Subscriptions 2022-12-01, Resource
// Graph 2021-06-01-preview) and answers with the same shapes.
import { ArmError } from '../armError';
import type { SimRequest } from './message';

const wellFormed = /^\d{4}-\d{2}-\d{2}(-(preview|beta|alpha|privatepreview))?$/i;

export function requireApiVersion(req: SimRequest): string {
  const value = req.url.searchParams.get('api-version');
  if (value === null || value === '') {
    throw new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  if (!wellFormed.test(value)) {
    throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${value}' is invalid. The supported versions are in the format 'YYYY-MM-DD' or 'YYYY-MM-DD-preview'.`);
  }
  return value;
}
