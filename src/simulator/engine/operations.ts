// Long-running operations in the real Compute pattern: an operation resource at
// `/subscriptions/{s}/providers/Microsoft.Compute/locations/{loc}/operations/{id}` reporting
// `{name, status, startTime, endTime, error}`; status moves from InProgress to Succeeded, Failed or
// Canceled when the engine finishes the work behind it.

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface OperationError {
  readonly code: string;
  readonly message: string;
}

export interface Operation {
  readonly id: string;
  readonly subscriptionId: string;
  readonly location: string;
  readonly startTime: number;
  status: OperationStatus;
  endTime?: number;
  error?: OperationError;
  /** When set, the operation fails with this error instead of succeeding (injected LRO failure). */
  failWith?: OperationError;
}

export class Operations {
  private readonly byId = new Map<string, Operation>();
  private readonly created: Operation[] = [];

  constructor(private readonly newId: () => string) {}

  create(subscriptionId: string, location: string, now: number): Operation {
    const op: Operation = { id: this.newId(), subscriptionId, location, startTime: now, status: 'InProgress' };
    this.byId.set(op.id.toLowerCase(), op);
    this.created.push(op);
    return op;
  }

  /** How many operations exist; with createdSince, finds the ones one request started. */
  get count(): number {
    return this.created.length;
  }

  createdSince(count: number): readonly Operation[] {
    return this.created.slice(count);
  }

  get(id: string): Operation | undefined {
    return this.byId.get(id.toLowerCase());
  }

  /** Ends the operation; an injected failure turns success into Failed. */
  finish(op: Operation, now: number, status: Exclude<OperationStatus, 'InProgress'>, error?: OperationError): void {
    if (op.status !== 'InProgress') return;
    if (status === 'Succeeded' && op.failWith) {
      op.status = 'Failed';
      op.error = op.failWith;
    } else {
      op.status = status;
      if (error) op.error = error;
    }
    op.endTime = now;
  }
}
