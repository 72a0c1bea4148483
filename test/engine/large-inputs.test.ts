/**
 * Inputs past the stack's argument limit (about 120,000): each site once spread an
 * input-sized array into a call (`push(...edits)`, `Math.max(...widths)`) and overflowed.
 */
import {describe, expect, it} from 'vitest'
import {cleanDocument} from '../../src/engine/clean-document.js'
import {createPipeline} from '../../src/library/pipeline.js'
import type {ConfiguredStage, StageInput} from '../../src/engine/stage.js'
import type {ProposedEdit} from '../../src/engine/types.js'
import {maxOf, minOf, pushAll} from '../../src/engine/arrays.js'
import {unifiedDiff, type DiffEdit} from '../../src/report/unified-diff.js'
import {DEFAULT_HARD_WRAP, hardWrap} from '../../src/stages/normalize/rules/hard-wrap.js'

const MANY = 150_000

const input = (text: string): StageInput => ({
  path: 'x.txt',
  text,
  blocks: () => [],
  originalPoint: () => ({line: 1, column: 1, offset: 0}),
  warn: () => {}
})

const stage = (name: string, propose: (text: string) => ProposedEdit[]): ConfiguredStage => ({
  name,
  source: `rinse-${name}`,
  passes: [{propose: (given) => propose(given.text)}],
  options: {}
})

describe('inputs of more items than fit on the stack', () => {
  it('hard-wrap measures a chunk of 150,000 lines without a blank line', () => {
    // Neighbouring lines differ: a line repeating the previous one is never joined to it.
    const line = 'The council met on Tuesday to discuss the state of the old bridge'
    const text = Array.from({length: MANY}, (_, i) => `${line} ${i % 10}`).join('\n') + '\n'
    const edits = hardWrap.propose(input(text), DEFAULT_HARD_WRAP)
    expect(edits.length).toBe(MANY - 1)
  })

  it('normalize turns 250,000 CRLF line ends into LF', () => {
    const lines = 250_000
    const text = Array.from({length: lines}, (_, i) => `line ${i}`).join('\r\n\r\n') + '\r\n'
    const result = createPipeline({stages: ['normalize']}).clean(text)
    expect(result.text).toBe(Array.from({length: lines}, (_, i) => `line ${i}`).join('\n\n') + '\n')
    expect(result.edits.length).toBeGreaterThan(MANY)
  })

  it('boilerplate removes 130,000 blocks its classifier finds', () => {
    const blocks = 130_000
    // An article of three paragraphs, then the list: one lone sentence is too little article to keep.
    const prose = Array.from(
      {length: 3},
      () => 'The council approved the new budget on Tuesday evening after a long debate about the bridge.'
    )
    const text = [...prose, ...Array.from({length: blocks}, (_, i) => `Item ${i}`)].join('\n\n') + '\n'
    const result = createPipeline({stages: ['boilerplate']}).clean(text)
    expect(result.text).toBe(`${prose.join('\n\n')}\n`)
    expect(result.edits.filter((edit) => edit.rule === 'block-classifier')).toHaveLength(blocks)
  })

  it('writes a unified diff of 150,000 changed lines', () => {
    const original = 'a\n'.repeat(MANY)
    const cleaned = 'b\n'.repeat(MANY)
    const edits: DiffEdit[] = Array.from({length: MANY}, (_, i) => ({start: {offset: 2 * i}, end: {offset: 2 * i + 1}, after: 'b'}))
    const diff = unifiedDiff('x.txt', original, cleaned, edits)
    const lines = diff.split('\n')
    expect(lines.filter((line) => line === '-a')).toHaveLength(MANY)
    expect(lines.filter((line) => line === '+b')).toHaveLength(MANY)
  })

  it('resolves 150,000 overlapping pairs of edits into edits and conflicts', () => {
    const text = 'ab'.repeat(MANY)
    const pairs = stage('normalize', () =>
      Array.from({length: MANY}, (_, i) => [
        {start: 2 * i, end: 2 * i + 2, replacement: 'X', rule: 'wide', reason: 'wide'},
        {start: 2 * i, end: 2 * i + 1, replacement: 'Y', rule: 'narrow', reason: 'narrow'}
      ]).flat()
    )
    const result = cleanDocument(text, [pairs])
    expect(result.text).toBe('X'.repeat(MANY))
    expect(result.edits).toHaveLength(MANY)
    expect(result.conflicts).toHaveLength(MANY)
  })

  it('logs one edit over 150,000 edits of an earlier stage', () => {
    const text = 'a'.repeat(MANY)
    const each = stage('normalize', (current) =>
      Array.from(current, (_, i) => ({start: i, end: i + 1, replacement: 'b', rule: 'b', reason: 'b'}))
    )
    const all = stage('boilerplate', (current) => [{start: 0, end: current.length, replacement: '', rule: 'all', reason: 'all'}])
    const result = cleanDocument(text, [each, all])
    expect(result.text).toBe('')
    const last = result.edits.at(-1)!
    expect(last.rule).toBe('all')
    expect([last.start.offset, last.end.offset]).toEqual([0, MANY])
  })
})

describe('array helpers', () => {
  it('pushAll, maxOf and minOf take 300,000 items', () => {
    const items = Array.from({length: 300_000}, (_, i) => i)
    expect(pushAll([-1], items)).toHaveLength(300_001)
    expect(maxOf(items)).toBe(299_999)
    expect(minOf(items, 5)).toBe(0)
    expect(maxOf([], 1)).toBe(1)
  })
})
