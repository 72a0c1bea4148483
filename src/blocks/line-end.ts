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
