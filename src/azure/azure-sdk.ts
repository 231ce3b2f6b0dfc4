// Entry of the lazily loaded SDK bundle (dist/azure-sdk.js). Everything from the Azure SDK that the
// extension needs at runtime is re-exported here, so that activation never pays for it (azure-sdk.md:
// ~60–100 ms to require). Import it only through loadSdk().
export { ComputeManagementClient } from '@azure/arm-compute';
export { SubscriptionClient } from '@azure/arm-resources-subscriptions';
export { ResourceGraphClient } from '@azure/arm-resourcegraph';
export { RestError, isRestError } from '@azure/core-rest-pipeline';
export { ArmServiceClient } from './maintenance/armServiceClient';
export { ServiceClient } from '@azure/core-client';
export { createDefaultHttpClient, createPipelineRequest } from '@azure/core-rest-pipeline';
export { MetricsClient } from '@azure/monitor-query-metrics';
