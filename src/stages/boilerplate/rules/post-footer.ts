import {type BlockRule} from '../block-rule.js'

const POST_FOOTERS = [
  /^A version of this (?:article|story|review) (?:appear(?:s|ed)|was published) (?:in print )?(?:on )?\b/i,
  /^This copy is for your personal,? non-commercial use\b/i,
  /^This (?:entry|post) was (?:posted|written|filed)\b.{0,160}\b(?:on|in|under|by)\b/i,
  /\bfollow any (?:responses|comments) (?:to this (?:entry|post) )?(?:through|via|here with) the RSS\b/i,
  /^Bookmark the permalink\b/i,
  /\bleave a (?:response|comment),? or trackback\b|^Post a comment or leave a trackback\b/i
]

/** `A version of this article appeared in print on...`, `This entry was posted in...`: notes under a post. */
export const postFooter: BlockRule = {
  id: 'post-footer',
  reason: 'print-edition or blog-post footer note',
  example: '`This entry was posted in News. Bookmark the permalink.`',
  match: (block) => block.words <= 60 && POST_FOOTERS.some((pattern) => pattern.test(block.text))
}
