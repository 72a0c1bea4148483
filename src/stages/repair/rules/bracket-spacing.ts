/** Brackets glued to the words around them, or spaced inside. */
import {lineAround, looksLikeCode} from '../../../blocks/code.js'
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'

// A name glued to a list of arguments is a call: `validateRange(from, to)`, `os.path.join( root, name )`.
// A phrase in brackets has spaces between its words (`Officials(who asked not to be named)`).
const CALL_NAME = /[\p{L}_$][\p{L}\p{N}_$.]*$/u
const ARGUMENTS = /^\s*[^\s,]+(?:\s*,\s*[^\s,]+)*\s*$/u

/** `rules[that were set]while` → `rules [that were set] while`: brackets around a phrase need spaces outside. */
export const bracketSpacing: TextRule = {
  id: 'bracket-spacing',
  reason: 'bracket glued to a word',
  example: '`rules[that were set]while` → `rules [that were set] while`',
  propose(input) {
    const edits: ProposedEdit[] = []
    // Only bracketed phrases (with a space inside), so `a[0]` and `friend(s)` stay.
    const phrase = /([[(])([^[\]()\n]*[ \t][^[\]()\n]*)([\])])/g
    for (let match = phrase.exec(input.text); match; match = phrase.exec(input.text)) {
      // `rows.map(row => row.total)`: brackets in code are glued on purpose.
      if (looksLikeCode(lineAround(input.text, match.index))) continue
      if (ARGUMENTS.test(match[2]!) && CALL_NAME.test(input.text.slice(Math.max(0, match.index - 60), match.index))) continue
      const open = match.index
      const close = match.index + match[0].length - 1
      if (open > 0 && /[\p{L}\p{N}]/u.test(input.text[open - 1]!)) {
        edits.push({start: open, end: open, replacement: ' ', rule: bracketSpacing.id, reason: bracketSpacing.reason})
      }
      if (close + 1 < input.text.length && /\p{L}/u.test(input.text[close + 1]!)) {
        edits.push({start: close + 1, end: close + 1, replacement: ' ', rule: bracketSpacing.id, reason: bracketSpacing.reason})
      }
      // `( published on Monday )` → `(published on Monday)`.
      const inner = match[2]!
      const lead = inner.length - inner.trimStart().length
      const trail = inner.length - inner.trimEnd().length
      if (inner.trim() !== '' && lead > 0)
        edits.push({start: open + 1, end: open + 1 + lead, replacement: '', rule: bracketSpacing.id, reason: 'space inside a bracket'})
      if (inner.trim() !== '' && trail > 0)
        edits.push({start: close - trail, end: close, replacement: '', rule: bracketSpacing.id, reason: 'space inside a bracket'})
    }
    return edits
  }
}
