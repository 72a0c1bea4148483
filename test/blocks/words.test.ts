import {describe, expect, it} from 'vitest'
import {hashString, sortedShingles, tokenHashes} from '../../src/blocks/words.js'

/** Tokens the plain way: lower-case the whole text, split into words, hash each. */
function reference(text: string): number[] {
  const words =
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}\p{Cs}]+(?:'[\p{L}\p{N}\p{Cs}]+)*/gu) ?? []
  return words.map(hashString)
}

describe('tokenHashes', () => {
  it('hashes lower-cased words, so case and punctuation do not matter', () => {
    expect(tokenHashes('The Summit, in BEIJING!')).toEqual(['the', 'summit', 'in', 'beijing'].map(hashString))
    expect(tokenHashes('the summit in beijing')).toEqual(tokenHashes('THE — summit... in "Beijing"'))
  })

  it("keeps an apostrophe inside a word and treats curly ones as '", () => {
    expect(tokenHashes('Xi’s plan')).toEqual(["xi's", 'plan'].map(hashString))
    expect(tokenHashes("Xi's plan")).toEqual(tokenHashes('Xi‘s plan'))
    expect(tokenHashes("rock 'n' roll")).toEqual(['rock', 'n', 'roll'].map(hashString))
  })

  it('lowers every character as toLowerCase does, final sigma and astral letters included', () => {
    const texts = ['ΟΔΥΣΣΕΥΣ Σοφία', 'İstanbul DİYARBAKIR', '𐐀𐐁 Deseret', 'ǅemal Ǉubljana', 'STRAẞE Ⅻ']
    for (const text of texts) expect(tokenHashes(text), text).toEqual(reference(text))
    // Every unit of the Basic Multilingual Plane, inside a word, after an apostrophe and alone.
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const unit = String.fromCharCode(code)
      const text = `Ab${unit}cD x'${unit} ${unit}`
      expect(tokenHashes(text), code.toString(16)).toEqual(reference(text))
    }
  })

  it('splits at symbols and keeps letters of other scripts and digits', () => {
    expect(tokenHashes('Путин/Си 2024年')).toEqual(['путин', 'си', '2024年'].map(hashString))
    expect(tokenHashes('')).toEqual([])
  })
})

describe('sortedShingles', () => {
  it('returns each word 3-gram hash once, in ascending order', () => {
    const tokens = tokenHashes('a b c a b c a b c')
    const grams = sortedShingles(tokens, 3)
    // abc, bca, cab: three distinct 3-grams among seven.
    expect(grams.length).toBe(3)
    expect([...grams]).toEqual([...grams].sort((x, y) => x - y))
    expect(sortedShingles(tokenHashes('too short'), 3).length).toBe(0)
  })
})
