// `api-version` must be present, well formed (YYYY-MM-DD, optionally -preview/-beta), and one the
// simulator implements for that path: exactly the api-version of the spec file its description is
// derived from (contract/*.json, issue #12 item 3 — e.g. Compute 2026-03-01, galleries 2025-03-03,
// Subscriptions 2022-12-01, Resource Graph 2021-06-01-preview). Anything else gets ARM's refusal:
// - a provider's resource type: 400 NoRegisteredProviderFound "No registered resource provider found for
//   location '…' and API version '…' for type '…'. The supported api-versions are '…'." (text as ARM
//   returns it in Azure/azure-cli#28496, Azure/azure-sdk-for-js#4097; ARM also appends the supported
//   locations, and names a location even for list calls — which one is unverified, so the location
//   clause is only given when the path has one);
// - ARM's own endpoints (/subscriptions, /tenants): 400 InvalidApiVersionParameter "The api-version '…'
//   is invalid. The supported versions are '…'." (ansible-collections/azure#1739, azure-sdk-for-net#3160).
import { ArmError } from '../armError';
import { describedPath } from '../contract/descriptions';
import type { SimRequest } from './message';

const wellFormed = /^\d{4}-\d{2}-\d{2}(-(preview|beta|alpha|privatepreview))?$/i;

function locationOf(pathname: string): string | undefined {
  return /\/locations\/([^/]+)/i.exec(pathname)?.[1];
}

export function requireApiVersion(req: SimRequest): string {
  const value = req.url.searchParams.get('api-version');
  if (value === null || value === '') {
    throw new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  }
  if (!wellFormed.test(value)) {
    throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${value}' is invalid. The supported versions are in the format 'YYYY-MM-DD' or 'YYYY-MM-DD-preview'.`);
  }
  const described = describedPath(req.url.pathname);
  // Paths outside the description are answered by the router (404/405).
  if (!described || described.apiVersion.toLowerCase() === value.toLowerCase()) return value;
  const supported = described.apiVersion;
  if (!described.provider) {
    throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${value}' is invalid. The supported versions are '${supported}'.`);
  }
  const location = locationOf(req.url.pathname);
  const where = location ? `for location '${location}' and ` : 'for ';
  throw new ArmError(400, 'NoRegisteredProviderFound', `No registered resource provider found ${where}API version '${value}' for type '${described.provider.type}'. The supported api-versions are '${supported}'.`);
}
