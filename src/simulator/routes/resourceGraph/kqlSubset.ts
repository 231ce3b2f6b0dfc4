// The part of the Kusto query language the simulator understands — the query family the product
// sends (`Resources | where type =~ 'microsoft.compute/virtualmachinescalesets' | project id, …`):
// `Resources`, then `where` with ==, =~, !=, !~, in/in~ joined by `and`, `project`, `order by`,
// `limit`/`take`. Anything else is refused with Resource Graph's InvalidQuery error: the simulator
// never pretends to have evaluated a query it did not understand.
import { ArmError } from '../../armError';

export type Row = Record<string, unknown>;

export interface Condition {
  readonly column: string;
  readonly op: '==' | '=~' | '!=' | '!~' | 'in' | 'in~';
  readonly values: readonly string[];
}

export type Stage =
  | { readonly kind: 'where'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'project'; readonly columns: readonly string[] }
  | { readonly kind: 'order'; readonly column: string; readonly descending: boolean }
  | { readonly kind: 'limit'; readonly count: number };

export function invalidQuery(reason: string): ArmError {
  return new ArmError(
    400,
    'BadRequest',
    'Please provide below info when asking for support: the query and the time it was sent.',
    undefined,
    {},
    [
      { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
      { code: 'ParserFailure', message: reason },
    ],
  );
}

/** Splits on `sep` outside single/double quoted strings. */
function splitOutsideQuotes(text: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      continue;
    }
    const m = sep.exec(text.slice(i));
    if (m && m.index === 0) {
      parts.push(text.slice(start, i));
      i += m[0].length - 1;
      start = i + 1;
    }
  }
  if (quote) throw invalidQuery('Unterminated string literal.');
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const literal = /^(?:'([^']*)'|"([^"]*)")$/;

function unquote(text: string): string {
  const m = literal.exec(text.trim());
  if (!m) throw invalidQuery(`Expected a string literal, found '${text.trim()}'.`);
  return m[1] ?? m[2];
}

function parseCondition(text: string): Condition {
  const inMatch = /^([A-Za-z_]\w*)\s+(in~?)\s*\((.*)\)$/s.exec(text);
  if (inMatch) {
    const values = splitOutsideQuotes(inMatch[3], /^,/).map(unquote);
    return { column: inMatch[1], op: inMatch[2] as 'in' | 'in~', values };
  }
  const m = /^([A-Za-z_]\w*)\s*(==|=~|!=|!~)\s*(.+)$/s.exec(text);
  if (!m) throw invalidQuery(`Unsupported condition '${text}'.`);
  return { column: m[1], op: m[2] as Condition['op'], values: [unquote(m[3])] };
}

function parseStage(text: string): Stage {
  const [, keyword, rest = ''] = /^(\S+)\s*(.*)$/s.exec(text) ?? [];
  switch (keyword?.toLowerCase()) {
    case 'where':
      return { kind: 'where', conditions: splitOutsideQuotes(rest, /^\s+and\s+/i).map(parseCondition) };
    case 'project': {
      const columns = rest.split(',').map((c) => c.trim());
      if (columns.some((c) => !identifier.test(c))) throw invalidQuery(`Unsupported projection '${rest}'.`);
      return { kind: 'project', columns };
    }
    case 'order':
    case 'sort': {
      const m = /^by\s+([A-Za-z_]\w*)(?:\s+(asc|desc))?$/i.exec(rest);
      if (!m) throw invalidQuery(`Unsupported ordering '${text}'.`);
      return { kind: 'order', column: m[1], descending: (m[2] ?? 'desc').toLowerCase() === 'desc' };
    }
    case 'limit':
    case 'take': {
      const count = Number(rest);
      if (!Number.isInteger(count) || count < 0) throw invalidQuery(`Invalid row count '${rest}'.`);
      return { kind: 'limit', count };
    }
    default:
      throw invalidQuery(`The operator '${keyword ?? ''}' is not supported by the simulator.`);
  }
}

export function parseQuery(query: string): Stage[] {
  const [table, ...stages] = splitOutsideQuotes(query.trim(), /^\|/);
  if (!/^resources$/i.test(table)) throw invalidQuery(`Unknown table '${table}'; the simulator answers queries on 'Resources'.`);
  return stages.map(parseStage);
}

function column(row: Row, name: string): unknown {
  const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : row[key];
}

function matches(row: Row, c: Condition): boolean {
  const value = column(row, c.column);
  const text = value === undefined || value === null ? '' : String(value);
  const insensitive = c.op === '=~' || c.op === '!~' || c.op === 'in~';
  const eq = (v: string) => (insensitive ? text.toLowerCase() === v.toLowerCase() : text === v);
  if (c.op === '!=' || c.op === '!~') return !eq(c.values[0]);
  return c.values.some(eq);
}

export function runQuery(stages: readonly Stage[], rows: readonly Row[]): Row[] {
  let out = [...rows];
  for (const stage of stages) {
    if (stage.kind === 'where') out = out.filter((r) => stage.conditions.every((c) => matches(r, c)));
    else if (stage.kind === 'project') out = out.map((r) => Object.fromEntries(stage.columns.map((c) => [c, column(r, c) ?? null])));
    else if (stage.kind === 'order') {
      const dir = stage.descending ? -1 : 1;
      out.sort((a, b) => dir * String(column(a, stage.column) ?? '').localeCompare(String(column(b, stage.column) ?? '')));
    } else out = out.slice(0, stage.count);
  }
  return out;
}
