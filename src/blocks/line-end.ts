/**
 * Tests on how a line ends, by a backward scan from its last character. An
 * end-anchored regular expression (`[.!?]["”]*$`) is tried at every position of
 * the line, and these run on every line of a batch, several times.
 */

/**
 * A test for a line that ends in one of `terminals`, followed by nothing but
 * `closers` (quotes, brackets): `/[terminals][closers]*$/`. The two sets must not share a character.
 */
export function endsWith(terminals: string, closers = ''): (text: string) => boolean {
  const terminal = unitSet(terminals)
  const closer = unitSet(closers)
  return (text) => {
    let i = text.length - 1
    while (i >= 0 && closer.has(text.charCodeAt(i))) i--
    return i >= 0 && terminal.has(text.charCodeAt(i))
  }
}

function unitSet(chars: string): Set<number> {
  return new Set(Array.from(chars, (char) => char.charCodeAt(0)))
}

/** A sentence end inside a line: a word, `.`, `?` or `!`, a space, then a capital. */
const INNER_SENTENCE_END = /\p{Ll}[.!?]["”’)]?\s+["“‘(]?\p{Lu}/gu

/**
 * Whether a line holds at least two sentence ends inside it: prose even when it
 * does not end a sentence, as in a table layout's row where the article's
 * paragraph and a side column's cell share one line.
 */
export function holdsSentences(text: string): boolean {
  let found = 0
  INNER_SENTENCE_END.lastIndex = 0
  while (INNER_SENTENCE_END.exec(text)) if (++found >= 2) return true
  return false
}
