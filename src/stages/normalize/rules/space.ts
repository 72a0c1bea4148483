/** Whitespace inside lines: trim line ends and collapse runs of spaces and tabs. */
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

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}
