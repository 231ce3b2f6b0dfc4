// Walks a resource the way the rules read it — `properties.upgradePolicy.mode` — through literal
// JSON and through expressions alike, and turns what it finds into a Fact with its origin: the
// JSON path for literals (`properties.storageProfile.imageReference.version`), the expression
// for computed values (`variables('image').version`), and the position in the document.
import type { Fact, Origin, SourceRange } from '../readiness/model';
import { isUnknown, type Unknown, type Value } from '../readiness/value';
import { factOf, memberOf, presenceOf, shortDescription } from './cursorValues';
import { classifyTemplateString } from './expression/parser';
import type { ExpressionScope } from './expression/scope';
import { evaluateJson, expandLoop, propertyLoops } from './evaluateJson';
import { arrayItems, childProperty, type JsonNode } from './jsonNodes';
import type { ModelCursor } from './scaleSetModelReaders';

type CursorState =
  | { readonly kind: 'node'; readonly node: JsonNode }
  | { readonly kind: 'value'; readonly value: Value | undefined; readonly anchor: JsonNode }
  | { readonly kind: 'absent'; readonly anchor: JsonNode };

/** A short range to point at: the property key for objects and arrays, the node itself for scalars. */
export function anchorRange(node: JsonNode): SourceRange {
  if ((node.type === 'object' || node.type === 'array') && node.parent?.type === 'property') {
    const key = node.parent.children?.[0];
    if (key) return { offset: key.offset, length: key.length };
  }
  if (node.type === 'property') {
    const key = node.children?.[0];
    if (key) return { offset: key.offset, length: key.length };
  }
  if (node.type === 'object' || node.type === 'array') return { offset: node.offset, length: 1 };
  return { offset: node.offset, length: node.length };
}

export class TemplateCursor implements ModelCursor<JsonNode> {
  private constructor(
    private readonly scope: ExpressionScope,
    private readonly state: CursorState,
    /** Where the value came from, for people. */
    readonly description: string,
  ) {}

  /** A cursor on a JSON node; an expression string becomes its computed value. */
  static at(node: JsonNode, scope: ExpressionScope, description: string): TemplateCursor {
    if (node.type === 'string') {
      const classified = classifyTemplateString(String(node.value));
      if (classified.kind === 'expression') {
        return new TemplateCursor(scope, { kind: 'value', value: evaluateJson(node, scope), anchor: node }, shortDescription(classified.body.trim()));
      }
    }
    return new TemplateCursor(scope, { kind: 'node', node }, description);
  }

  private child(description: string): string {
    return description.startsWith('.') && this.description === '' ? description.slice(1) : `${this.description}${description}`;
  }

  get(key: string): TemplateCursor {
    const description = this.child(`.${key}`);
    const state = this.state;
    if (state.kind === 'absent') return new TemplateCursor(this.scope, state, description);
    if (state.kind === 'value') return new TemplateCursor(this.scope, { kind: 'value', value: memberOf(state.value, key), anchor: state.anchor }, description);
    const node = state.node;
    if (node.type !== 'object') return new TemplateCursor(this.scope, { kind: 'absent', anchor: node }, description);
    const loop = propertyLoops(node)?.find((l) => {
      const name = childProperty(l, 'name')?.children?.[1];
      return name?.type === 'string' && String(name.value).toLowerCase() === key.toLowerCase();
    });
    if (loop) return new TemplateCursor(this.scope, { kind: 'value', value: expandLoop(loop, this.scope).value, anchor: loop }, description);
    const property = childProperty(node, key);
    const value = property?.children?.[1];
    if (!value) return new TemplateCursor(this.scope, { kind: 'absent', anchor: node }, description);
    return TemplateCursor.at(value, this.scope, description);
  }

  /** Follows a dotted path: `properties.upgradePolicy.mode`. */
  path(dotted: string): TemplateCursor {
    return dotted.split('.').reduce<TemplateCursor>((cursor, key) => cursor.get(key), this);
  }

  /** The items of an array, or an Unknown when the array itself is only known at deployment. */
  items(): TemplateCursor[] | Unknown {
    const state = this.state;
    if (state.kind === 'absent') return [];
    if (state.kind === 'node') {
      if (state.node.type !== 'array') return [];
      return arrayItems(state.node).map((item, i) => TemplateCursor.at(item, this.scope, this.child(`[${i}]`)));
    }
    const value = state.value;
    if (value === undefined || value === null) return [];
    if (isUnknown(value)) return value;
    if (!Array.isArray(value)) return [];
    return value.map((item, i) => new TemplateCursor(this.scope, { kind: 'value', value: item, anchor: state.anchor }, this.child(`[${i}]`)));
  }

  /** The literal JSON node under the cursor, when the value is written out in the document. */
  get node(): JsonNode | undefined {
    return this.state.kind === 'node' ? this.state.node : undefined;
  }

  /** The nearest JSON node: the literal itself, the expression that computed it, or the parent that lacks it. */
  get anchor(): JsonNode {
    return this.state.kind === 'node' ? this.state.node : this.state.anchor;
  }

  get origin(): Origin {
    return { description: this.description, range: anchorRange(this.anchor) };
  }

  /** The property names written in an object node, with their key positions. */
  keys(): { name: string; range: SourceRange }[] {
    const node = this.node;
    if (node?.type !== 'object') return [];
    return (node.children ?? []).flatMap((property) => {
      const key = property.children?.[0];
      return key ? [{ name: String(key.value), range: { offset: key.offset, length: key.length } }] : [];
    });
  }

  /** Whether anything is there, without evaluating a written-out subtree. */
  presence(): 'present' | 'absent' | 'unknown' {
    const state = this.state;
    if (state.kind === 'absent') return 'absent';
    if (state.kind === 'node') return state.node.type === 'null' ? 'absent' : 'present';
    return presenceOf(state.value);
  }

  /** The value under the cursor as a Fact (null counts as not set, as in ARM). */
  fact(): Fact {
    const origin = this.origin;
    const state = this.state;
    if (state.kind === 'absent') return { state: 'absent', origin };
    return factOf(state.kind === 'node' ? evaluateJson(state.node, this.scope) : state.value, origin);
  }
}
