/**
 * 32-bit hashing that is exact in JavaScript.
 *
 * Every multiplication of two 32-bit values goes through `Math.imul` (the low
 * 32 bits of the product, no float rounding) and every result is brought back
 * to unsigned with `>>> 0`. The one family that works modulo a prime
 * ({@link mulAddModPrime}) splits the multiplier so no intermediate value
 * exceeds 2^48, far below `Number.MAX_SAFE_INTEGER` (2^53 - 1).
 */

export const FNV_OFFSET = 0x811c9dc5
export const FNV_PRIME = 0x01000193

/** FNV-1a over UTF-16 code units (equal to the byte version for ASCII). */
export function fnv1a32(text: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, FNV_PRIME)
  }
  return h >>> 0
}

/** murmur3 finalizer: full avalanche of a 32-bit value. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

/** One murmur3 body round: mixes the 32-bit block `k` into state `h`. */
export function murmurRound(h: number, k: number): number {
  k = Math.imul(k, C1)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, C2)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

/** MurmurHash3 x86_32 over bytes. */
export function murmur3Bytes(bytes: Uint8Array, seed = 0): number {
  let h = seed | 0
  const blocks = bytes.length >>> 2
  for (let i = 0; i < blocks; i++) {
    const o = i << 2
    const k = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24)
    h = murmurRound(h, k)
  }
  const tail = blocks << 2
  const rest = bytes.length & 3
  if (rest > 0) {
    let k = 0
    if (rest === 3) k ^= bytes[tail + 2]! << 16
    if (rest >= 2) k ^= bytes[tail + 1]! << 8
    k ^= bytes[tail]!
    k = Math.imul(k, C1)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, C2)
    h ^= k
  }
  return fmix32((h ^ bytes.length) >>> 0)
}

const encoder = new TextEncoder()

/** MurmurHash3 x86_32 of a string's UTF-8 bytes. */
export function murmur3(text: string, seed = 0): number {
  return murmur3Bytes(encoder.encode(text), seed)
}

/**
 * MurmurHash3 x86_32 of `count` 32-bit words read from `words` at `start`,
 * equal to {@link murmur3Bytes} of their little-endian bytes. Used for
 * shingles (a run of token hashes) and exact-text hashes.
 */
export function murmur3Words(words: ArrayLike<number>, start: number, count: number, seed = 0): number {
  let h = seed | 0
  for (let i = start, end = start + count; i < end; i++) h = murmurRound(h, words[i]!)
  return fmix32((h ^ (count << 2)) >>> 0)
}

/** 2^31 - 1, the Mersenne prime used by {@link mulAddModPrime}. */
export const MERSENNE_31 = 0x7fffffff

/**
 * `(a * x + b) mod p` for `p = 2^31 - 1`, `a, b, x` in `[0, p)`, exact in
 * doubles: x is split in 16-bit halves so the largest intermediate is below
 * 2^48. (A plain `a * x` could reach 2^62 and silently lose low bits.)
 */
export function mulAddModPrime(a: number, x: number, b: number): number {
  const hi = x >>> 16
  const lo = x & 0xffff
  // a*hi < 2^46; (a*hi mod p) * 2^16 < 2^47; a*lo < 2^47; the sum < 2^48 + 2^31.
  const high = ((a * hi) % MERSENNE_31) * 65536
  return (high + a * lo + b) % MERSENNE_31
}

/**
 * Deterministic 32-bit generator (splitmix32-style) for hash parameters, so
 * the same seed gives the same permutations on every machine and run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
    return (z ^ (z >>> 15)) >>> 0
  }
}

/** Eight lower-case hex digits of an unsigned 32-bit value. */
export function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0')
}
