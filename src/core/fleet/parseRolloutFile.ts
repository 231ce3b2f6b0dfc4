// Reads a fleet rollout file (JSON with comments) and checks it, each problem with its JSON path and its
// line and column, so the CLI and the editor point at the exact place. The same rules are published as
// schemas/fleet-rollout.schema.json for completion in VS Code; this check is what the CLI relies on.
import { findNodeAtLocation, getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { scaleSetRefFromId } from '../../azure/gateway';
import { parseIsoDuration } from '../../shared/iso8601';
import type { UpgradeTarget } from '../contract';
import type { PolicyOverrides } from '../policy';
import type { FilePosition, FleetEngine, FleetGroup, FleetStage, RolloutFileParse, RolloutFileProblem, SetSelector, StageGateSpec } from './rolloutFile';
import { knownGateKinds } from './stageGates';

/** The strategies a group's embedded engine may name (the CLI's `--strategy` names). */
import { embeddedStrategyNames as embeddedStrategies } from './strategy';

const policyKeys: Record<keyof PolicyOverrides, 'number' | 'string' | 'boolean'> = {
  maxBatchInstancePercent: 'number',
  maxUnhealthyInstancePercent: 'number',
  maxUnhealthyUpgradedInstancePercent: 'number',
  pauseTimeBetweenBatches: 'string',
  prioritizeUnhealthyInstances: 'boolean',
  enableCrossZoneUpgrade: 'boolean',
  rollbackFailedInstances: 'boolean',
  maxSurge: 'boolean',
  healthTimeout: 'string',
  healthPoll: 'string',
};

function positionOf(text: string, offset: number, length: number): FilePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, length, line, column: offset - lineStart + 1 };
}

class Checker {
  readonly problems: RolloutFileProblem[] = [];
  constructor(private readonly text: string) {}

  report(node: Node | undefined, path: string, message: string): void {
    const offset = node?.offset ?? 0;
    this.problems.push({ message, path, position: positionOf(this.text, offset, node?.length ?? 0) });
  }

  /** The object's properties, reporting unknown keys (with the allowed ones) and missing required ones. */
  object(node: Node | undefined, path: string, allowed: readonly string[], required: readonly string[] = []): Map<string, Node> | undefined {
    if (!node || node.type !== 'object') {
      this.report(node, path, `${path || 'the file'} must be an object`);
      return undefined;
    }
    const props = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      const name = String(key?.value);
      if (!allowed.includes(name)) this.report(key, join(path, name), `unknown property '${name}'${path ? ` in ${path}` : ''}; allowed: ${allowed.join(', ')}`);
      else if (value) props.set(name, value);
    }
    for (const name of required) if (!props.has(name)) this.report(node, path, `${path || 'the file'} needs '${name}'`);
    return props;
  }

  string(node: Node | undefined, path: string): string | undefined {
    if (!node) return undefined;
    if (node.type !== 'string' || String(node.value).trim() === '') {
      this.report(node, path, `${path} must be a non-empty string`);
      return undefined;
    }
    return String(node.value);
  }

  integer(node: Node | undefined, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (!node) return undefined;
    const v = node.value as unknown;
    if (node.type !== 'number' || !Number.isInteger(v) || (v as number) < min || (v as number) > max) {
      this.report(node, path, `${path} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, got ${node.type === 'number' ? String(v) : node.type}`);
      return undefined;
    }
    return v as number;
  }

  boolean(node: Node | undefined, path: string): boolean | undefined {
    if (!node) return undefined;
    if (node.type !== 'boolean') {
      this.report(node, path, `${path} must be true or false`);
      return undefined;
    }
    return node.value as boolean;
  }

  array(node: Node | undefined, path: string, nonEmpty = true): Node[] | undefined {
    if (!node) return undefined;
    if (node.type !== 'array' || (nonEmpty && (node.children ?? []).length === 0)) {
      this.report(node, path, `${path} must be ${nonEmpty ? 'a non-empty array' : 'an array'}`);
      return undefined;
    }
    return node.children ?? [];
  }

  duration(node: Node | undefined, path: string): { text: string; ms: number } | undefined {
    const text = this.string(node, path);
    if (text === undefined) return undefined;
    const parsed = parseIsoDuration(text);
    if (!parsed.ok) {
      this.report(node, path, `${path}: ${parsed.error}`);
      return undefined;
    }
    return { text, ms: parsed.ms };
  }
}

