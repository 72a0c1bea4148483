import {BULLET_MARKER} from '../../../blocks/segment.js'
import {isProse, type BlockRule} from '../block-rule.js'

/** A lone `• Headline` between paragraphs: a related-article link, not a list. */
export const relatedBullet: BlockRule = {
  id: 'related-bullet',
  reason: 'related-article link between paragraphs',
  example: '`  • Airport strike called off after pay deal`',
  needsContext: true,
  match(block, context) {
    // Glyph bullets only: `2. Plant-forward eating` is a numbered section of the article.
    if (block.kind !== 'list-item' || !BULLET_MARKER.test(block.text) || block.words < 3 || block.words > 25) return false
    if (/[.!?;:,]["”’)]*$/.test(block.text)) return false
    // Real lists have three or more items; related links come one or two at a time.
    let first = block.index
    while (first > 0 && context.blocks[first - 1]!.kind === 'list-item') first--
    let last = block.index
    while (last + 1 < context.blocks.length && context.blocks[last + 1]!.kind === 'list-item') last++
    if (last - first + 1 > 2) return false
    const before = context.blocks[first - 1]
    const after = context.blocks[last + 1]
    return Boolean(before && after && (isProse(before) || isProse(after)))
  }
}
