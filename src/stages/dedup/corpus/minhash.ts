/**
 * MinHash signatures over shingle-hash sets.
 *
 * Default `one-permutation` (see {@link oneHashInto}): one hash per element,
 * binned. The others compute k hash functions per element. `multiply-shift`:
 * h_i(x) = (a_i·x + b_i) mod 2^32 with odd a_i, computed as `(Math.imul(a, x) + b) >>> 0` — exact, and a
 * bijection on 32-bit values. Inputs are already avalanche-mixed shingle
 * hashes, so each h_i is a random-looking reordering of the set; the
 * estimator's bias and spread are checked in the tests against sets of known
 * Jaccard. `mod-prime` is the textbook (a·x + b) mod (2^31 - 1) family done
 * with split multiplication (exact, below 2^48), about 5× slower.
 *
 * Stored signatures are *b-bit* (Li & König): one byte per hash function,
 * taken from the top byte of the minimum multiplied by the golden ratio. Two
 * documents agree on a byte with probability J + (1 - J)/256, which
 * {@link estimateJaccardBytes} corrects for. 128 hashes cost 128 bytes.
 */
import {fmix32, MERSENNE_31, mulAddModPrime, seededRandom} from './hash.js'
import type {HashFamily} from './options.js'

export interface Permutations {
  family: HashFamily
  a: Uint32Array
  b: Uint32Array
}

const cache = new Map<string, Permutations>()

/** The `count` hash functions drawn from `seed` (cached; deterministic). */
export function permutations(count: number, seed: number, family: HashFamily = 'multiply-shift'): Permutations {
  const key = `${family}:${count}:${seed}`
  const hit = cache.get(key)
  if (hit) return hit
  const random = seededRandom(seed)
  const a = new Uint32Array(count)
  const b = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    if (family === 'mod-prime') {
      a[i] = 1 + (random() % (MERSENNE_31 - 1))
      b[i] = random() % MERSENNE_31
    } else {
      a[i] = (random() | 1) >>> 0
      b[i] = random()
    }
  }
  const made: Permutations = {family, a, b}
  cache.set(key, made)
  return made
}

/**
 * Writes the MinHash signature of `set[0..n)` into `out` (one 32-bit minimum
 * per hash function). An empty set gives all 0xffffffff.
 */
export function minhashInto(set: Uint32Array, n: number, perms: Permutations, out: Uint32Array): Uint32Array {
  const {a, b} = perms
  const k = out.length
  if (perms.family === 'one-permutation') return oneHashInto(set, n, a[0]!, b[0]!, out)
  if (perms.family === 'mod-prime') {
    for (let i = 0; i < k; i++) {
      const ai = a[i]!
      const bi = b[i]!
      let min = 0xffffffff
      for (let j = 0; j < n; j++) {
        const v = mulAddModPrime(ai, set[j]! % MERSENNE_31, bi)
        if (v < min) min = v
      }
      out[i] = min
    }
    return out
  }
  // Eight hash functions per pass over the set: the set is read k/8 times instead
  // of k times, and the eight minima stay in registers (one per pass was ~1.5×
  // slower than four; eight took 19-35 % less time than four).
  let i = 0
  for (; i + 8 <= k; i += 8) {
    const a0 = a[i]!,
      a1 = a[i + 1]!,
      a2 = a[i + 2]!,
      a3 = a[i + 3]!,
      a4 = a[i + 4]!,
      a5 = a[i + 5]!,
      a6 = a[i + 6]!,
      a7 = a[i + 7]!
    const b0 = b[i]!,
      b1 = b[i + 1]!,
      b2 = b[i + 2]!,
      b3 = b[i + 3]!,
      b4 = b[i + 4]!,
      b5 = b[i + 5]!,
      b6 = b[i + 6]!,
      b7 = b[i + 7]!
    let m0 = 0xffffffff,
      m1 = m0,
      m2 = m0,
      m3 = m0,
      m4 = m0,
      m5 = m0,
      m6 = m0,
      m7 = m0
    for (let j = 0; j < n; j++) {
      const x = set[j]!
      let v = (Math.imul(a0, x) + b0) >>> 0
      if (v < m0) m0 = v
      v = (Math.imul(a1, x) + b1) >>> 0
      if (v < m1) m1 = v
      v = (Math.imul(a2, x) + b2) >>> 0
      if (v < m2) m2 = v
      v = (Math.imul(a3, x) + b3) >>> 0
      if (v < m3) m3 = v
      v = (Math.imul(a4, x) + b4) >>> 0
      if (v < m4) m4 = v
      v = (Math.imul(a5, x) + b5) >>> 0
      if (v < m5) m5 = v
      v = (Math.imul(a6, x) + b6) >>> 0
      if (v < m6) m6 = v
      v = (Math.imul(a7, x) + b7) >>> 0
      if (v < m7) m7 = v
    }
    out[i] = m0
    out[i + 1] = m1
    out[i + 2] = m2
    out[i + 3] = m3
    out[i + 4] = m4
    out[i + 5] = m5
    out[i + 6] = m6
    out[i + 7] = m7
  }
  for (; i < k; i++) {
    const ai = a[i]!
    const bi = b[i]!
    let min = 0xffffffff
    for (let j = 0; j < n; j++) {
      const v = (Math.imul(ai, set[j]!) + bi) >>> 0
      if (v < min) min = v
    }
    out[i] = min
  }
  return out
}

