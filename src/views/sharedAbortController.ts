// An AbortController whose signal may have any number of listeners: one signal guards every load and
// background look-up of the tree, so Node's default limit of 10 (a leak warning) does not apply.
import { setMaxListeners } from 'node:events';

export function sharedAbortController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
