// ARM error responses: `{"error":{"code","message"}}` with Azure's codes and statuses. Handlers throw an
// ArmError before touching state, so a refused request changes nothing.

export interface ArmErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly headers: Record<string, string> = {},
    readonly details?: readonly ArmErrorDetail[],
  ) {
    super(message);
    this.name = 'ArmError';
  }

  body(): { error: Record<string, unknown> } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target ? { target: this.target } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export function invalidParameter(target: string, message: string): ArmError {
  return new ArmError(400, 'InvalidParameter', message, target);
}

export function outOfRange(target: string, value: unknown, min: number, max: number): ArmError {
  return invalidParameter(target, `The value ${JSON.stringify(value)} of parameter '${target}' is out of range. The value must be between ${min} and ${max}, inclusive.`);
}

export function scaleSetNotFound(resourceGroup: string, name: string): ArmError {
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource 'Microsoft.Compute/virtualMachineScaleSets/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** Compute's answer for a child entity (an instance id) that does not exist. */
export function entityNotFound(): ArmError {
  return new ArmError(404, 'NotFound', 'The entity was not found in this Azure location.');
}

export function resourceGroupNotFound(resourceGroup: string): ArmError {
  return new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
}

export function subscriptionNotFound(subscriptionId: string): ArmError {
  return new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

export function invalidRequestContent(detail: string): ArmError {
  return new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`);
}
