import {describe, expect, it} from 'vitest'
import {collect, signature} from '../../src/stages/dedup/corpus/collect.js'
import {seededRandom} from '../../src/stages/dedup/corpus/hash.js'
import {bandKey, forEachRun, lshThreshold, sCurve} from '../../src/stages/dedup/corpus/lsh.js'
import {
  containmentFromJaccard,
  estimateJaccard,
  estimateJaccardBytes,
  exactJaccard,
  minhashInto,
  permutations,
  toBBit
} from '../../src/stages/dedup/corpus/minhash.js'
import {resolveOptions} from '../../src/stages/dedup/corpus/options.js'
import {shingles, tokenHashes} from '../../src/stages/dedup/corpus/shingles.js'

/** Two random sets of `size` elements with a known Jaccard. */
function pair(size: number, jaccard: number, seed: number): [Uint32Array, Uint32Array, number] {
  const random = seededRandom(seed)
  const shared = Math.round((2 * size * jaccard) / (1 + jaccard))
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < shared; i++) {
    const v = random()
    a.push(v)
    b.push(v)
  }
  while (a.length < size) a.push(random())
  while (b.length < size) b.push(random())
  return [Uint32Array.from(a), Uint32Array.from(b), shared / (2 * size - shared)]
}

describe('normalization and shingles', () => {
  it('ignores case, punctuation, quote styles and line breaks', () => {
    const a = tokenHashes('He said: "Don\'t wait — the ferry leaves at 6."')
    const b = tokenHashes('he said “don’t\nwait the FERRY leaves at 6”')
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(a.length).toBe(9)
  })

  it('builds the set of 5-word shingles', () => {
    const text = 'one two three four five six seven one two three four five'
    // 8 positions, "one two three four five" twice.
    expect(shingles(text, 5).length).toBe(7)
    expect(shingles('too short', 5).length).toBe(1)
    expect(shingles('', 5).length).toBe(0)
  })

  it('re-wrapped text has the same signature', () => {
    const text = 'The small ferry that links the old harbour with the island went back into service on Monday after eleven weeks.'
    const wrapped = text.replace(/ (?=\S{5})/g, '\n')
    expect(Array.from(signature(wrapped))).toEqual(Array.from(signature(text)))
  })
})

describe('MinHash estimates', () => {
  const k = 128
  const perms = permutations(k, 0x5eed)

  for (const j of [0.2, 0.5, 0.8]) {
    it(`is unbiased with the expected spread at J = ${j}`, () => {
      const errors: number[] = []
      const byteErrors: number[] = []
      for (let t = 0; t < 200; t++) {
        const [a, b, truth] = pair(600, j, 1000 + t)
        expect(exactJaccard(Uint32Array.from(a).sort(), Uint32Array.from(b).sort()).jaccard).toBeCloseTo(truth, 10)
        const sa = minhashInto(a, a.length, perms, new Uint32Array(k))
        const sb = minhashInto(b, b.length, perms, new Uint32Array(k))
        errors.push(estimateJaccard(sa, sb) - truth)
        byteErrors.push(estimateJaccardBytes(toBBit(sa), 0, toBBit(sb), 0, k) - truth)
      }
      const theory = Math.sqrt((j * (1 - j)) / k)
      for (const errs of [errors, byteErrors]) {
        const mean = errs.reduce((x, y) => x + y, 0) / errs.length
        const sd = Math.sqrt(errs.reduce((x, y) => x + (y - mean) ** 2, 0) / errs.length)
        expect(Math.abs(mean)).toBeLessThan(0.012)
        expect(sd).toBeLessThan(theory * 1.3)
      }
    })
  }

  it('the mod-prime family gives the same quality', () => {
    const mp = permutations(k, 7, 'mod-prime')
    let err = 0
    for (let t = 0; t < 50; t++) {
      const [a, b, truth] = pair(300, 0.5, 5000 + t)
      err += estimateJaccard(minhashInto(a, a.length, mp, new Uint32Array(k)), minhashInto(b, b.length, mp, new Uint32Array(k))) - truth
    }
    expect(Math.abs(err / 50)).toBeLessThan(0.02)
  })

  it('one-permutation hashing gives the same quality, on short texts too (most bins empty)', () => {
    const one = permutations(k, 0x5eed, 'one-permutation')
    for (const size of [30, 600]) {
      for (const j of [0.2, 0.5, 0.8]) {
        const errors: number[] = []
        for (let t = 0; t < 200; t++) {
          const [a, b, truth] = pair(size, j, 7000 + t)
          const sa = toBBit(minhashInto(a, a.length, one, new Uint32Array(k)))
          const sb = toBBit(minhashInto(b, b.length, one, new Uint32Array(k)))
          errors.push(estimateJaccardBytes(sa, 0, sb, 0, k) - truth)
        }
        const mean = errors.reduce((x, y) => x + y, 0) / errors.length
        const sd = Math.sqrt(errors.reduce((x, y) => x + (y - mean) ** 2, 0) / errors.length)
        expect(Math.abs(mean)).toBeLessThan(0.012)
        expect(sd).toBeLessThan(Math.sqrt((j * (1 - j)) / k) * 1.3)
      }
    }
  })

  it('one-permutation: each bin keeps the least hash that falls in it; an empty bin takes a filled bin', () => {
    const one = permutations(k, 3, 'one-permutation')
    const random = seededRandom(12)
    for (const size of [1, 7, 500]) {
      const set = Uint32Array.from({length: size}, () => random())
      const hashes = Array.from(set, (x) => (Math.imul(one.a[0]!, x) + one.b[0]!) >>> 0)
      const filled = new Map<number, number>()
      for (const h of hashes) {
        const bin = ((h >>> 16) * k) >>> 16
        filled.set(bin, Math.min(filled.get(bin) ?? 0xffffffff, h))
      }
      const signature = minhashInto(set, size, one, new Uint32Array(k))
      const values = new Set(filled.values())
      for (let bin = 0; bin < k; bin++) {
        if (filled.has(bin)) expect(signature[bin]).toBe(filled.get(bin))
        else expect(values.has(signature[bin]!)).toBe(true)
      }
    }
    expect([...minhashInto(new Uint32Array(0), 0, one, new Uint32Array(k))]).toEqual(new Array(k).fill(0xffffffff))
  })

  it('takes, for each hash function, the minimum of (a·x + b) mod 2^32 over the set', () => {
    const random = seededRandom(11)
    // 13 functions: the unrolled passes and the ones left over.
    for (const count of [13, 128]) {
      const perms = permutations(count, 3)
      for (const size of [0, 1, 7, 500]) {
        const set = Uint32Array.from({length: size}, () => random())
        const expected = Array.from(perms.a, (a, i) =>
          set.reduce((min, x) => Math.min(min, (Math.imul(a, x) + perms.b[i]!) >>> 0), 0xffffffff)
        )
        expect([...minhashInto(set, size, perms, new Uint32Array(count))]).toEqual(expected)
      }
    }
  })

  it('derives containment from Jaccard and set sizes', () => {
    // A (100) inside B (400): J = 100/400.
    expect(containmentFromJaccard(0.25, 100, 400)).toBeCloseTo(1, 10)
    expect(containmentFromJaccard(0, 100, 400)).toBe(0)
    expect(containmentFromJaccard(1, 50, 50)).toBe(1)
  })
})

