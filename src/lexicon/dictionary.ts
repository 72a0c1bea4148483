/** An English word list (sindresorhus/word-list, ~275k lower-case words), loaded once on first use. */
import {readFileSync} from 'node:fs'
import wordListPath from 'word-list'

let words: Set<string> | undefined

export function isEnglishWord(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'))
  return words.has(word.toLowerCase())
}
