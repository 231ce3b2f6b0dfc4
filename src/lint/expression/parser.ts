// Recursive-descent parser for ARM template expressions:
//   expr   := primary ( '.' identifier | '[' expr ']' )*
//   primary:= string | number | identifier ( '.' identifier )* '(' args ')' | true | false | null
// A template string is an expression when it starts with `[` and ends with `]`; a leading `[[`
// escapes the bracket and the string is a literal without its first `[`.
import type { ExpressionNode } from './ast';
import { ExpressionSyntaxError, tokenize, type Token, type TokenKind } from './tokenizer';

/** Deeper nesting than this is refused instead of risking the call stack. */
const maxDepth = 256;

export type TemplateString =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly body: string };

/** Classifies a JSON string value of a template: a literal (after unescaping `[[`) or an expression body. */
export function classifyTemplateString(text: string): TemplateString {
  if (text.startsWith('[[')) return { kind: 'literal', value: text.slice(1) };
  if (text.length >= 2 && text.startsWith('[') && text.endsWith(']')) return { kind: 'expression', body: text.slice(1, -1) };
  return { kind: 'literal', value: text };
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): ExpressionNode {
    const node = this.parseExpression();
    this.expect('end');
    return node;
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    return this.tokens[this.position++];
  }

  private expect(kind: TokenKind): Token {
    const token = this.next();
    if (token.kind !== kind) {
      throw new ExpressionSyntaxError(`expected ${kind === 'end' ? 'end of expression' : `'${kind}'`} but found '${token.text || token.kind}'`, token.offset);
    }
    return token;
  }

  private parseExpression(): ExpressionNode {
    if (++this.depth > maxDepth) throw new ExpressionSyntaxError('expression nested too deeply', this.peek().offset);
    let node = this.parsePrimary();
    for (;;) {
      const token = this.peek();
      if (token.kind === '.') {
        this.next();
        node = { kind: 'property', target: node, name: this.expect('identifier').text };
      } else if (token.kind === '[') {
        this.next();
        const index = this.parseExpression();
        this.expect(']');
        node = { kind: 'index', target: node, index };
      } else {
        break;
      }
    }
    this.depth--;
    return node;
  }

  private parsePrimary(): ExpressionNode {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number': {
        const value = Number(token.text);
        if (!Number.isFinite(value)) throw new ExpressionSyntaxError(`invalid number '${token.text}'`, token.offset);
        return { kind: 'number', value };
      }
      case 'identifier':
        return this.parseCallOrKeyword(token);
      default:
        throw new ExpressionSyntaxError(`unexpected '${token.text || token.kind}'`, token.offset);
    }
  }

  private parseCallOrKeyword(first: Token): ExpressionNode {
    let name = first.text;
    // User-defined functions are called as namespace.member(...).
    while (this.peek().kind === '.' && this.tokens[this.position + 1]?.kind === 'identifier' && this.tokens[this.position + 2]?.kind === '(') {
      this.next();
      name += `.${this.next().text}`;
    }
    if (this.peek().kind !== '(') {
      const lower = name.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      if (lower === 'null') return { kind: 'literal', value: null };
      throw new ExpressionSyntaxError(`expected '(' after '${name}'`, this.peek().offset);
    }
    this.next();
    const args: ExpressionNode[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.parseExpression());
        if (this.peek().kind === ',') {
          this.next();
          continue;
        }
        break;
      }
    }
    this.expect(')');
    return { kind: 'call', name, args };
  }
}

/** Parses an expression body (without the outer brackets). Throws ExpressionSyntaxError. */
export function parseExpression(body: string): ExpressionNode {
  return new Parser(tokenize(body)).parseAll();
}

/** Prints an expression back in a canonical form (used to describe where a value came from). */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'string':
      return `'${node.value.replace(/'/g, "''")}'`;
    case 'number':
      return String(node.value);
    case 'literal':
      return String(node.value);
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`;
    case 'property':
      return `${printExpression(node.target)}.${node.name}`;
    case 'index':
      return `${printExpression(node.target)}[${printExpression(node.index)}]`;
  }
}