describe('LSH banding', () => {
  it('S-curve and threshold', () => {
    expect(sCurve(0.5, 42, 3)).toBeGreaterThan(0.99)
    expect(sCurve(0.1, 42, 3)).toBeLessThan(0.05)
    expect(lshThreshold(42, 3)).toBeCloseTo(0.288, 2)
  })

  it('band keys are lossless for rows ≤ 4 and hashed beyond', () => {
    const sig = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])
    expect(bandKey(sig, 0, 0, 4)).toBe(0x04030201)
    expect(bandKey(sig, 0, 1, 3)).toBe(0x060504)
    expect(bandKey(sig, 0, 0, 8)).not.toBe(bandKey(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 9]), 0, 0, 8))
  })

  it('groups equal keys, ranks ascending', () => {
    const keys = Uint32Array.from([0xffffffff, 3, 0xffffffff, 9, 3, 3])
    const ranks = Uint32Array.from([5, 1, 2, 3, 4, 0])
    const runs: number[][] = []
    forEachRun(keys, ranks, 6, new Float64Array(6), (rk, s, e) => runs.push(Array.from(rk.slice(s, e))))
    expect(runs).toEqual([
      [0, 1, 4],
      [2, 5]
    ])
  })
})

describe('collect', () => {
  it('produces a small signature with passages', () => {
    const o = resolveOptions({})
    const para = 'This paragraph is long enough to be a passage because it has more than twelve words in it.'
    const sig = collect({path: 'a.txt', text: `Title\n\n${para}\n\nShort line.\n\n${para}`}, o)
    expect(sig.minhash).toBeInstanceOf(Uint8Array)
    expect(sig.minhash.length).toBe(128)
    // The repeated paragraph counts once; its first block index is kept.
    expect(sig.passageHash0.length).toBe(1)
    expect(Array.from(sig.passageBlocks)).toEqual([1])
    const viaBlocks = collect({path: 'a.txt', blocks: ['Title', para, 'Short line.', para]}, o)
    expect(Array.from(viaBlocks.minhash)).toEqual(Array.from(sig.minhash))
    expect(viaBlocks.exact0).toBe(sig.exact0)
    expect(Array.from(viaBlocks.passageHash0)).toEqual(Array.from(sig.passageHash0))
  })
})
