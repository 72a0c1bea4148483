/**
 * Split a document into blocks. Scraped text has no single paragraph
 * convention, so a block is a non-blank line: by the time block stages run,
 * normalize has already joined hard-wrapped lines and hyphenated breaks.
 */
import type {Block, BlockKind} from './block.js'
import {countWords} from './words.js'

/** The characters that start a bulleted line. */
export const BULLET_CHARS = '•·▪◦‣●○■□*–-'

/** A bullet or a list number and a space: the start of a list item (`• Item`, `2) Item`). */
export const LIST_MARKER = new RegExp(`^(?:[${BULLET_CHARS}]|\\d{1,3}[.)])\\s`)

/** A bullet and a space: the start of a bulleted (not numbered) line. */
export const BULLET_MARKER = new RegExp(`^[${BULLET_CHARS}]\\s`)

const TERMINAL = /[.!?…:;,"”’')\]]$/

export function segment(text: string): Block[] {
  const blocks: Block[] = []
  let lineStart = 0
  let blankBefore = true
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    // The line trimmed as String.prototype.trim would, without slicing it first.
    let start = lineStart
    while (start < lineEnd && isTrimmed(text.charCodeAt(start))) start++
    let end = lineEnd
    while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--
    if (start === end) {
      blankBefore = true
    } else {
      const body = text.slice(start, end)
      blocks.push({index: blocks.length, start, end, text: body, kind: 'paragraph', words: countWords(body), blankBefore})
      blankBefore = false
    }
    if (lineEnd === text.length) break
    lineStart = lineEnd + 1
  }
  for (const block of blocks) block.kind = kindOf(block, blocks)
  return blocks
}

/** The white space and line terminators that `trim()` removes. */
function isTrimmed(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

function kindOf(block: Block, blocks: readonly Block[]): BlockKind {
  // The text is trimmed: a marker and a space have words after them.
  if (LIST_MARKER.test(block.text)) return 'list-item'
  const next = blocks[block.index + 1]
  if (block.words <= 12 && !TERMINAL.test(block.text) && (!next || next.words > block.words)) return 'heading'
  return 'paragraph'
}
