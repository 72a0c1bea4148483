/** Runs of spaces and tabs inside a line. */
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'

export const spaceRun: TextRule = {
  id: 'space-run',
  reason: 'run of spaces or a tab inside a line',
  example: '`two  spaces` → `two spaces`',
  propose(input) {
    const edits: ProposedEdit[] = []
    // Only inside a line: leading and trailing runs belong to line-trim.
    const text = input.text
    // Most texts have neither, and the pattern is tried at every space.
    if (!text.includes('  ') && !text.includes('\t')) return edits
    const pattern = / {2,}|[ \t]*\t[ \t]*/g
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const before = text[match.index - 1]
      const after = text[match.index + match[0].length]
      if (before === undefined || after === undefined || /\s/.test(before) || /\s/.test(after)) continue
      edits.push({start: match.index, end: match.index + match[0].length, replacement: ' ', rule: spaceRun.id, reason: spaceRun.reason})
    }
    return edits
  }
}
