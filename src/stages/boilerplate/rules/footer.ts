/** The page's foot: tag lines, archive links, copyright, disclaimers and subscription nags. */
import {inTail, type BlockRule} from '../block-rule.js'

const NAME_TOKEN = /^(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|la|le|da|di|del|bin|al)$/u

/** `Maria Lindqvist Tomas Berg Gothenburg` or `Tags: a, b`: the page's topic tags. */
export const tagLine: BlockRule = {
  id: 'tag-line',
  reason: 'topic tags',
  example: '`Maria Lindqvist Tomas Berg Gothenburg`',
  needsContext: true,
  match(block, context) {
    if (/^(?:Tags?|Topics?|Filed under|Categories|Category|Keywords|Tagged(?: with)?)\s*:/i.test(block.text) && block.words <= 40)
      return true
    if (!inTail(block, context) || block.words < 3 || block.words > 15) return false
    if (/[.!?,;:"“”()]/.test(block.text)) return false
    return block.text.split(/\s+/).every((token) => NAME_TOKEN.test(token))
  }
}

const ARCHIVE = /^All (?:news|articles|posts|stories)\b.{0,40}\bon\b.{0,20}\d/i
const CATEGORY_STAMP = /^[\p{L} /&|,-]{0,40}\s?\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u

/** `All news articles on 2024-05-01`, `News/Business 2024-05-02T10:11:12.345Z`. */
export const archiveLine: BlockRule = {
  id: 'archive-line',
  reason: 'archive link or category time stamp',
  example: '`News/Business 2024-05-02T10:11:12.345Z`',
  match(block) {
    if (block.words > 12) return false
    if (ARCHIVE.test(block.text)) return true
    // A category with an ISO date; a bare date line is a dateline and stays.
    return (
      CATEGORY_STAMP.test(block.text) &&
      /[\p{L}]/u.test(block.text.replace(/\d{4}-\d{2}-\d{2}T?/, '')) &&
      /\d{4}-\d{2}-\d{2}/.test(block.text) &&
      (/T\d{2}:/.test(block.text) || /[/|]/.test(block.text))
    )
  }
}

/** `© Harbour Post 2021 - Privacy`, `All rights reserved.` */
export const copyright: BlockRule = {
  id: 'copyright',
  reason: 'copyright footer',
  example: '`© Harbour Post 2021 - Privacy`',
  match(block) {
    if (block.words > 30) return false
    return /^(?:©|\(c\)\s|copyright\b|\u24b8)/i.test(block.text) || /\ball rights reserved\b/i.test(block.text)
  }
}

const DISCLAIMERS = [
  /\binformation on this (?:site|website|page) (?:is|comes) from\b/i,
  /\bdoes not necessarily (?:imply|reflect|represent)\b.{0,60}\b(?:recommendation|endorse\w*|views|opinions?|position)\b/i,
  /\bviews (?:and opinions )?expressed (?:here|in this (?:article|post)|within)\b.{0,60}\b(?:author|do not|don't|are (?:those|solely))\b/i,
  /\bnot (?:under our control|responsible for the content of external)\b/i,
  /\bfor (?:general )?informational purposes only\b/i,
  /\bdoes not constitute (?:financial|investment|legal|medical|professional) advice\b/i
]

/** `The inclusion of any links does not necessarily imply a recommendation...` */
export const disclaimer: BlockRule = {
  id: 'disclaimer',
  reason: 'site disclaimer',
  example: '`The views expressed here do not necessarily reflect...`',
  match: (block) => block.words <= 60 && DISCLAIMERS.some((pattern) => pattern.test(block.text))
}

const NAGS = [
  /\bclick here to subscribe\b/i,
  /\bsubscribe (?:now|today|for (?:full|unlimited)|to (?:our|the) newsletter)\b/i,
  /\bsign up (?:for|to) (?:our|the) .{0,30}newsletter\b/i,
  /\b(?:support|fund) (?:our|independent|quality) journalism\b/i,
  /\bbecome a (?:member|subscriber|patron|supporter)\b/i,
  /\balready a (?:subscriber|member)\?/i,
  /\benjoying this article\?/i,
  /\bget unlimited (?:digital )?access\b/i,
  /\bstart your free trial\b/i
]

/** `Liking what you read? Click here to subscribe.` */
export const subscriptionNag: BlockRule = {
  id: 'subscription-nag',
  reason: 'subscription or newsletter prompt',
  example: '`Liking what you read? Click here to subscribe.`',
  match: (block) => block.words <= 45 && NAGS.some((pattern) => pattern.test(block.text))
}

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
