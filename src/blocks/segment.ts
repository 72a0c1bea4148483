/**
 * Split a document into blocks. Scraped text has no single paragraph
 * convention, so a block is a non-blank line: by the time block stages run,
 * normalize has already joined hard-wrapped lines and hyphenated breaks.
 */
import type {Block, BlockKind} from './block.js'
import {countWords} from './words.js'

const BULLET = /^(?:[•·▪◦‣●○■□*–-]|\d{1,3}[.)])\s+\S/
const TERMINAL = /[.!?…:;,"”’')\]]$/

export function segment(text: string): Block[] {
  const blocks: Block[] = []
  let lineStart = 0
  let blankBefore = true
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const raw = text.slice(lineStart, lineEnd)
    const leading = raw.length - raw.trimStart().length
    const body = raw.trim()
    if (body.length === 0) {
      blankBefore = true
    } else {
      const start = lineStart + leading
      blocks.push({
        index: blocks.length,
        start,
        end: start + body.length,
        text: body,
        kind: 'paragraph',
        words: countWords(body),
        blankBefore
      })
      blankBefore = false
    }
    if (lineEnd === text.length) break
    lineStart = lineEnd + 1
  }
  for (const block of blocks) block.kind = kindOf(block, blocks)
  return blocks
}

function kindOf(block: Block, blocks: readonly Block[]): BlockKind {
  if (BULLET.test(block.text)) return 'list-item'
  const next = blocks[block.index + 1]
  if (block.words <= 12 && !TERMINAL.test(block.text) && (!next || next.words > block.words)) return 'heading'
  return 'paragraph'
}
