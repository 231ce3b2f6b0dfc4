// What route handlers get: the world (already advanced to the request's simulated time).
import type { World } from '../state/world';

export interface RouteContext {
  readonly world: World;
}
