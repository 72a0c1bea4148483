/** A space before a comma, colon or full stop. */
import {afterWord} from '../../../blocks/words.js'
import {editsForMatches, type TextRule} from '../../rule.js'

/** `Beijing , he said` → `Beijing, he said`; a spaced ellipsis (`imagine . . . well`) stays. */
export const spaceBeforePunctuation: TextRule = {
  id: 'space-before-punctuation',
  reason: 'space before a punctuation mark',
  example: '`said , adding` → `said, adding`',
  propose: (input) =>
    editsForMatches(input.text, /[ \t]+(?=[,;:!?.](?:[ \t\n]|$))(?![.][ \t]+[.])/g, spaceBeforePunctuation, (match) =>
      afterWord(input.text, match.index, true) ? '' : undefined
    )
}
