// Resource Manager's cloud metadata: `GET /metadata/endpoints?api-version=2022-09-01`, answered without
// a token (ARM's own endpoint, no subscription, not throttled per principal). The shape is the one
// `az cloud register --endpoint-resource-manager` and hashicorp/go-azure-sdk (sdk/environments/metadata,
// `metaDataResponse20220901`) read from management.azure.com: one object for the cloud, with the public
// cloud's values, except that Resource Manager is the simulator itself. The extension reads it only to
// open connections while the user signs in (azure/connectionWarmup.ts). Unverified: ARM's answer to
// other api-versions (older ones exist with other shapes); here they are refused as for /subscriptions.
import { ArmError } from '../armError';
import { json, type SimRequest, type SimResponse } from '../http/message';
import type { Route } from '../http/router';
import type { RouteContext } from './context';

export const metadataApiVersion = '2022-09-01';

function metadata(origin: string): Record<string, unknown> {
  return {
    portal: 'https://portal.azure.com',
    authentication: {
      loginEndpoint: 'https://login.microsoftonline.com',
      audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'],
      tenant: 'common',
      identityProvider: 'AAD',
    },
    media: 'https://rest.media.azure.net',
    graphAudience: 'https://graph.windows.net/',
    graph: 'https://graph.windows.net/',
    name: 'AzureCloud',
    suffixes: {
      azureDataLakeStoreFileSystem: 'azuredatalakestore.net',
      acrLoginServer: 'azurecr.io',
      sqlServerHostname: 'database.windows.net',
      azureDataLakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
      keyVaultDns: 'vault.azure.net',
      storage: 'core.windows.net',
      azureFrontDoorEndpointSuffix: 'azurefd.net',
      storageSyncEndpointSuffix: 'afs.azure.net',
      mhsmDns: 'managedhsm.azure.net',
      mysqlServerEndpoint: 'mysql.database.azure.com',
      postgresqlServerEndpoint: 'postgres.database.azure.com',
      mariadbServerEndpoint: 'mariadb.database.azure.com',
      synapseAnalytics: 'dev.azuresynapse.net',
      attestationEndpoint: 'attest.azure.net',
    },
    batch: 'https://batch.core.windows.net/',
    resourceManager: `${origin}/`,
    vmImageAliasDoc: 'https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json',
    activeDirectoryDataLake: 'https://datalake.azure.net/',
    sqlManagement: 'https://management.core.windows.net:8443/',
    microsoftGraphResourceId: 'https://graph.microsoft.com/',
    appInsightsResourceId: 'https://api.applicationinsights.io',
    appInsightsTelemetryChannelResourceId: 'https://dc.applicationinsights.azure.com/v2/track',
    attestationResourceId: 'https://attest.azure.net',
    synapseAnalyticsResourceId: 'https://dev.azuresynapse.net',
    logAnalyticsResourceId: 'https://api.loganalytics.io',
    ossrDbmsResourceId: 'https://ossrdbms-aad.database.windows.net',
  };
}

function cloudMetadata(_ctx: RouteContext, req: SimRequest): SimResponse {
  const version = req.url.searchParams.get('api-version');
  if (version !== metadataApiVersion) {
    throw new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${version ?? ''}' is invalid. The supported versions are '${metadataApiVersion}'.`);
  }
  return json(200, metadata(req.origin));
}

export const metadataRoutes: Route<RouteContext>[] = [{ method: 'GET', pattern: '/metadata/endpoints', handler: cloudMetadata, anonymous: true }];
