// The boolean query grammar JQL and CQL share: clauses joined by AND/OR/NOT with parentheses, then ORDER BY.
// Field meaning is left to jql.ts and cql.ts; this file only turns text into a tree or a syntax error.

export type Expr =
  | { kind: 'and' | 'or'; items: Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'clause'; field: string; op: string; values: Literal[] };

export interface Literal {
  text: string;
  quoted: boolean;
}

export interface ParsedQuery {
  where: Expr | undefined;
  orderBy: Array<{ field: string; direction: 'asc' | 'desc' }>;
}

export class QuerySyntaxError extends Error {}

interface Token {
  type: 'word' | 'string' | 'op' | 'paren' | 'comma';
  text: string;
}

const OPERATOR = /^(!=|>=|<=|!~|=|>|<|~)/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < input.length && input[j] !== ch) {
        if (input[j] === '\\' && j + 1 < input.length) j++;
        text += input[j];
        j++;
      }
      if (j >= input.length)
        throw new QuerySyntaxError(`Error in the query: unterminated string at character ${i}.`);
      tokens.push({ type: 'string', text });
      i = j + 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: 'paren', text: ch });
      i++;
    } else if (ch === ',') {
      tokens.push({ type: 'comma', text: ch });
      i++;
    } else {
      const op = OPERATOR.exec(input.slice(i));
      if (op) {
        tokens.push({ type: 'op', text: op[0] });
        i += op[0].length;
      } else {
        const word = /^[^\s"'(),=!<>~]+/.exec(input.slice(i))![0];
        tokens.push({ type: 'word', text: word });
        i += word.length;
      }
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.tokens[this.position + offset];
    return token?.type === 'word' && token.text.toLowerCase() === word;
  }

  private next(expected: string): Token {
    const token = this.tokens[this.position++];
    if (!token)
      throw new QuerySyntaxError(`Error in the query: expecting ${expected} but got the end of the query.`);
    return token;
  }

  parse(): ParsedQuery {
    const where = this.peek() && !this.atOrderBy() ? this.parseOr() : undefined;
    const orderBy: ParsedQuery['orderBy'] = [];
    if (this.atOrderBy()) {
      this.position += 2;
      do {
        const field = this.next('a field name');
        if (field.type !== 'word' && field.type !== 'string') throw this.unexpected(field);
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isKeyword('asc') || this.isKeyword('desc'))
          direction = this.next('a direction').text.toLowerCase() as 'asc' | 'desc';
        orderBy.push({ field: field.text.toLowerCase(), direction });
      } while (this.peek()?.type === 'comma' && this.next(','));
    }
    const rest = this.peek();
    if (rest) throw this.unexpected(rest);
    return { where, orderBy };
  }

  private atOrderBy(): boolean {
    return this.isKeyword('order') && this.isKeyword('by', 1);
  }

  private unexpected(token: Token): QuerySyntaxError {
    return new QuerySyntaxError(`Error in the query: unexpected '${token.text}'.`);
  }

  private parseOr(): Expr {
    const items = [this.parseAnd()];
    while (this.isKeyword('or')) {
      this.position++;
      items.push(this.parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private parseAnd(): Expr {
    const items = [this.parseUnary()];
    while (this.isKeyword('and')) {
      this.position++;
      items.push(this.parseUnary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private parseUnary(): Expr {
    if (this.isKeyword('not')) {
      this.position++;
      return { kind: 'not', expr: this.parseUnary() };
    }
    const token = this.next('a clause');
    if (token.type === 'paren' && token.text === '(') {
      const inner = this.parseOr();
      const close = this.next("')'");
      if (close.text !== ')') throw this.unexpected(close);
      return inner;
    }
    if (token.type !== 'word' && token.type !== 'string') throw this.unexpected(token);
    return this.parseClause(token.text.toLowerCase());
  }

  private parseClause(field: string): Expr {
    let op: string;
    if (this.isKeyword('in')) {
      this.position++;
      op = 'in';
    } else if (this.isKeyword('not') && this.isKeyword('in', 1)) {
      this.position += 2;
      op = 'not in';
    } else {
      const token = this.next('an operator');
      if (token.type !== 'op') throw this.unexpected(token);
      op = token.text;
    }
    if (op === 'in' || op === 'not in') return { kind: 'clause', field, op, values: this.parseList() };
    return { kind: 'clause', field, op, values: [this.parseValue()] };
  }

  private parseList(): Literal[] {
    const open = this.next("'('");
    if (open.text !== '(') throw this.unexpected(open);
    const values = [this.parseValue()];
    while (this.peek()?.type === 'comma') {
      this.position++;
      values.push(this.parseValue());
    }
    const close = this.next("')'");
    if (close.text !== ')') throw this.unexpected(close);
    return values;
  }

  private parseValue(): Literal {
    const token = this.next('a value');
    if (token.type !== 'word' && token.type !== 'string') throw this.unexpected(token);
    return { text: token.text, quoted: token.type === 'string' };
  }
}

/** Parse a JQL or CQL string; throws QuerySyntaxError with a message fit for a 400 body. */
export function parseQuery(input: string): ParsedQuery {
  return new Parser(tokenize(input)).parse();
}

/** True when the text holds no operator at all: Jira then runs it as a plain-text search. */
export function looksLikePlainText(input: string): boolean {
  try {
    return tokenize(input).every((token) => token.type === 'word');
  } catch {
    return false;
  }
}
