import {type BlockRule} from '../block-rule.js'

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
/** A line of nothing but comment-form prompts (`Leave a Reply`, `Name *`, `Post Comment`). */
export const FORM = new RegExp(`^(?:${PROMPT})+$`, 'iu')

/** `Leave a Reply`, `Please enter your comment!`, `Required fields are marked *`. */
export const commentForm: BlockRule = {
  id: 'comment-form',
  reason: 'comment form prompt',
  example: '`Please enter your comment!`',
  match: (block) => block.words <= 40 && FORM.test(block.text)
}
