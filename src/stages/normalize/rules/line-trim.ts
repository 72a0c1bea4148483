/** Whitespace at the start or end of a line. */
import type {ProposedEdit} from '../../../engine/types.js'
import type {TextRule} from '../../rule.js'

// What ends a line for `^` and `$` in a multiline pattern (`\r\n` is two ends, with an empty line between).
const LINE_BREAK = /[\n\r\u2028\u2029]/g

export const lineTrim: TextRule = {
  id: 'line-trim',
  reason: 'whitespace at the start or end of a line',
  example: '`  • Item  ` → `• Item`',
  propose(input) {
    const text = input.text
    const edits: ProposedEdit[] = []
    const trim = (start: number, end: number): void => {
      edits.push({start, end, replacement: '', rule: lineTrim.id, reason: lineTrim.reason})
    }
    // Line by line, as /^[ \t]+|[ \t]+$/gm would find them: that pattern is tried at every space of the text.
    for (let start = 0; start < text.length;) {
      LINE_BREAK.lastIndex = start
      const end = LINE_BREAK.exec(text)?.index ?? text.length
      let first = start
      while (first < end && isSpaceOrTab(text.charCodeAt(first))) first++
      if (first > start) trim(start, first)
      let last = end
      while (last > first && isSpaceOrTab(text.charCodeAt(last - 1))) last--
      if (last < end && last > first) trim(last, end)
      start = end + 1
    }
    return edits
  }
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}
