/** Word-level helpers shared by the block stages: cheap tokenizing without a parser. */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

export function countWords(text: string): number {
  let count = 0
  WORD.lastIndex = 0
  while (WORD.exec(text)) count++
  return count
}

export function words(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Lower-cased word tokens with curly quotes straightened: the key for comparing passages. */
export function normalizedTokens(text: string): string[] {
  return words(text.replace(/[’‘]/g, "'").toLowerCase())
}
