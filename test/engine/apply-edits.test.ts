import {describe, expect, it} from 'vitest'
import {prng} from '../helpers.js'
import type {Edit, Point} from '../../src/engine/types.js'
import {applyEdits, editsMatch, reconstructOriginal} from '../../src/engine/apply-edits.js'
import {ReconstructError} from '../../src/errors.js'

function point(text: string, offset: number): Point {
  const upto = text.slice(0, offset)
  const line = upto.split('\n').length
  return {line, column: offset - (upto.lastIndexOf('\n') + 1) + 1, offset}
}

/** Edits over `original` from `[start, end, after]` triples. */
function edits(original: string, spec: Array<[number, number, string]>): Edit[] {
  return spec.map(([start, end, after], i) => ({
    stage: i % 2 ? 'repair' : 'normalize',
    rule: `r${i}`,
    reason: `reason ${i}`,
    before: original.slice(start, end),
    after,
    start: point(original, start),
    end: point(original, end)
  }))
}

describe('reconstructOriginal', () => {
  it('rebuilds the original around replacements, deletions and insertions', () => {
    const original = 'Hello  world\r\n\r\n\r\nShare this!\nBye'
    const list = edits(original, [
      [0, 0, '\ufeff'], // insertion at the very start
      [5, 7, ' '],
      [12, 18, '\n\n'],
      [18, 30, ''], // deletion
      [30, 30, '> '], // insertion right after a deletion
      [33, 33, '.'] // insertion at the very end
    ])
    const cleaned = applyEdits(original, list)
    expect(cleaned).toBe('\ufeffHello world\n\n> Bye.')
    expect(reconstructOriginal(cleaned, list)).toBe(original)
    expect(editsMatch(original, list)).toBe(true)
  })

  it('returns the cleaned text when there are no edits', () => {
    expect(reconstructOriginal('same', [])).toBe('same')
    expect(reconstructOriginal('', [])).toBe('')
  })

  it('handles astral characters and empty results', () => {
    const original = 'a😀b\u00a0c'
    const list = edits(original, [
      [1, 3, ''],
      [4, 5, ' ']
    ])
    const cleaned = applyEdits(original, list)
    expect(cleaned).toBe('ab c')
    expect(reconstructOriginal(cleaned, list)).toBe(original)
    const all = edits('gone', [[0, 4, '']])
    expect(reconstructOriginal('', all)).toBe('gone')
  })

  it('accepts edits out of order', () => {
    const original = 'abcdef'
    const list = edits(original, [
      [4, 5, 'E'],
      [1, 2, 'B']
    ])
    expect(reconstructOriginal(applyEdits(original, list), list)).toBe(original)
  })

  it('round-trips random edits', () => {
    const random = prng(7)
    const alphabet = 'ab \n\t\u00a0é😀<>/'
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(random() * 60)
      let original = ''
      while (original.length < length) original += alphabet[Math.floor(random() * alphabet.length)]
      const spec: Array<[number, number, string]> = []
      let pos = 0
      while (pos <= original.length && random() < 0.8) {
        const start = pos + Math.floor(random() * 5)
        if (start > original.length) break
        const end = Math.min(original.length, start + Math.floor(random() * 4))
        const after = random() < 0.4 ? '' : 'xy\n'.slice(0, 1 + Math.floor(random() * 3))
        spec.push([start, end, after])
        pos = end + (end === start ? 1 : 0) // two insertions at one offset would be ambiguous
      }
      const list = edits(original, spec)
      const cleaned = applyEdits(original, list)
      expect(reconstructOriginal(cleaned, list)).toBe(original)
    }
  })

  it('rejects edits that do not fit the cleaned text', () => {
    const original = 'one two three'
    const list = edits(original, [[4, 7, 'TWO']])
    expect(() => reconstructOriginal('one', list)).toThrow(ReconstructError)
    expect(() => reconstructOriginal('one 2 three', list)).toThrow(/does not hold/)
    const overlapping = edits(original, [
      [0, 5, ''],
      [3, 6, '']
    ])
    expect(() => reconstructOriginal('x', overlapping)).toThrow(/inside the previous edit/)
    const bad = [{...list[0]!, before: 'to'}]
    expect(() => reconstructOriginal('one TWO three', bad)).toThrow(/before text has 2/)
  })
})
