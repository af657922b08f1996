/**
 * Strings (stage keys, owners, teams, products) as small integers, so the snapshot's
 * columns are typed arrays and a filter is an integer comparison.
 *
 * Append-only and shared between snapshot versions: a patched snapshot adds the codes
 * it needs, and a reader holding the previous version never sees a code change meaning.
 */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  /** The code of `value`, added when new. */
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of `value`, or -1 when no deal ever had it (a filter that keeps nothing). */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}
