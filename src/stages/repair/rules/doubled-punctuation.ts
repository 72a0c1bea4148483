/** Punctuation repeated by scraping or machine translation: `. .`, `,,`, `..` (an ellipsis stays). */
import {afterWord} from '../../../blocks/words.js'
import {editsForMatches, type TextRule} from '../../rule.js'

/** `the plan. . It` → `the plan. It`; `a,, b` → `a, b`; `word..` → `word.` (an ellipsis stays). */
export const doubledPunctuation: TextRule = {
  id: 'doubled-punctuation',
  reason: 'punctuation mark repeated',
  example: '`on the plan. .` → `on the plan.`',
  propose(input) {
    const text = input.text
    return [
      ...editsForMatches(text, /([.,;:])(?:[ \t]+\1)+(?![.\d])/g, doubledPunctuation, (match) =>
        afterWord(text, match.index, true) ? match[1] : undefined
      ),
      // Spaced marks after an adjacent pair go too (`S:, :S` → `S:S`): kept, they would
      // make a spaced repeat (`S: :S`) that a second clean removes.
      ...editsForMatches(text, /[,;:]{2}(?:[ \t]*[,;:])*|\.\.(?!\.)/g, doubledPunctuation, (match) =>
        afterWord(text, match.index, false) ? match[0][0] : undefined
      )
    ].sort((a, b) => a.start - b.start)
  }
}
