// The contract validator (oav over our description) catches what it must: undeclared status codes,
// schema breaks (required, types, enums), a missing LRO header, a 2xx on an undescribed path, a
// request the spec refuses that the simulator accepted — and lets ARM errors and good exchanges pass.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import type { RecordedExchange } from '../../../src/simulator/http/exchangeRecorder';
import { ownDescriptionDir } from '../../contract/specSource';
import { ContractValidator } from '../../contract/validator';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const vmss = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web';
const v = '?api-version=2026-03-01';
const goodSet = { id: vmss, name: 'web', location: 'westeurope', sku: { name: 'Standard_D2s_v3', capacity: 2 }, properties: { upgradePolicy: { mode: 'Manual' }, orchestrationMode: 'Uniform' } };

function exchange(partial: Partial<RecordedExchange> & Pick<RecordedExchange, 'method' | 'url' | 'status'>): RecordedExchange {
  return { requestHeaders: {}, responseHeaders: {}, ...partial };
}

describe('contract validator (oav LiveValidator over src/simulator/contract)', () => {
  let validator: ContractValidator;

  before(async () => {
    // The own description, whatever a developer has placed under shared/rest-specs.
    validator = await ContractValidator.create({ directory: ownDescriptionDir(repoRoot), patterns: ['*.json'], kind: 'own description' }, repoRoot);
  });

  it('passes a good VirtualMachineScaleSets_Get and an ARM error answer', async () => {
    assert.deepEqual(await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 200, responseBody: goodSet })), { operation: 'VirtualMachineScaleSets_Get', problems: [] });
    const notFound = await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 404, responseBody: { error: { code: 'ResourceNotFound', message: 'gone' } } }));
    assert.deepEqual(notFound.problems, []);
  });

  it('flags a missing required property and an enum value the spec does not list', async () => {
    const { problems } = await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 200, responseBody: { ...goodSet, location: undefined, properties: { upgradePolicy: { mode: 'Sometimes' } } } }));
    assert.ok(problems.some((p) => p.includes('OBJECT_MISSING_REQUIRED_PROPERTY') && p.includes('location')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('ENUM_MISMATCH') && p.includes('Sometimes')), problems.join('\n'));
  });

  it('flags an error body without the ARM error shape', async () => {
    const { problems } = await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 500, responseBody: { message: 'boom' } }));
    assert.ok(problems.some((p) => p.includes('OBJECT_MISSING_REQUIRED_PROPERTY') && p.includes('error')), problems.join('\n'));
  });

  it('flags a status code the operation does not declare (204 on manualupgrade)', async () => {
    const { problems } = await validator.validate(exchange({ method: 'POST', url: `${vmss}/manualupgrade${v}`, status: 204, requestBody: { instanceIds: ['0'] } }));
    assert.ok(problems.some((p) => p.includes('INVALID_RESPONSE_CODE')), problems.join('\n'));
  });

  it('flags a 202 of a long-running POST without its Location header, and a 201 PUT without Azure-AsyncOperation', async () => {
    const post = await validator.validate(exchange({ method: 'POST', url: `${vmss}/osRollingUpgrade${v}`, status: 202 }));
    assert.ok(post.problems.some((p) => p.includes('LRO header location missing')), post.problems.join('\n'));
    const withHeader = await validator.validate(exchange({ method: 'POST', url: `${vmss}/osRollingUpgrade${v}`, status: 202, responseHeaders: { location: 'https://x/op?monitor=true' } }));
    assert.deepEqual(withHeader.problems, []);
    const put = await validator.validate(exchange({ method: 'PUT', url: vmss + v, status: 201, requestBody: goodSet, responseBody: goodSet }));
    assert.ok(put.problems.some((p) => p.includes('LRO header azure-asyncoperation missing')), put.problems.join('\n'));
  });

  it("judges ARM's cloud metadata, which no spec file describes, by the fields its readers need (issue 18)", async () => {
    const url = '/metadata/endpoints?api-version=2022-09-01';
    const good = { name: 'AzureCloud', resourceManager: 'https://127.0.0.1:1/', authentication: { loginEndpoint: 'https://login.microsoftonline.com', audiences: ['https://management.azure.com/'] } };
    assert.deepEqual(await validator.validate(exchange({ method: 'GET', url, status: 200, responseBody: good })), { operation: 'ARM_CloudMetadata', problems: [] });
    const bare = await validator.validate(exchange({ method: 'GET', url, status: 200, responseBody: { name: 'AzureCloud' } }));
    assert.equal(bare.problems.length, 2, bare.problems.join('\n'));
    const refused = await validator.validate(exchange({ method: 'GET', url: '/metadata/endpoints?api-version=2019-05-01', status: 400, responseBody: { error: { code: 'InvalidApiVersionParameter', message: 'no' } } }));
    assert.deepEqual(refused.problems, []);
    const odd = await validator.validate(exchange({ method: 'GET', url, status: 500, responseBody: { message: 'boom' } }));
    assert.equal(odd.problems.length, 1);
  });

  it('flags a 2xx answer on a path the description does not have, and a refused request body the simulator accepted', async () => {
    const unknown = await validator.validate(exchange({ method: 'GET', url: `${vmss}/somethingElse${v}`, status: 200, responseBody: {} }));
    assert.equal(unknown.operation, '(none)');
    assert.equal(unknown.problems.length, 1);
    const accepted = await validator.validate(exchange({ method: 'POST', url: `${vmss}/manualupgrade${v}`, status: 202, requestBody: { instanceIds: 'all' }, responseHeaders: { location: 'https://x' } }));
    assert.ok(accepted.problems.some((p) => p.startsWith('request accepted (202)')), accepted.problems.join('\n'));
    const refused = await validator.validate(exchange({ method: 'POST', url: `${vmss}/manualupgrade${v}`, status: 400, requestBody: { instanceIds: 'all' }, responseBody: { error: { code: 'InvalidParameter', message: 'x' } } }));
    assert.deepEqual(refused.problems, []);
  });

  describe('the Flexible-set VM operations and the scale-set batch reimage (ComputeRP.json 2026-03-01)', () => {
    const rgPath = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute';
    const vm = `${rgPath}/virtualMachines/web_1a2b`;
    const goodVm = { id: vm, name: 'web_1a2b', location: 'westeurope', properties: { virtualMachineScaleSet: { id: vmss }, provisioningState: 'Succeeded', instanceView: { statuses: [{ code: 'PowerState/running', level: 'Info' }] } } };
    const lroHeaders = { location: 'https://x/op?monitor=true', 'retry-after': '10' };

    it('matches each of the six operations and passes their good exchanges', async () => {
      const filter = `&%24filter=${encodeURIComponent(`'virtualMachineScaleSet/id' eq '${vmss}'`)}&%24expand=instanceView`;
      const cases: Array<[RecordedExchange, string]> = [
        [exchange({ method: 'GET', url: `${rgPath}/virtualMachines${v}${filter}`, status: 200, responseBody: { value: [goodVm] } }), 'VirtualMachines_List'],
        [exchange({ method: 'GET', url: `/subscriptions/s1/providers/Microsoft.Compute/virtualMachines${v}`, status: 200, responseBody: { value: [goodVm] } }), 'VirtualMachines_ListAll'],
        [exchange({ method: 'GET', url: `${vm}${v}&%24expand=instanceView`, status: 200, responseBody: goodVm }), 'VirtualMachines_Get'],
        [exchange({ method: 'GET', url: `${vm}/instanceView${v}`, status: 200, responseBody: goodVm.properties.instanceView }), 'VirtualMachines_InstanceView'],
        [exchange({ method: 'POST', url: `${vm}/reimage${v}`, status: 202, requestBody: { exactVersion: '1.2.3' }, responseHeaders: lroHeaders }), 'VirtualMachines_Reimage'],
        [exchange({ method: 'POST', url: `${vmss}/reimage${v}`, status: 202, requestBody: { instanceIds: ['0', '1'], exactVersion: '1.2.3' }, responseHeaders: lroHeaders }), 'VirtualMachineScaleSets_Reimage'],
      ];
      for (const [ex, operation] of cases) assert.deepEqual(await validator.validate(ex), { operation, problems: [] }, `${ex.method} ${ex.url}`);
    });

    it('flags a VM without location, a status level the spec does not list, a list without value, and a 201 on the batch reimage', async () => {
      const noLocation = await validator.validate(exchange({ method: 'GET', url: vm + v, status: 200, responseBody: { ...goodVm, location: undefined } }));
      assert.ok(noLocation.problems.some((p) => p.includes('OBJECT_MISSING_REQUIRED_PROPERTY') && p.includes('location')), noLocation.problems.join('\n'));
      const badLevel = await validator.validate(exchange({ method: 'GET', url: `${vm}/instanceView${v}`, status: 200, responseBody: { statuses: [{ code: 'x', level: 'Bogus' }] } }));
      assert.ok(badLevel.problems.some((p) => p.includes('ENUM_MISMATCH') && p.includes('Bogus')), badLevel.problems.join('\n'));
      const noValue = await validator.validate(exchange({ method: 'GET', url: `${rgPath}/virtualMachines${v}`, status: 200, responseBody: {} }));
      assert.ok(noValue.problems.some((p) => p.includes('OBJECT_MISSING_REQUIRED_PROPERTY') && p.includes('value')), noValue.problems.join('\n'));
      const created = await validator.validate(exchange({ method: 'POST', url: `${vmss}/reimage${v}`, status: 201, requestBody: { instanceIds: ['0'] }, responseHeaders: lroHeaders }));
      assert.ok(created.problems.some((p) => p.includes('INVALID_RESPONSE_CODE')), created.problems.join('\n'));
      const noHeader = await validator.validate(exchange({ method: 'POST', url: `${vm}/reimage${v}`, status: 202 }));
      assert.ok(noHeader.problems.some((p) => p.includes('LRO header location missing')), noHeader.problems.join('\n'));
    });
  });

  it('flags a 429 of the simulator without Retry-After (not one a fault rule shaped), a Retry-After that is not whole seconds and a malformed x-ms-ratelimit-remaining-resource', async () => {
    const throttled = { error: { code: 'OperationNotAllowed', message: 'too many requests' } };
    const bare = await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 429, responseBody: throttled }));
    assert.ok(bare.problems.includes('response 429 without Retry-After'), bare.problems.join('\n'));
    const injected = await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 429, responseBody: throttled, injectedFault: true }));
    assert.deepEqual(injected.problems, [], 'a fault rule without retryAfterSeconds asks for that answer');
    const good = await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 429, responseBody: throttled, responseHeaders: { 'retry-after': '180', 'x-ms-ratelimit-remaining-resource': 'Microsoft.Compute/GetVMScaleSet3Min;0,Microsoft.Compute/GetVMScaleSet30Min;0' } }));
    assert.deepEqual(good.problems, []);
    const fractional = await validator.validate(exchange({ method: 'POST', url: `${vmss}/osRollingUpgrade${v}`, status: 202, responseHeaders: { location: 'https://x/op?monitor=true', 'retry-after': '1.5' } }));
    assert.ok(fractional.problems.some((p) => p.includes("Retry-After '1.5'")), fractional.problems.join('\n'));
    const malformed = await validator.validate(exchange({ method: 'GET', url: vmss + v, status: 200, responseBody: goodSet, responseHeaders: { 'x-ms-ratelimit-remaining-resource': 'HighCostGet3Min=3' } }));
    assert.ok(malformed.problems.some((p) => p.includes('x-ms-ratelimit-remaining-resource')), malformed.problems.join('\n'));
  });
});