function join(path: string, key: string | number): string {
  return path ? `${path}/${key}` : String(key);
}

function readTarget(c: Checker, node: Node | undefined, path: string): UpgradeTarget | undefined {
  const p = c.object(node, path, ['kind', 'version', 'sku', 'id'], ['kind']);
  if (!p) return undefined;
  const kind = c.string(p.get('kind'), join(path, 'kind'));
  const allowedFor: Record<string, readonly string[]> = { latest: [], version: ['version'], sku: ['sku', 'version'], image: ['id'] };
  if (kind === undefined) return undefined;
  if (!(kind in allowedFor)) {
    c.report(p.get('kind'), join(path, 'kind'), `${join(path, 'kind')} must be one of latest, version, sku, image; got '${kind}'`);
    return undefined;
  }
  for (const key of p.keys()) if (key !== 'kind' && !allowedFor[kind].includes(key)) c.report(p.get(key), join(path, key), `'${key}' does not belong to a target of kind '${kind}'`);
  const need = (key: string) => {
    if (!p.has(key)) c.report(node, path, `a target of kind '${kind}' needs '${key}'`);
    return c.string(p.get(key), join(path, key));
  };
  switch (kind) {
    case 'latest':
      return { kind: 'latest' };
    case 'version': {
      const version = need('version');
      return version ? { kind: 'version', version } : undefined;
    }
    case 'sku': {
      const sku = need('sku');
      const version = c.string(p.get('version'), join(path, 'version'));
      return sku ? { kind: 'sku', sku, ...(version ? { version } : {}) } : undefined;
    }
    default: {
      const id = need('id');
      return id ? { kind: 'image', id } : undefined;
    }
  }
}

function readSubscriptions(c: Checker, node: Node | undefined, path: string): string[] | undefined {
  const items = c.array(node, path);
  if (!items) return undefined;
  const subs = items.map((n, i) => c.string(n, join(path, i)));
  return subs.every((s): s is string => s !== undefined) ? subs : undefined;
}

function readSelector(c: Checker, group: Map<string, Node>, groupNode: Node, path: string): SetSelector | undefined {
  const given = ['sets', 'tags', 'query'].filter((k) => group.has(k));
  if (given.length !== 1) {
    c.report(groupNode, path, `${path} must name its scale sets with exactly one of 'sets' (resource ids), 'tags' or 'query'${given.length > 1 ? `; found ${given.join(' and ')}` : ''}`);
    return undefined;
  }
  if (given[0] !== 'sets' && !group.has('subscriptions')) c.report(groupNode, path, `${path}: '${given[0]}' needs 'subscriptions' (where to look)`);
  if (given[0] === 'sets' && group.has('subscriptions')) c.report(group.get('subscriptions'), join(path, 'subscriptions'), `'subscriptions' applies to 'tags' and 'query' only; resource ids name their subscription`);
  const subscriptions = given[0] === 'sets' ? [] : readSubscriptions(c, group.get('subscriptions'), join(path, 'subscriptions'));
  if (given[0] === 'sets') {
    const items = c.array(group.get('sets'), join(path, 'sets'));
    if (!items) return undefined;
    const ids: string[] = [];
    items.forEach((n, i) => {
      const id = c.string(n, join(path, `sets/${i}`));
      if (id === undefined) return;
      try {
        scaleSetRefFromId(id);
        ids.push(id);
      } catch {
        c.report(n, join(path, `sets/${i}`), `'${id}' is not a scale set resource id (/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/virtualMachineScaleSets/…)`);
      }
    });
    return ids.length === items.length ? { kind: 'ids', ids } : undefined;
  }
  if (given[0] === 'tags') {
    const tagsNode = group.get('tags')!;
    if (tagsNode.type !== 'object' || (tagsNode.children ?? []).length === 0) {
      c.report(tagsNode, join(path, 'tags'), `${join(path, 'tags')} must be an object of tag names and values, e.g. {"ring": "1"}`);
      return undefined;
    }
    const tags: Record<string, string> = {};
    for (const prop of tagsNode.children ?? []) {
      const [key, value] = prop.children ?? [];
      const v = c.string(value, join(path, `tags/${String(key?.value)}`));
      if (v !== undefined) tags[String(key?.value)] = v;
    }
    return subscriptions ? { kind: 'tags', tags, subscriptions } : undefined;
  }
  const query = c.string(group.get('query'), join(path, 'query'));
  return query && subscriptions ? { kind: 'query', query, subscriptions } : undefined;
}

