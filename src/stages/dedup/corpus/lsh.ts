/**
 * Locality-sensitive hashing by banding.
 *
 * The signature (one byte per hash function) is cut in `bands` bands of
 * `rows` bytes; two documents are candidates when all bytes of some band agree.
 * With Jaccard s a pair collides in one band with probability ≈ s^rows and in
 * at least one with 1 - (1 - s^rows)^bands (the S-curve, see {@link sCurve}).
 *
 * Band keys are uint32: with rows ≤ 4 the band's bytes packed little-endian
 * (lossless), otherwise a murmur3 hash of them. Bucketing sorts (key, rank)
 * pairs packed in one float64 (key·2^21 + rank, exact below 2^53) per band —
 * no strings, no per-bucket objects.
 */
import {fmix32, murmurRound} from './hash.js'

/** Probability that a pair with Jaccard `s` shares at least one band. */
export function sCurve(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands)
}

/** Jaccard where the S-curve is steepest, ≈ (1/bands)^(1/rows). */
export function lshThreshold(bands: number, rows: number): number {
  return Math.pow(1 / bands, 1 / rows)
}

/** Key of band `band` of the byte signature starting at `offset`. */
export function bandKey(sig: Uint8Array, offset: number, band: number, rows: number): number {
  const start = offset + band * rows
  if (rows <= 4) {
    let key = 0
    for (let r = 0; r < rows; r++) key |= sig[start + r]! << (8 * r)
    return key >>> 0
  }
  let h = 0x1b5d ^ band
  let word = 0
  for (let r = 0; r < rows; r++) {
    word |= sig[start + r]! << (8 * (r & 3))
    if ((r & 3) === 3 || r === rows - 1) {
      h = murmurRound(h, word)
      word = 0
    }
  }
  return fmix32((h ^ rows) >>> 0)
}

/** All band keys of one signature. */
export function bandKeys(sig: Uint8Array, bands: number, rows: number, offset = 0): Uint32Array {
  const keys = new Uint32Array(bands)
  for (let b = 0; b < bands; b++) keys[b] = bandKey(sig, offset, b, rows)
  return keys
}

export const RANK_BITS = 21
const RANK_SCALE = 2 ** RANK_BITS
/** Largest number of documents the float64 packing supports in one index. */
export const MAX_RANKED_DOCS = RANK_SCALE

/**
 * Sorts `count` (key, rank) entries and calls `run(ranks, start, end)` for
 * every group of ≥ 2 entries with equal key (ranks ascending within a group).
 * `packed` is scratch of at least `count` float64s.
 */
export function forEachRun(
  keys: Uint32Array,
  ranks: Uint32Array,
  count: number,
  packed: Float64Array,
  run: (ranks: Uint32Array, start: number, end: number) => void
): void {
  for (let i = 0; i < count; i++) packed[i] = keys[i]! * RANK_SCALE + ranks[i]!
  const view = packed.subarray(0, count)
  view.sort()
  // Unpack the ranks in sorted order back into `ranks`, keys into `keys`.
  for (let i = 0; i < count; i++) {
    const v = view[i]!
    const key = Math.floor(v / RANK_SCALE)
    keys[i] = key
    ranks[i] = v - key * RANK_SCALE
  }
  let start = 0
  for (let i = 1; i <= count; i++) {
    if (i === count || keys[i] !== keys[start]) {
      if (i - start >= 2) run(ranks, start, i)
      start = i
    }
  }
}
