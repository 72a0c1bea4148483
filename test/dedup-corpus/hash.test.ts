import {describe, expect, it} from 'vitest'
import {
  fmix32,
  fnv1a32,
  hex32,
  MERSENNE_31,
  mulAddModPrime,
  murmur3,
  murmur3Bytes,
  murmur3Words,
  seededRandom
} from '../../src/stages/dedup/corpus/hash.js'

describe('32-bit hashes', () => {
  it('FNV-1a matches the reference vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5)
    expect(fnv1a32('a')).toBe(0xe40c292c)
    expect(fnv1a32('foobar')).toBe(0xbf9cf968)
  })

  it('murmur3 x86_32 matches the reference vectors', () => {
    expect(murmur3('', 0)).toBe(0)
    expect(murmur3('', 1)).toBe(0x514e28b7)
    expect(murmur3('', 0xffffffff)).toBe(0x81f16f39)
    expect(murmur3('hello', 0)).toBe(0x248bfa47)
    expect(murmur3('The quick brown fox jumps over the lazy dog', 0)).toBe(0x2e4ff723)
    expect(murmur3Bytes(new Uint8Array([0x21, 0x43, 0x65, 0x87]), 0)).toBe(0xf55b516b)
  })

  it('murmur3 over 32-bit words equals murmur3 over their little-endian bytes', () => {
    const random = seededRandom(1)
    for (let n = 0; n < 20; n++) {
      const words = Uint32Array.from({length: n}, () => random())
      expect(murmur3Words(words, 0, n, 42)).toBe(murmur3Bytes(new Uint8Array(words.buffer), 42))
    }
  })

  it('results are unsigned 32-bit integers', () => {
    const random = seededRandom(2)
    for (let i = 0; i < 1000; i++) {
      const v = fmix32(random())
      expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true)
    }
    expect(hex32(0xdeadbeef)).toBe('deadbeef')
    expect(hex32(1)).toBe('00000001')
  })
})

describe('(a·x + b) mod (2^31 - 1) without precision loss', () => {
  const reference = (a: number, x: number, b: number): number => Number((BigInt(a) * BigInt(x) + BigInt(b)) % BigInt(MERSENNE_31))

  it('agrees with BigInt arithmetic, including the extremes', () => {
    const p = MERSENNE_31
    const cases: Array<[number, number, number]> = [
      [p - 1, p - 1, p - 1],
      [p - 1, 0x7ffffffe, 0],
      [1, 0, 0],
      [0x12345678, 0x7abcdef0, 0x0fedcba9]
    ]
    const random = seededRandom(3)
    for (let i = 0; i < 2000; i++) cases.push([random() % p, random() % p, random() % p])
    for (const [a, x, b] of cases) expect(mulAddModPrime(a, x, b)).toBe(reference(a, x, b))
  })

  it('never needs an intermediate above Number.MAX_SAFE_INTEGER', () => {
    // The largest operands give the largest intermediates (see mulAddModPrime).
    const a = MERSENNE_31 - 1
    const x = MERSENNE_31 - 1
    const hiProduct = a * (x >>> 16)
    const shifted = (MERSENNE_31 - 1) * 65536
    const sum = shifted + a * (x & 0xffff) + (MERSENNE_31 - 1)
    for (const v of [hiProduct, shifted, sum]) expect(v).toBeLessThan(Number.MAX_SAFE_INTEGER)
    expect(sum).toBeLessThan(2 ** 49)
    // The naive product would not be exact.
    expect(a * x).toBeGreaterThan(Number.MAX_SAFE_INTEGER)
  })
})
