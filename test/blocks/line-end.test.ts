import {describe, expect, it} from 'vitest'
import {endsWith, holdsSentences} from '../../src/blocks/line-end.js'

/** Every string of up to `length` characters from `alphabet`. */
function allStrings(alphabet: readonly string[], length: number): string[] {
  const all = ['']
  let last = ['']
  for (let n = 1; n <= length; n++) {
    last = last.flatMap((text) => alphabet.map((char) => text + char))
    all.push(...last)
  }
  return all
}

describe('endsWith', () => {
  const endsSentence = endsWith('.!?…', '"”’\')]')

  it('finds a sentence end behind closing quotes and brackets', () => {
    expect(endsSentence('He left.')).toBe(true)
    expect(endsSentence('“He left.”')).toBe(true)
    expect(endsSentence('(He left!)”')).toBe(true)
    expect(endsSentence('He left')).toBe(false)
    expect(endsSentence('He left. More')).toBe(false)
    expect(endsSentence('”')).toBe(false)
    expect(endsSentence('')).toBe(false)
  })

  it('answers as the end-anchored regular expression it replaces', () => {
    const pattern = /[.!?…]["”’')\]]*$/
    const alphabet = ['.', '!', '…', '"', '”', ')', ']', 'a', ' ', '\n', '»']
    let checked = 0
    for (const text of allStrings(alphabet, 4)) {
      expect(endsSentence(text), JSON.stringify(text)).toBe(pattern.test(text))
      checked++
    }
    expect(checked).toBe(1 + 11 + 11 ** 2 + 11 ** 3 + 11 ** 4)
  })
})

describe('holdsSentences', () => {
  it('finds two sentence ends inside a line that ends in something else', () => {
    // A table layout's row: the article's paragraph, then a side column's cell on the same line.
    expect(holdsSentences('The mayor spoke first. Then the council voted. The plan passed. Upcoming Events')).toBe(true)
    expect(holdsSentences('“It was close,” she said. “We won.” Latest Scores')).toBe(true)
  })

  it('does not count one sentence end, initials or numbers', () => {
    expect(holdsSentences('The mayor spoke first. Upcoming Events')).toBe(false)
    expect(holdsSentences('Home | News | U.S. Politics | World | Sport')).toBe(false)
    expect(holdsSentences('Version 2.1. Released 3.4. Updated 5.6.')).toBe(false)
    expect(holdsSentences('')).toBe(false)
  })
})
