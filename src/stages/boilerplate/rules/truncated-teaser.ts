import type {Block} from '../../../blocks/block.js'
import {inHead, inTail, type BlockRule} from '../block-rule.js'

function looksLikeTeaser(block: Block): boolean {
  return (
    block.words >= 3 &&
    block.words <= 16 &&
    /(?:\.\.\.|…)$/.test(block.text) &&
    !/["“”]/.test(block.text) &&
    /^[\p{Lu}\d]/u.test(block.text)
  )
}

/** `Some headline that stops...` at the page's head or tail, or in a run of them: teaser links. */
export const truncatedTeaser: BlockRule = {
  id: 'truncated-teaser',
  reason: 'truncated teaser link',
  example: '`Now you can see non-English news...`',
  needsContext: true,
  match(block, context) {
    if (!looksLikeTeaser(block)) return false
    if (inHead(block, context) || inTail(block, context)) return true
    // Mid-article, teasers come in lists; a lone line trailing off may be prose.
    const before = context.blocks[block.index - 1]
    const after = context.blocks[block.index + 1]
    return Boolean((before && looksLikeTeaser(before)) || (after && looksLikeTeaser(after)))
  }
}
