// What an expression can look up while it is evaluated: the template's parameters and
// variables, and the copy-loop indexes bound around it.
import type { Unknown, Value } from '../../readiness/value';

export interface ExpressionScope {
  parameter(name: string): Value;
  variable(name: string): Value;
  /**
   * The current index of the named copy loop (or the innermost one): a number inside an expanded
   * loop, an Unknown (listing the indexes when the count is small) for a resource loop judged once.
   */
  copyIndex(loopName: string | undefined): number | Unknown | undefined;
}
