/** dedup: near-duplicate blocks within a document (cross-document dedup is a corpus stage). */
import {deleteBlocks} from '../../blocks/delete-blocks.js'
import type {ConfiguredStage} from '../../core/stage.js'
import {DEFAULT_LOCAL_DEDUP, findLocalDuplicates, type LocalDedupOptions} from './local.js'

export interface DedupOptions {
  rules?: Record<string, boolean>
  minWords?: number
  containment?: number
}

export const DEDUP_RULES = [
  {id: 'repeated-block', reason: 'repeats a block kept earlier in the document', example: 'a title printed three times'},
  {id: 'contained-block', reason: 'near copy of a more complete block in the document', example: 'a summary paragraph repeated in the body'}
]

export function dedup(options: DedupOptions = {}): ConfiguredStage {
  const local: LocalDedupOptions = {
    minWords: options.minWords ?? DEFAULT_LOCAL_DEDUP.minWords,
    containment: options.containment ?? DEFAULT_LOCAL_DEDUP.containment
  }
  const switches = options.rules ?? {}
  return {
    name: 'dedup',
    source: 'rinse-dedup',
    options: {rules: switches, ...local},
    passes: [
      {
        propose(input) {
          const blocks = input.blocks()
          const deletions = findLocalDuplicates(blocks, local, (block) => input.originalPoint(block.start).line).filter(
            (deletion) => switches[deletion.rule] !== false
          )
          return deleteBlocks(input.text, blocks, deletions)
        }
      }
    ]
  }
}
