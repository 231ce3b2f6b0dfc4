// Route table: ARM paths are matched case-insensitively ("Paths are mixed-case", azure-sdk.md) with
// `{name}` segments captured (percent-decoded).
import type { SimRequest, SimResponse } from './message';

export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler<C> = (ctx: C, req: SimRequest, params: RouteParams) => SimResponse | Promise<SimResponse>;

export interface Route<C> {
  readonly method: string;
  readonly pattern: string;
  readonly handler: RouteHandler<C>;
  /** Control routes (`/_simulator/…`) need no api-version. */
  readonly control?: boolean;
  /** Answered without a token and outside ARM's per-principal throttling (ARM's cloud metadata). */
  readonly anonymous?: boolean;
}

interface CompiledRoute<C> extends Route<C> {
  readonly regex: RegExp;
  readonly names: readonly string[];
}

export interface RouteMatch<C> {
  readonly route: Route<C>;
  readonly params: RouteParams;
}

function compile<C>(route: Route<C>): CompiledRoute<C> {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}/?$`, 'i'), names };
}

export class Router<C> {
  private readonly routes: CompiledRoute<C>[];

  constructor(routes: readonly Route<C>[]) {
    this.routes = routes.map(compile);
  }

  /** The route for this method and path; `methodMismatch` when only the method is wrong. */
  match(method: string, path: string): RouteMatch<C> | { methodMismatch: true } | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
    return pathMatched ? { methodMismatch: true } : undefined;
  }
}
