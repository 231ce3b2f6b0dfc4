// Tokenizer for the ARM template expression language (the text between the outer `[` `]`).
// Strings are single-quoted with '' as the escaped quote; numbers are integers (optionally
// negative); identifiers may contain dots only through the parser (namespace.function).

export type TokenKind = 'identifier' | 'string' | 'number' | '(' | ')' | '[' | ']' | ',' | '.' | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset inside the expression body (after the opening `[`). */
  readonly offset: number;
}

export class ExpressionSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

const punctuation = new Set(['(', ')', '[', ']', ',', '.']);

function isIdentifierStart(ch: string): boolean {
  return /[A-Za-z_$]/.test(ch);
}

function isIdentifierPart(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch);
}

export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
    } else if (punctuation.has(ch)) {
      tokens.push({ kind: ch as TokenKind, text: ch, offset: i });
      i++;
    } else if (ch === "'") {
      const start = i;
      let text = '';
      i++;
      for (;;) {
        if (i >= body.length) throw new ExpressionSyntaxError('unterminated string literal', start);
        if (body[i] === "'") {
          if (body[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += body[i++];
      }
      tokens.push({ kind: 'string', text, offset: start });
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(body[i + 1] ?? ''))) {
      const start = i;
      i++;
      while (i < body.length && /[0-9.]/.test(body[i])) i++;
      tokens.push({ kind: 'number', text: body.slice(start, i), offset: start });
    } else if (isIdentifierStart(ch)) {
      const start = i;
      while (i < body.length && isIdentifierPart(body[i])) i++;
      tokens.push({ kind: 'identifier', text: body.slice(start, i), offset: start });
    } else {
      throw new ExpressionSyntaxError(`unexpected character '${ch}'`, i);
    }
  }
  tokens.push({ kind: 'end', text: '', offset: body.length });
  return tokens;
}
