// The orderings of names and ids, each with one collator made once. String#localeCompare with options
// builds a new ICU collator on every call, and the first collator of a process loads ICU's collation data
// (~15 ms on this machine): preloadSdk() warms it while the user signs in, off the first tree load
// (issue 18). Same results as `a.localeCompare(b)` and `a.localeCompare(b, undefined, { numeric: true })`.
let text: Intl.Collator | undefined;
let numeric: Intl.Collator | undefined;

/** As `a.localeCompare(b)`: display names, scale-set names. */
export function compareText(a: string, b: string): number {
  return (text ??= new Intl.Collator()).compare(a, b);
}

/** As `a.localeCompare(b, undefined, { numeric: true })`: "web_2" before "web_10", instance ids, zones. */
export function compareNumericText(a: string, b: string): number {
  return (numeric ??= new Intl.Collator(undefined, { numeric: true })).compare(a, b);
}

/** Makes both collators now (ICU's data loads with the first). */
export function warmCollation(): void {
  compareText('a', 'b');
  compareNumericText('1', '2');
}