function readEngine(c: Checker, node: Node | undefined, path: string): FleetEngine | undefined {
  if (!node) return { kind: 'embedded' };
  const p = c.object(node, path, ['kind', 'strategy', 'count', 'canary', 'policy'], ['kind']);
  if (!p) return undefined;
  const kind = c.string(p.get('kind'), join(path, 'kind'));
  if (kind === 'platform') {
    for (const key of p.keys()) if (key !== 'kind') c.report(p.get(key), join(path, key), `'${key}' is an option of the embedded engine; Azure's rolling upgrade uses the set's own rollingUpgradePolicy`);
    return { kind: 'platform' };
  }
  if (kind !== 'embedded') {
    if (kind !== undefined) c.report(p.get('kind'), join(path, 'kind'), `${join(path, 'kind')} must be 'embedded' (this extension's orchestrator) or 'platform' (Azure's rolling upgrade); got '${kind}'`);
    return undefined;
  }
  const strategy = c.string(p.get('strategy'), join(path, 'strategy'));
  if (strategy !== undefined && !embeddedStrategies.includes(strategy)) c.report(p.get('strategy'), join(path, 'strategy'), `${join(path, 'strategy')} must be one of ${embeddedStrategies.join(', ')}; got '${strategy}'`);
  const count = c.integer(p.get('count'), join(path, 'count'), 1);
  if (strategy === 'count' && count === undefined && !p.has('count')) c.report(node, path, `the 'count' strategy needs 'count'`);
  const canary = c.integer(p.get('canary'), join(path, 'canary'), 0);
  let policy: PolicyOverrides | undefined;
  if (p.has('policy')) {
    const pp = c.object(p.get('policy'), join(path, 'policy'), Object.keys(policyKeys));
    if (pp) {
      const out: Record<string, unknown> = {};
      for (const [key, value] of pp) {
        const type = policyKeys[key as keyof PolicyOverrides];
        const where = join(path, `policy/${key}`);
        const v = type === 'number' ? c.integer(value, where, 0, 100) : type === 'boolean' ? c.boolean(value, where) : c.duration(value, where)?.text;
        if (v !== undefined) out[key] = v;
      }
      policy = out as PolicyOverrides;
    }
  }
  return { kind: 'embedded', ...(strategy ? { strategy } : {}), ...(count !== undefined ? { count } : {}), ...(canary !== undefined ? { canary } : {}), ...(policy ? { policy } : {}) };
}

function readGates(c: Checker, node: Node | undefined, path: string): StageGateSpec[] {
  if (!node) return [];
  const items = c.array(node, path, false) ?? [];
  const gates: StageGateSpec[] = [];
  items.forEach((item, i) => {
    const where = join(path, i);
    if (item.type !== 'object') return c.report(item, where, `${where} must be an object with 'kind'`);
    const kindNode = findNodeAtLocation(item, ['kind']);
    const kind = c.string(kindNode, join(where, 'kind'));
    if (!kindNode) return c.report(item, where, `${where} needs 'kind'`);
    if (kind === undefined) return;
    const known = knownGateKinds();
    if (!known.includes(kind)) return c.report(kindNode, join(where, 'kind'), `unknown gate '${kind}'; known: ${known.join(', ')}`);
    // getNodeValue builds objects without a prototype; the plan is journaled and compared as plain JSON.
    const value = JSON.parse(JSON.stringify(getNodeValue(item))) as StageGateSpec;
    if (kind === 'health' && value.maxUnhealthyPercent !== undefined) c.integer(findNodeAtLocation(item, ['maxUnhealthyPercent']), join(where, 'maxUnhealthyPercent'), 0, 100);
    gates.push(value);
  });
  return gates;
}

