import {FORM} from './comment-form.js'
import {inTail, wholeLine, type BlockRule} from '../block-rule.js'

const AUTHOR_HEADING = wholeLine([
  String.raw`About (?:the )?Authors?:?`,
  String.raw`Author(?:'s)? (?:bio|profile):?`,
  String.raw`More (?:articles|posts|stories) (?:by|from) this author`
])

/** `About Author` and the short outlet or bio lines under it, after the article ends. */
export const authorBox: BlockRule = {
  id: 'author-box',
  reason: 'author box',
  example: '`About Author` / `Valley Times`',
  needsContext: true,
  match(block, context) {
    if (!AUTHOR_HEADING.test(block.text) || !inTail(block, context)) return false
    // Take the short lines that follow, up to the next block another rule claims or a long one.
    let extend = 0
    for (let k = block.index + 1; k < context.blocks.length && extend < 3; k++) {
      const next = context.blocks[k]!
      if (next.words > 40 || FORM.test(next.text)) break
      extend++
    }
    return {extend}
  }
}
