import {describe, expect, it} from 'vitest'
import {prng} from '../helpers.js'
import {EditLog} from '../../src/engine/edit-log.js'
import type {ProposedEdit} from '../../src/engine/types.js'

/** Apply top-level logged edits to the original, as a patch would. */
function replay(log: EditLog): string {
  let out = ''
  let last = 0
  for (const edit of log.edits()) {
    expect(edit.o0).toBeGreaterThanOrEqual(last)
    out += log.original.slice(last, edit.o0) + edit.after
    last = edit.o1
  }
  return out + log.original.slice(last)
}

function edit(start: number, end: number, replacement: string, rule = 'r'): ProposedEdit {
  return {start, end, replacement, rule, reason: rule}
}

describe('EditLog', () => {
  it('takes neighbouring edits of one rule over the same earlier product as one edit, not a conflict', () => {
    const log = new EditLog('1.A_A_A_Myth')
    // An earlier pass turned the whole run into three odd spaces…
    log.apply('normalize', [edit(2, 8, '~~~', 'mojibake')])
    expect(log.text).toBe('1.~~~Myth')
    // …and a later one makes each a plain space: three edits inside that one product.
    const rejected = log.apply('normalize', [edit(2, 3, ' ', 'odd-space'), edit(3, 4, ' ', 'odd-space'), edit(4, 5, ' ', 'odd-space')])
    expect(rejected).toEqual([])
    expect(log.text).toBe('1.   Myth')
    expect(log.edits()).toHaveLength(1)
    expect(log.edits()[0]).toMatchObject({rule: 'odd-space', o0: 2, o1: 8, after: '   '})
    expect(log.edits()[0]!.folded.map((folded) => folded.rule)).toEqual(['mojibake'])
    expect(replay(log)).toBe(log.text)
    // Edits of different rules over one product still collide, and are reported.
    const other = new EditLog('ab__cd')
    other.apply('normalize', [edit(2, 4, '~~', 'first')])
    expect(other.apply('normalize', [edit(2, 3, 'x', 'second'), edit(3, 4, 'y', 'third')])).toHaveLength(1)
    expect(replay(other)).toBe(other.text)
  })

  it('maps a later stage back to original offsets', () => {
    const log = new EditLog('ab  cd\n\n\nef')
    log.apply('normalize', [edit(2, 4, ' ', 'spaces'), edit(6, 9, '\n\n', 'blank-lines')])
    expect(log.text).toBe('ab cd\n\nef')
    log.apply('repair', [edit(7, 9, 'EF', 'upper')])
    const [first, second, third] = log.edits()
    expect(first).toMatchObject({o0: 2, o1: 4, after: ' '})
    expect(second).toMatchObject({o0: 6, o1: 9, after: '\n\n'})
    expect(third).toMatchObject({o0: 9, o1: 11, after: 'EF', stage: 'repair'})
    expect(replay(log)).toBe(log.text)
  })

  it('folds an earlier edit into a later one that covers it', () => {
    const log = new EditLog('keep\nJunk &amp; more\nkeep')
    log.apply('normalize', [edit(10, 15, '&', 'html-entity')])
    expect(log.text).toBe('keep\nJunk & more\nkeep')
    log.apply('boilerplate', [edit(5, 17, '', 'junk')])
    const edits = log.edits()
    expect(edits).toHaveLength(1)
    expect(edits[0]).toMatchObject({o0: 5, o1: 21, after: '', rule: 'junk'})
    // With its place in the original: where the entity was.
    expect(edits[0]!.folded).toEqual([
      {stage: 'normalize', rule: 'html-entity', reason: 'html-entity', before: '&amp;', after: '&', offset: 10}
    ])
    expect(replay(log)).toBe('keep\nkeep')
  })

  it('folds an insertion into a deletion at the same place', () => {
    const log = new EditLog('a. .b')
    log.apply('repair', [edit(2, 4, '', 'doubled')])
    expect(log.text).toBe('a.b')
    log.apply('repair', [edit(2, 2, ' ', 'space')])
    expect(log.text).toBe('a. b')
    expect(replay(log)).toBe('a. b')
  })

  it('stays exact under random multi-stage edits', () => {
    const random = prng(42)
    for (let round = 0; round < 3000; round++) {
      const length = 5 + Math.floor(random() * 60)
      let original = ''
      for (let i = 0; i < length; i++) original += 'abcde \n'[Math.floor(random() * 7)]
      const log = new EditLog(original)
      for (let stage = 0; stage < 4; stage++) {
        const text = log.text
        const proposed: ProposedEdit[] = []
        let cursor = 0
        while (cursor <= text.length && proposed.length < 6) {
          const start = cursor + Math.floor(random() * 6)
          if (start > text.length) break
          const end = Math.min(text.length, start + Math.floor(random() * 4))
          const replacement = ['', 'X', 'YZ', ' '][Math.floor(random() * 4)]!
          if (start === end && replacement === '') {
            cursor = start + 1
            continue
          }
          proposed.push(edit(start, end, replacement, `s${stage}`))
          cursor = end + 1
        }
        const rejected = log.apply(`stage${stage}`, proposed)
        let expected = ''
        let last = 0
        const applied = proposed.filter((p) => !rejected.includes(p))
        for (const p of applied) {
          expected += text.slice(last, p.start) + p.replacement
          last = p.end
        }
        expected += text.slice(last)
        expect(log.text).toBe(expected)
        expect(replay(log)).toBe(log.text)
      }
    }
  })
})
