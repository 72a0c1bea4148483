import {describe, expect, it} from 'vitest'
import {endsWith} from '../../src/blocks/line-end.js'

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
