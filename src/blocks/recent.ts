/**
 * A memo of results by line text, for work a document repeats: the boilerplate
 * stage classifies a page in several rounds, and in-document dedup looks at the
 * same lines after each round and again in its own stage.
 *
 * Full, it starts a new Map instead of clearing the old one, and it is kept small
 * (a few documents' lines). A long-lived Map sits in the old generation and keeps
 * every entry, and through each key, a slice of the document, the whole text,
 * alive across young-generation collections; a cleared Map's old table does so
 * until the next full collection. Every document's lines were then copied and
 * promoted, and that garbage cost a tenth of a run's time in collections.
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
