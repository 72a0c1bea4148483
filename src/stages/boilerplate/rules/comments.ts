/** Comment forms and author boxes that CMS templates put under articles. */
import {inTail, wholeLine, type BlockRule} from '../block-rule.js'

const PROMPTS = [
  String.raw`Leave a (?:Reply|Comment|Response)`,
  String.raw`(?:Please )?enter your (?:comment|name|email(?: address)?)(?: here)?`,
  String.raw`You have entered an incorrect email address`,
  String.raw`Your email address will not be published`,
  String.raw`Required fields are marked(?: \*)?`,
  String.raw`Save my name, email, and website in this browser for the next time I comment`,
  String.raw`Notify me of (?:follow-up comments|new posts|new comments)(?: by email| via e-?mail)?`,
  String.raw`(?:Post|Submit) (?:a )?Comment`,
  String.raw`Cancel reply`,
  String.raw`Add (?:a|your) comment`,
  String.raw`(?:Log|Sign) in to (?:comment|reply|leave a comment|post a comment)`,
  String.raw`You must be logged in to post a comment`,
  String.raw`\d+ (?:comments?|responses?|replies)`,
  String.raw`Comments?(?: \(\d+\))?`,
  String.raw`Be the first to comment`,
  String.raw`Join the (?:discussion|conversation)`,
  String.raw`This site uses Akismet to reduce spam[^]*`,
  String.raw`(?:Name|Email|Website|Comment)\s*\*`
]
const PROMPT = String.raw`(?:${PROMPTS.join('|')})[\s.!*:]*`
const FORM = new RegExp(`^(?:${PROMPT})+$`, 'iu')

/** `Leave a Reply`, `Please enter your comment!`, `Required fields are marked *`. */
export const commentForm: BlockRule = {
  id: 'comment-form',
  reason: 'comment form prompt',
  example: '`Please enter your comment!`',
  match: (block) => block.words <= 40 && FORM.test(block.text)
}

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