/** Bins of {@link oneHashInto} found empty, reused across calls. */
let emptyBins = new Uint8Array(256)

/**
 * One-permutation hashing with optimal densification (Li, Owen & Zhang 2012;
 * Shrivastava 2017): one hash h(x) = (a·x + b) mod 2^32 per element instead
 * of k; its top bits pick one of k bins, and each bin keeps its minimum. Two
 * sets agree in a bin with probability J, as with k hash functions, at 1/k of
 * the work. A bin no element fell in (short texts: e^(-n/k) of them) takes
 * the minimum of the first non-empty bin along a probe sequence fixed by its
 * number, the same for every document, so agreement still means J.
 */
function oneHashInto(set: Uint32Array, n: number, a: number, b: number, out: Uint32Array): Uint32Array {
  const k = out.length
  out.fill(0xffffffff)
  if (emptyBins.length < k) emptyBins = new Uint8Array(k)
  const empty = emptyBins
  empty.fill(1, 0, k)
  for (let j = 0; j < n; j++) {
    const v = (Math.imul(a, set[j]!) + b) >>> 0
    const bin = ((v >>> 16) * k) >>> 16
    if (v < out[bin]!) out[bin] = v
    empty[bin] = 0
  }
  if (n === 0) return out
  for (let i = 0; i < k; i++) {
    if (!empty[i]) continue
    for (let attempt = 1; ; attempt++) {
      const from = ((fmix32((Math.imul(i, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) >>> 0) >>> 16) * k) >>> 16
      if (!empty[from]) {
        out[i] = out[from]!
        break
      }
    }
  }
  return out
}

/** One byte per hash: the top byte of min·φ (mixes all bits of the minimum). */
export function toBBit(signature: Uint32Array, out: Uint8Array = new Uint8Array(signature.length)): Uint8Array {
  for (let i = 0; i < signature.length; i++) out[i] = Math.imul(signature[i]!, 0x9e3779b1) >>> 24
  return out
}

/** Share of equal positions between two full signatures: the plain MinHash estimate of Jaccard. */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  const k = Math.min(x.length, y.length)
  if (k === 0) return 0
  let equal = 0
  for (let i = 0; i < k; i++) if (x[i] === y[i]) equal++
  return equal / k
}

/**
 * Jaccard estimate from two b-bit (8-bit) signatures of length `k` stored at
 * `xOffset`/`yOffset`: (agree - 1/256) / (1 - 1/256), clamped to [0, 1].
 */
export function estimateJaccardBytes(x: Uint8Array, xOffset: number, y: Uint8Array, yOffset: number, k: number): number {
  let equal = 0
  for (let i = 0; i < k; i++) if (x[xOffset + i] === y[yOffset + i]) equal++
  const j = (equal / k - 1 / 256) / (1 - 1 / 256)
  return j < 0 ? 0 : j > 1 ? 1 : j
}

/**
 * Containment |A∩B| / min(|A|, |B|) implied by a Jaccard value and the two set
 * sizes: |A∩B| = J·(|A| + |B|) / (1 + J). Clamped to [0, 1].
 */
export function containmentFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB)
  if (smaller === 0) return 0
  const inter = (jaccard * (sizeA + sizeB)) / (1 + jaccard)
  const c = inter / smaller
  return c > 1 ? 1 : c
}

/** Exact Jaccard of two sorted, de-duplicated hash sets (tests and small inputs). */
export function exactJaccard(x: Uint32Array, y: Uint32Array): {jaccard: number; intersection: number} {
  let i = 0
  let j = 0
  let inter = 0
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      inter++
      i++
      j++
    } else if (x[i]! < y[j]!) i++
    else j++
  }
  const union = x.length + y.length - inter
  return {jaccard: union === 0 ? 1 : inter / union, intersection: inter}
}
