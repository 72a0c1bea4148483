/** Word-level helpers shared by the block stages: cheap tokenizing without a parser. */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Whether a UTF-16 unit belongs to a word; ASCII is decided without a regex. */
function isWordUnit(code: number, char: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  return LETTER_OR_DIGIT.test(char) || (code >= 0xd800 && code <= 0xdfff)
}

/** Number of words: runs of letters and digits (an apostrophe inside a word does not split it). */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isWordUnit(code, text[i]!)) {
      if (!inWord) count++
      inWord = true
    } else if (inWord && (code === 39 || code === 0x2019) && i + 1 < text.length && isWordUnit(text.charCodeAt(i + 1), text[i + 1]!)) {
      // don't, Xi’s: one word
    } else {
      inWord = false
    }
  }
  return count
}

export function words(text: string): string[] {
  return text.match(WORD) ?? []
}

/**
 * Lower-cased word tokens, apostrophes inside words kept as `'`: the key for
 * comparing passages. A hand-written scan: this runs over every document.
 */
export function normalizedTokens(text: string): string[] {
  const lower = text.toLowerCase()
  const tokens: string[] = []
  let start = -1
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32
    if (isWordUnit(code, lower[i] ?? ' ')) {
      if (start === -1) start = i
    } else if (
      start !== -1 &&
      (code === 39 || code === 0x2019 || code === 0x2018) &&
      i + 1 < lower.length &&
      isWordUnit(lower.charCodeAt(i + 1), lower[i + 1]!)
    ) {
      // an apostrophe inside a word
    } else if (start !== -1) {
      tokens.push(lower.slice(start, i).replace(/[’‘]/g, "'"))
      start = -1
    }
  }
  return tokens
}

/** FNV-1a: the starting value, and one step over a UTF-16 unit (take `>>> 0` of the end result). */
export const FNV_OFFSET = 0x811c9dc5
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193)
}

/** FNV-1a over a string, unsigned 32-bit. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i))
  return hash >>> 0
}

/** Hashes of consecutive word n-grams, for containment tests without building strings. */
export function shingleHashes(tokens: readonly string[], size: number): Set<number> {
  const hashes = tokens.map(hashString)
  const shingles = new Set<number>()
  for (let i = 0; i + size <= hashes.length; i++) {
    let hash = 0x9e3779b9
    for (let k = 0; k < size; k++) hash = Math.imul(hash ^ hashes[i + k]!, 0x85ebca6b) >>> 0
    shingles.add(hash)
  }
  return shingles
}
