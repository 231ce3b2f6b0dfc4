// Walks a Bicep resource body the way the rules read it — `properties.upgradePolicy.mode` —
// through written-out objects and computed values alike (the Bicep twin of
// src/lint/templateCursor.ts, sharing its handling of computed values in src/lint/cursorValues.ts):
// each Fact carries the path or expression it came from and its position in the Bicep source.
import type { Fact, Origin, SourceRange } from '../readiness/model';
import { isUnknown, type Unknown, type Value } from '../readiness/value';
import { factOf, memberOf, presenceOf, shortDescription } from '../lint/cursorValues';
import type { ModelCursor } from '../lint/scaleSetModelReaders';
import type { SyntaxNode } from './bicepParser';
import type { BicepFile } from './bicepFile';
import type { Locals } from './evaluateBicep';
import { findProperty, namedChildren, propertyKey, propertyValue } from './syntax';

type CursorState =
  | { readonly kind: 'node'; readonly node: SyntaxNode; readonly key?: SyntaxNode }
  | { readonly kind: 'value'; readonly value: Value | undefined; readonly anchor: SyntaxNode; readonly key?: SyntaxNode }
  | { readonly kind: 'absent'; readonly anchor: SyntaxNode; readonly key?: SyntaxNode };

/**
 * A short range to point at: the property name (`key`, when known) for objects and arrays, the node
 * itself for scalars. (No `node.parent` here: tree-sitter finds a parent by walking down from the root.)
 */
export function bicepAnchorRange(node: SyntaxNode, key?: SyntaxNode): SourceRange {
  if ((node.type === 'object' || node.type === 'array' || node.type === 'for_statement') && key) {
    return { offset: key.startIndex, length: key.endIndex - key.startIndex };
  }
  if (node.type === 'object' || node.type === 'array') return { offset: node.startIndex, length: 1 };
  return { offset: node.startIndex, length: node.endIndex - node.startIndex };
}

export class BicepCursor implements ModelCursor<SyntaxNode> {
  private constructor(
    private readonly file: BicepFile,
    private readonly locals: Locals,
    private readonly state: CursorState,
    readonly description: string,
  ) {}

  /** A cursor on a syntax node: objects and arrays are walked as written, other expressions are evaluated. */
  static at(node: SyntaxNode, file: BicepFile, locals: Locals, description: string, key?: SyntaxNode): BicepCursor {
    if (node.type === 'object' || node.type === 'array') return new BicepCursor(file, locals, { kind: 'node', node, key }, description);
    const value = file.evaluator.evaluate(node, locals);
    const text = node.text.replace(/\s+/g, ' ');
    const literal = node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
    const shown = literal ? description : shortDescription(text);
    return new BicepCursor(file, locals, { kind: 'value', value, anchor: node, key }, shown);
  }

  private child(suffix: string): string {
    return suffix.startsWith('.') && this.description === '' ? suffix.slice(1) : `${this.description}${suffix}`;
  }

  get(key: string): BicepCursor {
    const description = this.child(`.${key}`);
    const state = this.state;
    if (state.kind === 'absent') return new BicepCursor(this.file, this.locals, state, description);
    if (state.kind === 'value') return new BicepCursor(this.file, this.locals, { kind: 'value', value: memberOf(state.value, key), anchor: state.anchor, key: state.key }, description);
    const node = state.node;
    if (node.type !== 'object') return new BicepCursor(this.file, this.locals, { kind: 'absent', anchor: node, key: state.key }, description);
    const property = findProperty(node, key);
    const value = property ? propertyValue(property) : undefined;
    if (!value || value.type === 'resource_declaration') return new BicepCursor(this.file, this.locals, { kind: 'absent', anchor: node, key: state.key }, description);
    return BicepCursor.at(value, this.file, this.locals, description, property!.namedChildren[0] ?? undefined);
  }

  path(dotted: string): BicepCursor {
    return dotted.split('.').reduce<BicepCursor>((cursor, key) => cursor.get(key), this);
  }

  items(): BicepCursor[] | Unknown {
    const state = this.state;
    if (state.kind === 'absent') return [];
    if (state.kind === 'node') {
      if (state.node.type !== 'array') return [];
      return namedChildren(state.node).map((item, i) => BicepCursor.at(item, this.file, this.locals, this.child(`[${i}]`)));
    }
    const value = state.value;
    if (value === undefined || value === null) return [];
    if (isUnknown(value)) return value;
    if (!Array.isArray(value)) return [];
    return value.map((item, i) => new BicepCursor(this.file, this.locals, { kind: 'value', value: item, anchor: state.anchor, key: state.key }, this.child(`[${i}]`)));
  }

  /** The written-out syntax node under the cursor (objects and arrays only). */
  get node(): SyntaxNode | undefined {
    return this.state.kind === 'node' ? this.state.node : undefined;
  }

  get anchor(): SyntaxNode {
    return this.state.kind === 'node' ? this.state.node : this.state.anchor;
  }

  get origin(): Origin {
    return { description: this.description, range: bicepAnchorRange(this.anchor, this.state.key) };
  }

  /** The property names written in an object node, with their key positions. */
  keys(): { name: string; range: SourceRange }[] {
    const node = this.node;
    if (node?.type !== 'object') return [];
    return namedChildren(node).flatMap((property) => {
      const key = property.type === 'object_property' ? propertyKey(property) : undefined;
      return key ? [{ name: key.name, range: { offset: key.node.startIndex, length: key.node.endIndex - key.node.startIndex } }] : [];
    });
  }

  presence(): 'present' | 'absent' | 'unknown' {
    const state = this.state;
    if (state.kind === 'absent') return 'absent';
    if (state.kind === 'node') return 'present';
    return presenceOf(state.value);
  }

  fact(): Fact {
    const origin = this.origin;
    const state = this.state;
    if (state.kind === 'absent') return { state: 'absent', origin };
    return factOf(state.kind === 'node' ? this.file.evaluator.evaluate(state.node, this.locals) : state.value, origin);
  }
}
