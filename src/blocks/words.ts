/** Word-level helpers shared by the block stages: cheap tokenizing without a parser. */
import {isLetterOrNumberUnit, lowerUnit} from './chars.js'

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

/** Whether a UTF-16 unit belongs to a word (a surrogate does: astral letters are rare, symbols rarer). */
function isWordUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  return (code >= 0xd800 && code <= 0xdfff) || isLetterOrNumberUnit(code)
}

/**
 * isWordUnit for every unit, 1 or 0, worked out for the whole plane on first
 * use (about 15 ms). The word scans below run over every character of a batch
 * several times; one table read per character, added without a branch, is what
 * made them about twice as fast: word boundaries are too frequent to predict.
 */
let wordUnitTable: Uint8Array | undefined

function wordUnits(): Uint8Array {
  if (!wordUnitTable) {
    wordUnitTable = new Uint8Array(0x10000)
    for (let code = 0; code < 0x10000; code++) wordUnitTable[code] = isWordUnit(code) ? 1 : 0
  }
  return wordUnitTable
}

/** Number of words: runs of letters and digits (an apostrophe inside a word does not split it). */
export function countWords(text: string): number {
  const units = wordUnits()
  let count = 0
  let previous = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    let unit = units[code]!
    // don't, Xi’s: one word
    if (unit < previous && (code === 39 || code === 0x2019) && i + 1 < n && units[text.charCodeAt(i + 1)] === 1) unit = 1
    // A word starts at a word unit after one that is not.
    count += unit & (previous ^ 1)
    previous = unit
  }
  return count
}

export function words(text: string): string[] {
  return text.match(WORD) ?? []
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

/**
 * The comparison key of a passage: FNV-1a hashes of its lower-cased word tokens
 * (an apostrophe inside a word kept, curly ones as `'`). One scan that lowers
 * and hashes each unit as it goes, without building strings: this runs over
 * every line of every document.
 */
export function tokenHashes(text: string): number[] {
  return hashTokens(text, false) ?? (hashTokens(text.toLowerCase(), true) as number[])
}

/**
 * Undefined when the text needs `toLowerCase` on the whole string: a capital
 * sigma (its lower case depends on where it stands), an astral character, or a
 * unit whose lower case is several units.
 */
function hashTokens(text: string, lowered: boolean): number[] | undefined {
  const units = wordUnits()
  const hashes: number[] = []
  let hash = FNV_OFFSET
  let inWord = false
  const n = text.length
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i)
    if (lowered) {
      // already lower case
    } else if (code < 128) {
      if (code >= 65 && code <= 90) code += 32
    } else {
      if (code === 0x3a3 || (code >= 0xd800 && code <= 0xdfff)) return undefined
      code = lowerUnit(code)
      if (code === -1) return undefined
    }
    if (units[code] === 1) {
      hash = fnvStep(hash, code)
      inWord = true
    } else if (inWord && (code === 39 || code === 0x2019 || code === 0x2018) && i + 1 < n && units[text.charCodeAt(i + 1)] === 1) {
      hash = fnvStep(hash, 39)
    } else if (inWord) {
      hashes.push(hash >>> 0)
      hash = FNV_OFFSET
      inWord = false
    }
  }
  if (inWord) hashes.push(hash >>> 0)
  return hashes
}

/** Two independent hashes of a token sequence (its first `count` tokens) in one number: equal sequences, equal keys. */
export function sequenceKey(tokens: ArrayLike<number>, count = tokens.length): number {
  let high = 0x811c9dc5
  let low = 0x9747b28c
  for (let i = 0; i < count; i++) {
    const token = tokens[i]!
    high = Math.imul(high ^ token, 0x01000193)
    low = Math.imul(low ^ token, 0x5bd1e995) ^ (low >>> 13)
  }
  return (high >>> 0) * 0x200000 + ((low >>> 0) & 0x1fffff)
}

/** Hash of `size` consecutive token hashes starting at `at`. */
export function shingleAt(hashes: ArrayLike<number>, at: number, size: number): number {
  let hash = 0x9e3779b9
  for (let k = 0; k < size; k++) hash = Math.imul(hash ^ hashes[at + k]!, 0x85ebca6b) >>> 0
  return hash
}

/** The n-gram hashes of a sequence of token hashes, sorted and without repeats. */
export function sortedShingles(hashes: ArrayLike<number>, size: number): Uint32Array {
  const count = Math.max(0, hashes.length - size + 1)
  const all = new Uint32Array(count)
  for (let i = 0; i < count; i++) all[i] = shingleAt(hashes, i, size)
  all.sort()
  let unique = 0
  for (let i = 0; i < count; i++) if (i === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i]!
  return unique === count ? all : all.slice(0, unique)
}

/** The character before `index` ends a word (or a quote or bracket closing one); `digits`: a number counts as a word. */
export function afterWord(text: string, index: number, digits: boolean): boolean {
  const before = text[index - 1]
  if (before === undefined || (text[index - 1] === '.' && text[index - 2] === '.')) return false
  return (digits ? /[\p{L}\p{N}”"’)\]]/u : /[\p{L}”"’)\]]/u).test(before)
}
