/**
 * Normalized tokens and word shingles, as 32-bit hashes (no strings kept).
 *
 * Normalization: lower case; every character that is not a letter, digit or
 * combining mark separates tokens; apostrophes (' ’ ‘ ʼ) are dropped inside
 * and around words, so `don't`, `don’t` and `dont` are one token and all
 * quote styles compare equal; soft hyphens and zero-width characters vanish;
 * each CJK ideograph/kana is a token of its own (those scripts have no spaces).
 * Line breaks are whitespace, so re-wrapped text gives the same tokens.
 */
import {FNV_OFFSET, FNV_PRIME, fmix32, murmur3Words} from './hash.js'

const SEP = 1
const WORD = 2
const SKIP = 3
const SINGLE = 4

const charClass = new Uint8Array(65536)
const lowerOf = new Uint16Array(65536)
const LETTER_MARK_DIGIT = /[\p{L}\p{N}\p{M}]/u

function classify(code: number): number {
  let cls: number
  if (
    code === 39 ||
    code === 0x2019 ||
    code === 0x2018 ||
    code === 0x02bc ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0xfeff
  ) {
    cls = SKIP
  } else if (code >= 0xd800 && code <= 0xdfff) {
    cls = WORD
  } else if (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  ) {
    cls = SINGLE
  } else {
    const char = String.fromCharCode(code)
    cls = LETTER_MARK_DIGIT.test(char) ? WORD : SEP
    if (cls === WORD) {
      const lower = char.toLowerCase()
      lowerOf[code] = lower.length === 1 ? lower.charCodeAt(0) : code
    }
  }
  charClass[code] = cls
  return cls
}

// ASCII is decided up front; the rest lazily on first sight.
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  charClass[c] = c === 39 ? SKIP : word ? WORD : SEP
  lowerOf[c] = c >= 65 && c <= 90 ? c + 32 : c
}

/** A growable buffer of token hashes, reused across documents to avoid garbage. */
export class TokenBuffer {
  hashes = new Uint32Array(4096)
  length = 0

  reset(): void {
    this.length = 0
  }

  push(hash: number): void {
    if (this.length === this.hashes.length) {
      const bigger = new Uint32Array(this.hashes.length * 2)
      bigger.set(this.hashes)
      this.hashes = bigger
    }
    this.hashes[this.length++] = hash
  }

  /**
   * Appends the normalized tokens of `text` (FNV-1a over the lower-cased
   * code units, then a murmur finalizer so low bits are well mixed).
   * Returns the number of tokens appended. With `blockStarts`, also records
   * paragraph breaks: the token index where each blank-line-separated block
   * begins (the first block's start included), in one pass over the text.
   */
  append(text: string, blockStarts?: number[]): number {
    const before = this.length
    let h = FNV_OFFSET
    let inWord = false
    // Newlines seen since the last visible character; ≥ 2 before a visible one = new block.
    let newlines = 2
    for (let i = 0, n = text.length; i < n; i++) {
      const code = text.charCodeAt(i)
      let cls = charClass[code]!
      if (cls === 0) cls = classify(code)
      if (cls === WORD) {
        if (newlines >= 2 && blockStarts && !inWord) blockStarts.push(this.length)
        newlines = 0
        h ^= lowerOf[code] || code
        h = Math.imul(h, FNV_PRIME)
        inWord = true
      } else if (cls === SEP) {
        if (inWord) {
          this.push(fmix32(h >>> 0))
          h = FNV_OFFSET
          inWord = false
        }
        if (code === 10) newlines++
        else if (code > 32 && code !== 0xa0) {
          if (newlines >= 2 && blockStarts) blockStarts.push(this.length)
          newlines = 0
        }
      } else if (cls === SINGLE) {
        if (inWord) this.push(fmix32(h >>> 0))
        if (newlines >= 2 && blockStarts) blockStarts.push(this.length)
        newlines = 0
        this.push(fmix32(Math.imul(FNV_OFFSET ^ code, FNV_PRIME) >>> 0))
        h = FNV_OFFSET
        inWord = false
      }
      // SKIP: neither part of the token nor a separator.
    }
    if (inWord) this.push(fmix32(h >>> 0))
    return this.length - before
  }
}

/** Normalized token hashes of a text (convenience; hot paths reuse a TokenBuffer). */
export function tokenHashes(text: string): Uint32Array {
  const buffer = new TokenBuffer()
  buffer.append(text)
  return buffer.hashes.slice(0, buffer.length)
}

/** Odd multiplier of the rolling shingle hash. */
const ROLL = 0x01000193 ^ 0x5bd1e995

/** Open-addressing set reused across calls: `stamp` marks slots used in the current call. */
let slots = new Uint32Array(4096)
let stamps = new Uint32Array(4096)
let generation = 0

/**
 * Hashes of the word `size`-shingles of `tokens[0..count)`, de-duplicated (a
 * set, in first-seen order). A text shorter than `size` tokens has one
 * shingle, the whole text; an empty text has none. Writes into `out` (grown if
 * needed) and returns the number of distinct shingles.
 *
 * Shingle hash: a polynomial over the token hashes, Σ t[i+j]·R^(size-1-j)
 * mod 2^32, updated in O(1) per position (Math.imul, exact), then the murmur3
 * finalizer. De-duplication uses an open-addressing table, no sort.
 */
export function shingleSet(tokens: Uint32Array, count: number, size: number, out: {set: Uint32Array}): number {
  if (count === 0) return 0
  const width = count < size ? count : size
  const n = count - width + 1
  if (out.set.length < n) out.set = new Uint32Array(Math.max(n, out.set.length * 2))
  let capacity = slots.length
  while (capacity < n * 2) capacity *= 2
  if (capacity !== slots.length) {
    slots = new Uint32Array(capacity)
    stamps = new Uint32Array(capacity)
    generation = 0
  }
  generation = (generation + 1) >>> 0
  if (generation === 0) {
    stamps.fill(0)
    generation = 1
  }
  const mask = capacity - 1
  const set = out.set
  // R^(width-1), to drop the outgoing token.
  let top = 1
  for (let j = 1; j < width; j++) top = Math.imul(top, ROLL)
  let h = 0
  for (let j = 0; j < width; j++) h = (Math.imul(h, ROLL) + tokens[j]!) | 0
  let unique = 0
  for (let i = 0; ; i++) {
    const value = fmix32((h ^ width) >>> 0)
    let slot = value & mask
    for (;;) {
      if (stamps[slot] !== generation) {
        stamps[slot] = generation
        slots[slot] = value
        set[unique++] = value
        break
      }
      if (slots[slot] === value) break
      slot = (slot + 1) & mask
    }
    if (i + 1 >= n) break
    h = (Math.imul(h - Math.imul(tokens[i]!, top), ROLL) + tokens[i + width]!) | 0
  }
  return unique
}

/** Shingle set of a text as a fresh array (tests and tools). */
export function shingles(text: string, size = 5): Uint32Array {
  const tokens = tokenHashes(text)
  const out = {set: new Uint32Array(16)}
  const n = shingleSet(tokens, tokens.length, size, out)
  return out.set.slice(0, n)
}

/**
 * 64-bit hash of a normalized token run as two independent 32-bit halves
 * (murmur3 over the token hashes with two seeds). Equal for texts that differ
 * only in case, punctuation, quotes, whitespace or line breaks.
 */
export function exactHash(tokens: Uint32Array, start: number, count: number): [number, number] {
  return [murmur3Words(tokens, start, count, 0x0e8ac7), murmur3Words(tokens, start, count, 0x2b1d3f9)]
}
