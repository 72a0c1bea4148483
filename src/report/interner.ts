/** Values numbered in the order they are first seen, each once: the rule tables of report entries and spooled traces, the HTML page's tables. */
export class Interner<T = string> {
  readonly values: T[] = []
  private readonly index = new Map<string, number>()

  constructor(private readonly keyOf: (value: T) => string = String) {}

  get(value: T): number {
    const key = this.keyOf(value)
    let i = this.index.get(key)
    if (i === undefined) {
      i = this.values.length
      this.values.push(value)
      this.index.set(key, i)
    }
    return i
  }
}
