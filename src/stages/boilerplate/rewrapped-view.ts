/**
 * The blocks left after boilerplate as a second clean of the output sees them:
 * repair's rewrap joins the hard-wrapped lines that removed blocks stood
 * between (a side column's cells in a column layout), so a paragraph kept as
 * wrapped lines comes back as one line, with other features and another count
 * of prose.
 */
import type {Block} from '../../blocks/block.js'
import {segment} from '../../blocks/segment.js'
import {applyProposed} from '../../engine/apply-proposed.js'
import {rewrapJoins} from '../repair/rules/rewrap.js'
import type {HardWrapOptions} from '../normalize/rules/hard-wrap.js'

export interface RewrappedView {
  /** The joined blocks, numbered from 0; a block's offsets span its lines in the document. */
  blocks: Block[]
  /** For each joined block, the document's blocks it was made of. */
  sources: Block[][]
}

/** `left` (blocks of one document, in order, already renumbered as a view) joined as rewrap would join them. */
export function rewrappedView(left: readonly Block[], wrap?: HardWrapOptions): RewrappedView {
  // The output's text as deleteBlocks leaves it: one line a block, a blank line where one stays.
  let text = ''
  const lineEnds: number[] = []
  for (const block of left) {
    if (text !== '') text += block.blankBefore ? '\n\n' : '\n'
    text += block.text
    lineEnds.push(text.length)
  }
  const edits = rewrapJoins(text, wrap)
  if (edits.length === 0) return {blocks: [...left], sources: left.map((block) => [block])}
  // An edit removes the newline after a line: that line and the next become one.
  const joinsNext = new Set<number>()
  // Edits in text order: the line whose end an edit takes is found by walking on, not by a search from the top.
  let line = 0
  for (const edit of edits) {
    while (line < lineEnds.length && lineEnds[line]! < edit.start) line++
    if (line < lineEnds.length && lineEnds[line]! < edit.end) joinsNext.add(line)
  }
  // Joins never overlap: each takes a newline of its own.
  const joined = applyProposed(text, edits)!.text
  const sources: Block[][] = []
  left.forEach((block, i) => (i > 0 && joinsNext.has(i - 1) ? sources.at(-1)!.push(block) : sources.push([block])))
  const blocks = segment(joined)
  // Each joined line is one block; should the text split otherwise, the lines stay as they are.
  if (blocks.length !== sources.length) return {blocks: [...left], sources: left.map((block) => [block])}
  return {
    blocks: blocks.map((block, i) => ({...block, start: sources[i]![0]!.start, end: sources[i]!.at(-1)!.end})),
    sources
  }
}
