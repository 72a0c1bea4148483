/**
 * Edits that delete whole blocks while keeping the paragraph structure around
 * them: one blank line stays between the neighbours when there was one, none
 * at the start of the text, and the final newline stays.
 */
import type {ProposedEdit} from '../engine/types.js'
import type {Block} from '../blocks/block.js'

export interface BlockDeletion {
  block: Block
  rule: string
  reason: string
  detail?: Record<string, unknown>
}

export function deleteBlocks(text: string, blocks: readonly Block[], deletions: readonly BlockDeletion[]): ProposedEdit[] {
  const byIndex = new Map(deletions.map((deletion) => [deletion.block.index, deletion]))
  const edits: ProposedEdit[] = []
  const lineStart = (block: Block): number => text.lastIndexOf('\n', block.start - 1) + 1
  const lineEnd = (block: Block): number => {
    const newline = text.indexOf('\n', block.end)
    return newline === -1 ? text.length : newline
  }
  let i = 0
  while (i < blocks.length) {
    if (!byIndex.has(i)) {
      i++
      continue
    }
    let j = i
    while (j + 1 < blocks.length && byIndex.has(j + 1)) j++
    const previous = blocks[i - 1]
    const next = blocks[j + 1]
    let regionStart: number
    let regionEnd: number
    if (!previous) {
      regionStart = 0
      regionEnd = next ? lineStart(next) : text.length
    } else if (!next) {
      regionStart = lineEnd(previous)
      regionEnd = text.endsWith('\n') ? text.length - 1 : text.length
    } else {
      regionStart = lineEnd(previous) + 1
      regionEnd = lineStart(next)
      // Keep one blank line where the removed run was set apart by one.
      const blank = blocks.slice(i, j + 2).some((block) => block.blankBefore)
      if (blank) regionEnd -= 1
    }
    for (let k = i; k <= j; k++) {
      const deletion = byIndex.get(k)!
      const start = k === i ? regionStart : lineStart(blocks[k]!)
      const end = k === j ? regionEnd : lineStart(blocks[k + 1]!)
      if (end <= start) continue
      const edit: ProposedEdit = {start, end, replacement: '', rule: deletion.rule, reason: deletion.reason}
      if (deletion.detail) edit.detail = deletion.detail
      edits.push(edit)
    }
    i = j + 1
  }
  return edits
}
