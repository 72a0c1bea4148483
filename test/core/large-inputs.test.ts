/** Input-sized arrays must never be spread into a call: past ~125,000 items that overflows the stack. */
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/index.js'
import {applyEdits} from '../../src/core/apply-edits.js'
import {unifiedDiff} from '../../src/report/unified-diff.js'
import {maxOf, minOf, pushAll} from '../../src/core/arrays.js'

describe('input-sized arrays', () => {
  it('pushAll, maxOf and minOf take 300,000 items', () => {
    const items = Array.from({length: 300_000}, (_, i) => i)
    expect(pushAll([-1], items)).toHaveLength(300_001)
    expect(maxOf(items)).toBe(299_999)
    expect(minOf(items, 5)).toBe(0)
    expect(maxOf([], 1)).toBe(1)
  })

  it('normalize takes 150,000 hard-wrapped lines without a blank line', {timeout: 120_000}, () => {
    const text =
      Array.from({length: 150_000}, (_, i) => `line ${i} of a long paragraph that was wrapped by a scraper here`).join('\n') + '\n'
    const result = createPipeline({stages: ['normalize']}).clean(text)
    expect(applyEdits(text, result.edits)).toBe(result.text)
  })

  it('a rule with 250,000 edits (CRLF line ends)', {timeout: 120_000}, () => {
    const text = Array.from({length: 250_000}, (_, i) => `p${i}`).join('\r\n\r\n') + '\r\n'
    const result = createPipeline({stages: ['normalize']}).clean(text)
    expect(result.text).not.toContain('\r')
    expect(result.edits.length).toBeGreaterThanOrEqual(250_000)
    expect(applyEdits(text, result.edits)).toBe(result.text)
  })

  it('a unified diff of 150,000 changed paragraphs', {timeout: 120_000}, () => {
    const n = 150_000
    const paragraphs = Array.from({length: n}, (_, i) => `para ${i}`)
    const original = paragraphs.map((p) => `${p}  `).join('\n\n') + '\n'
    const cleaned = paragraphs.join('\n\n') + '\n'
    // Each edit drops the two trailing spaces of one paragraph.
    const edits = []
    let at = 0
    for (const p of paragraphs) {
      edits.push({start: {offset: at + p.length}, end: {offset: at + p.length + 2}, after: ''})
      at += p.length + 4
    }
    const diff = unifiedDiff('x.txt', original, cleaned, edits)
    expect(diff.split('\n').filter((line) => line.startsWith('+para')).length).toBe(n)
  })
})
