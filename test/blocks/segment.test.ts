import {describe, expect, it} from 'vitest'
import {segment} from '../../src/blocks/segment.js'
import {countWords} from '../../src/blocks/words.js'

describe('segmenting a document into blocks', () => {
  it('trims each line as String.prototype.trim does and keeps its offsets in the text', () => {
    const text = '\u00a0 Title line\u3000\n\n\t\u2003First paragraph, with words.\r\n\ufeff\u202f\n  • a bullet item  \n'
    const blocks = segment(text)
    expect(blocks.map((block) => block.text)).toEqual(['Title line', 'First paragraph, with words.', '• a bullet item'])
    for (const block of blocks) expect(text.slice(block.start, block.end)).toBe(block.text)
    const lines = text.split('\n').map((line) => line.trim())
    expect(blocks.map((block) => block.text)).toEqual(lines.filter((line) => line !== ''))
    expect(blocks.map((block) => block.blankBefore)).toEqual([true, true, true])
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list-item'])
  })

  it('counts words as runs of letters and digits, an inner apostrophe included', () => {
    expect(countWords("Xi’s don't stop: 2024 — naïve café, 東京")).toBe(7)
    expect(countWords("'quoted' -- ... ")).toBe(1)
    expect(countWords('')).toBe(0)
  })

  it('counts as many words as a plain pattern finds, for every mix of letters, digits, apostrophes and separators', () => {
    // Letters and digits of the Basic Multilingual Plane, joined by an apostrophe that a word unit follows.
    const pattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu
    const units = ['a', 'É', '7', '東', "'", '’', ' ', '—', '.', '\u00a0', 'ß']
    let checked = 0
    let texts = ['']
    for (let length = 1; length <= 5; length++) {
      texts = texts.flatMap((text) => units.map((unit) => text + unit))
      for (const text of texts) {
        expect(countWords(text), JSON.stringify(text)).toBe(text.match(pattern)?.length ?? 0)
        checked++
      }
    }
    expect(checked).toBe(units.length ** 5 + units.length ** 4 + units.length ** 3 + units.length ** 2 + units.length)
  })
})
