/**
 * Insert the space missing after a sentence end (`vote.The council`,
 * `said.”The`, `States…That`). Abbreviations (`U.S.`, `Mr.Smith`), numbers
 * (`3.5`), domains and file names (`example.com`, `Node.js`) are left alone:
 * the word before must be lower case and the one after capitalised.
 */
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'

// Latin letters only, without the `u` flag: this runs over every sentence end.
const LOWER = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff'
const UPPER = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de'
// Anchored on the sentence mark, which is rare, rather than on every letter.
const GLUED_END = new RegExp(`([.!?]["”’]?|["”’][.!?]?|…)(?=[${UPPER}][${LOWER}])`, 'g')
const WORD_BEFORE = new RegExp(`[${LOWER}][${LOWER})\\]]$`)
const URL_LIKE = /:\/\/|@|\bwww\.|\.(?:com|org|net|gov|edu|io|co|uk)\b/i

export const gluedFullStop: TextRule = {
  id: 'glued-full-stop',
  reason: 'missing space after the end of a sentence',
  example: '`vote.The council` → `summit. Xi Jinping`',
  propose(input) {
    const text = input.text
    const edits: ProposedEdit[] = []
    GLUED_END.lastIndex = 0
    for (let match = GLUED_END.exec(text); match; match = GLUED_END.exec(text)) {
      const mark = match[1]!
      if (!WORD_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index))) continue
      // A bare closing quote glued to a capital (`”The`) must follow a sentence end.
      if (/^["”’]$/.test(mark)) continue
      let wordStart = match.index
      while (wordStart > 0 && !/\s/.test(text[wordStart - 1]!)) wordStart--
      let wordEnd = match.index + mark.length
      while (wordEnd < text.length && !/\s/.test(text[wordEnd]!)) wordEnd++
      if (URL_LIKE.test(text.slice(wordStart, wordEnd))) continue
      const at = match.index + mark.length
      edits.push({start: at, end: at, replacement: ' ', rule: gluedFullStop.id, reason: gluedFullStop.reason})
    }
    return edits
  }
}
