/**
 * A memo of results by line text, for work a document repeats: the boilerplate
 * stage classifies a page in several rounds, and in-document dedup looks at the
 * same lines after each round and again in its own stage.
 *
 * Full, it starts a new Map rather than clearing the old one, and it stays small
 * (a few documents' lines): a long-lived Map would keep its keys, and through
 * them whole documents, alive until a full garbage collection.
 */
export class RecentMemo<Value> {
  #entries = new Map<string, Value>()

  constructor(private readonly size: number) {}

  get(text: string): Value | undefined {
    return this.#entries.get(text)
  }

  set(text: string, value: Value): void {
    if (this.#entries.size >= this.size) this.#entries = new Map()
    this.#entries.set(text, value)
  }
}

/** Lines remembered: a few documents' worth. */
export const RECENT_LINES = 512
