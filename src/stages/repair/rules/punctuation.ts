/** Punctuation damage from scraping and machine translation: doubled marks and dashes, stray spaces, glued brackets. */
import {lineAround, looksLikeCode} from '../../../blocks/code.js'
import type {ProposedEdit} from '../../../engine/types.js'
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

/** `a hard sell— — some say` → `a hard sell — some say`. */
export const doubledDash: TextRule = {
  id: 'doubled-dash',
  reason: 'dash repeated',
  example: '`sell— — some say` → `sell — some say`',
  // The pattern may start at any space; a text without a dash has no match.
  propose: (input) =>
    !hasDash(input.text)
      ? []
      : editsForMatches(input.text, /([ \t]*)([—–])(?:[ \t]*\2)+([ \t]*)/g, doubledDash, (match) => {
          if (!/[ \t]*\S*[ \t]+/.test(match[0].slice(match[1]!.length)) && match[0].split(match[2]!).length < 3) return undefined
          return match[1] || match[3] ? ` ${match[2]} ` : match[2]
        })
}

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

/** The character before `index` ends a word (or a quote or bracket closing one). */
function afterWord(text: string, index: number, digits: boolean): boolean {
  const before = text[index - 1]
  if (before === undefined || (text[index - 1] === '.' && text[index - 2] === '.')) return false
  return (digits ? /[\p{L}\p{N}”"’)\]]/u : /[\p{L}”"’)\]]/u).test(before)
}

function hasDash(text: string): boolean {
  return text.includes('—') || text.includes('–')
}
