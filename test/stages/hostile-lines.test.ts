import {describe, expect, it} from 'vitest'
import {createPipeline, DEFAULT_PIPELINE} from '../../src/index.js'

// Lines that made a rule backtrack without end: the nested name groups of the
// slash-credit pattern split each run of capitals every possible way (a 300-letter
// protein sequence took 100 s), and glued-word splitting walked each token back once
// per case change. Each must now go through the default pipeline untouched and at once
// (the test's own time-out is the only bound: these took minutes before).
const sequence = (n: number): string => {
  let seed = 3
  const letters = 'ACDEFGHIKLMNPQRSTVWY'
  return Array.from({length: n}, () => letters[(seed = (seed * 1103515245 + 12345) % 2147483648) % letters.length]).join('')
}
const HOSTILE: Record<string, string> = {
  'a protein sequence': sequence(4000),
  'a DNA sequence': 'ACGT'.repeat(1000),
  'capitalised words glued together': 'Word'.repeat(1000),
  'capitals around slashes': 'AB/CD'.repeat(600),
  'alternating case': 'aB'.repeat(3000)
}

describe('hostile lines', () => {
  const pipeline = createPipeline(DEFAULT_PIPELINE)
  for (const [name, line] of Object.entries(HOSTILE)) {
    it(`keeps ${name} as it is`, {timeout: 20_000}, () => {
      const text = `${line}\n`
      expect(pipeline.clean(text, 'hostile.txt').text).toBe(text)
    })
  }

  it('runs a pipeline pattern that would backtrack on RE2, in linear time', {timeout: 20_000}, () => {
    const custom = createPipeline({stages: [{boilerplate: {patterns: [{id: 'a-run', pattern: '^(a+)+$', reason: 'a run of a'}]}}]})
    const text = `${'a'.repeat(5000)}b\n\n${'a'.repeat(30)}\n`
    const result = custom.clean(text, 'custom.txt')
    expect(result.edits.map((edit) => edit.rule)).toEqual(['a-run'])
    expect(result.text).toBe(`${'a'.repeat(5000)}b\n`)
  })
})
