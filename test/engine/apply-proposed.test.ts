import {describe, expect, it} from 'vitest'
import {applyProposed} from '../../src/engine/apply-proposed.js'
import type {ProposedEdit} from '../../src/engine/types.js'

const edit = (start: number, end: number, replacement: string): ProposedEdit => ({start, end, replacement, rule: 'r', reason: 'why'})

describe('applyProposed', () => {
  it('applies edits in text order and maps positions of the result back', () => {
    const text = 'one\ntwo-\nthree\nfour\n'
    // Given out of order: a join of `one`, a mended hyphen, and a removed line.
    const applied = applyProposed(text, [edit(15, 20, ''), edit(3, 4, ' '), edit(7, 9, '')])!
    expect(applied.text).toBe('one twothree\n')
    expect(applied.ends).toEqual([4, 7, 13])
    // `three` starts at 7 in the result and at 9 in the text; the final newline moved by both removals.
    expect(text.slice(applied.source(7), applied.source(7) + 5)).toBe('three')
    expect(applied.source(12)).toBe(14)
    expect(applied.source(0)).toBe(0)
  })

  it('refuses edits that overlap', () => {
    expect(applyProposed('abcdef', [edit(0, 3, ''), edit(2, 4, 'x')])).toBeUndefined()
  })
})
