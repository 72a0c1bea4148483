/** Compose decomposed characters (`e` + combining acute → `é`) so equal text compares equal. */
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'

// Only runs holding a combining mark (or a compatibility form NFC changes) can differ.
// eslint-disable-next-line no-misleading-character-class -- the class lists combining marks on purpose
const CANDIDATE = /[^\s]*[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a\u0900-\u0dff\uac00-\ud7af\u1100-\u11ff][^\s]*/g

export const unicodeNfc: TextRule = {
  id: 'unicode-nfc',
  reason: 'Unicode not in composed form (NFC)',
  example: '`cafe\\u0301` → `café`',
  propose(input) {
    const edits: ProposedEdit[] = []
    // Native check first: almost every text is already NFC.
    if (input.text.normalize('NFC') === input.text) return edits
    CANDIDATE.lastIndex = 0
    for (let match = CANDIDATE.exec(input.text); match; match = CANDIDATE.exec(input.text)) {
      const composed = match[0].normalize('NFC')
      if (composed !== match[0]) {
        edits.push({
          start: match.index,
          end: match.index + match[0].length,
          replacement: composed,
          rule: unicodeNfc.id,
          reason: unicodeNfc.reason
        })
      }
    }
    return edits
  }
}