function readStage(c: Checker, node: Node, path: string, seenStages: Set<string>): FleetStage | undefined {
  const p = c.object(node, path, ['name', 'groups', 'requiresApproval', 'waitAfter', 'gates'], ['name', 'groups']);
  if (!p) return undefined;
  const name = c.string(p.get('name'), join(path, 'name'));
  if (name !== undefined) {
    if (seenStages.has(name.toLowerCase())) c.report(p.get('name'), join(path, 'name'), `stage name '${name}' is used twice; stage names must be unique`);
    seenStages.add(name.toLowerCase());
  }
  const groupNodes = c.array(p.get('groups'), join(path, 'groups')) ?? [];
  const groupNames = new Set<string>();
  const groups = groupNodes.map((g, i): FleetGroup | undefined => {
    const where = join(path, `groups/${i}`);
    const gp = c.object(g, where, ['name', 'sets', 'tags', 'query', 'subscriptions', 'engine', 'maxParallel'], ['name']);
    if (!gp) return undefined;
    const groupName = c.string(gp.get('name'), join(where, 'name'));
    if (groupName !== undefined) {
      if (groupNames.has(groupName.toLowerCase())) c.report(gp.get('name'), join(where, 'name'), `group name '${groupName}' is used twice in stage '${name ?? i}'`);
      groupNames.add(groupName.toLowerCase());
    }
    const select = readSelector(c, gp, g, where);
    const engine = readEngine(c, gp.get('engine'), join(where, 'engine'));
    const maxParallel = c.integer(gp.get('maxParallel'), join(where, 'maxParallel'), 1);
    return groupName && select && engine ? { name: groupName, select, engine, ...(maxParallel !== undefined ? { maxParallel } : {}) } : undefined;
  });
  const wait = c.duration(p.get('waitAfter'), join(path, 'waitAfter'));
  const requiresApproval = c.boolean(p.get('requiresApproval'), join(path, 'requiresApproval')) ?? false;
  const gates = readGates(c, p.get('gates'), join(path, 'gates'));
  if (!name || groups.some((g) => !g)) return undefined;
  return { name, groups: groups as FleetGroup[], requiresApproval, ...(wait ? { waitAfter: wait.text } : {}), waitAfterMs: wait?.ms ?? 0, gates };
}

/** Parses and checks a rollout file's text; every problem is reported, not only the first. */
export function parseRolloutFile(text: string): RolloutFileParse {
  const c = new Checker(text);
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  for (const e of syntax) c.problems.push({ message: `JSON syntax: ${printParseErrorCode(e.error)}`, path: '', position: positionOf(text, e.offset, e.length) });
  if (syntax.length > 0 || !root) return { ok: false, problems: c.problems.length > 0 ? c.problems : [{ message: 'the file is empty', path: '', position: positionOf(text, 0, 0) }] };
  const p = c.object(root, '', ['$schema', 'name', 'target', 'stages', 'maxFailedSets', 'safety'], ['name', 'target', 'stages']);
  if (!p) return { ok: false, problems: c.problems };
  const name = c.string(p.get('name'), 'name');
  const target = p.has('target') ? readTarget(c, p.get('target'), 'target') : undefined;
  const maxFailedSets = c.integer(p.get('maxFailedSets'), 'maxFailedSets', 0) ?? 0;
  const sp = p.has('safety') ? c.object(p.get('safety'), 'safety', ['canaryMaxSets', 'requireCanary']) : undefined;
  const canaryMaxSets = c.integer(sp?.get('canaryMaxSets'), 'safety/canaryMaxSets', 1);
  const requireCanary = c.boolean(sp?.get('requireCanary'), 'safety/requireCanary') ?? true;
  const stageNodes = c.array(p.get('stages'), 'stages') ?? [];
  const seen = new Set<string>();
  const stages = stageNodes.map((s, i) => readStage(c, s, `stages/${i}`, seen));
  const platformWithPin = target && target.kind !== 'latest';
  stageNodes.forEach((s, i) => {
    (stages[i]?.groups ?? []).forEach((g, j) => {
      // A6: Azure's rolling upgrade moves a set to what its model names (the latest version of its image).
      if (g.engine.kind === 'platform' && platformWithPin) c.report(findNodeAtLocation(s, ['groups', j, 'engine']), `stages/${i}/groups/${j}/engine`, `Azure's rolling upgrade (engine 'platform') moves sets to the latest version of their image; the target '${target.kind}' needs the embedded engine`);
    });
  });
  if (c.problems.length > 0 || !name || !target) return { ok: false, problems: c.problems };
  return { ok: true, rollout: { name, target, stages: stages as FleetStage[], maxFailedSets, safety: { requireCanary, ...(canaryMaxSets !== undefined ? { canaryMaxSets } : {}) } } };
}

/** One line per problem: `FILE:LINE:COLUMN: message (path)`. */
export function formatProblems(file: string, problems: readonly RolloutFileProblem[]): string {
  return problems.map((p) => `${file}:${p.position.line}:${p.position.column}: ${p.message}${p.path ? ` (${p.path})` : ''}`).join('\n');
}
