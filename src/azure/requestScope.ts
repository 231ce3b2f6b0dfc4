// Carries an AbortSignal to every request made inside a scope. The SDK passes a list call's signal to
// the first page only (azure-sdk.md); the policy in clientFactory stamps the scope's signal on every
// page and poll request, so "cancel" in the tree or the orchestrator really stops the traffic.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<AbortSignal>();

export function withSignal<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  return signal ? scope.run(signal, work) : work();
}

export function currentSignal(): AbortSignal | undefined {
  return scope.getStore();
}
