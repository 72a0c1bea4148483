/** Whitespace inside lines: trim line ends and collapse runs of spaces and tabs. */
import type {ProposedEdit} from '../../../core/types.js'
import type {TextRule} from '../../rule.js'

export const lineTrim: TextRule = {
  id: 'line-trim',
  reason: 'whitespace at the start or end of a line',
  example: '`  • Item  ` → `• Item`',
  propose(input) {
    const edits: ProposedEdit[] = []
    const pattern = /^[ \t]+|[ \t]+$/gm
    for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
      edits.push({start: match.index, end: match.index + match[0].length, replacement: '', rule: lineTrim.id, reason: lineTrim.reason})
    }
    return edits
  }
}

export const spaceRun: TextRule = {
  id: 'space-run',
  reason: 'run of spaces or a tab inside a line',
  example: '`two  spaces` → `two spaces`',
  propose(input) {
    const edits: ProposedEdit[] = []
    // Only inside a line: leading and trailing runs belong to line-trim.
    const text = input.text
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
