/**
 * Paragraph separators: at most one blank line between blocks, none at the start,
 * one newline at the end (unless `finalNewline` is off: then the end stays as it is).
 */
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'

export const blankLines: TextRule = {
  id: 'blank-lines',
  reason: 'run of blank lines',
  example: '`a\\n\\n\\n\\nb` → `a\\n\\nb`',
  propose(input, options?: {finalNewline?: boolean}) {
    const text = input.text
    const edits: ProposedEdit[] = []
    const edit = (start: number, end: number, replacement: string, reason: string): void => {
      if (text.slice(start, end) !== replacement) edits.push({start, end, replacement, rule: blankLines.id, reason})
    }
    const leading = /^\n+/.exec(text)
    if (leading) edit(0, leading[0].length, '', 'blank lines at the start of the file')
    let end = text.length
    while (end > 0 && text[end - 1] === '\n') end--
    const inner = /\n{3,}/g
    for (let match = inner.exec(text); match; match = inner.exec(text)) {
      if (match.index > 0 && match.index + match[0].length < end)
        edit(match.index, match.index + match[0].length, '\n\n', blankLines.reason)
    }
    if (text.trim().length > 0 && options?.finalNewline !== false) {
      edit(end, text.length, '\n', end === text.length ? 'no newline at the end of the file' : 'blank lines at the end of the file')
    }
    return edits
  }
}
