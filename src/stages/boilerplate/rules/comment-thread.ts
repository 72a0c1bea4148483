import {FORM} from './comment-form.js'
import type {Block} from '../../../blocks/block.js'
import {isEnglishWord} from '../../../lexicon/dictionary.js'
import {isProse, type BlockRule} from '../block-rule.js'

const MONTHS = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?'
const COMMENT_META = [
  // `John says:`, `Anna wrote:`
  /^.{1,40}\s(?:says|said|wrote|writes|replied):?$/iu,
  // `Mike 07.18.12 at 21:12`, `Jane Doe November 8, 2012 at 10:38 pm`
  new RegExp(
    `^[\\p{L}][\\p{L}\\d .'’_-]{0,40}?\\s+(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTHS},?\\s+(?:\\d{4}|\\d{2}))(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?)?$`,
    'iu'
  ),
  // A bare comment time stamp: `November 8, 2012 at 10:38 pm`
  new RegExp(
    `^(?:${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4})\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?$`,
    'iu'
  ),
  // `Reply`, `Report abuse | Permalink`
  /^(?:Reply|Report(?: abuse| comment)?|Quote|Permalink|Like|Flag|Log in to Reply|Reply ↓)(?:\s*[|·•]\s*(?:Reply|Report(?: abuse)?|Quote|Permalink|Like|Flag|Share))*$/iu,
  // Slashdot-style scores
  /\(Score:\s*-?\d/u
]
// `• sweetiepotato`, `• http://example.com Jane Doe`: a commenter's handle or linked name as a
// bullet. A capitalised bullet (`• Sound Quality`) may be a list of the article, so it does not count.
const NAME_BULLET =
  /^[•·]\s+(?:https?:\/\/\S+(?:\s+[\p{L}\d.'’_@,-]+){1,4}|[\p{Ll}\d_]{4,}[\p{Ll}\d_.-]*|[\p{Lu}][\p{Ll}'’-]+(?:\s[\p{Lu}][\p{Ll}'’-]+){1,2})$/u

function isCommentMeta(blocks: readonly Block[], index: number): boolean {
  const block = blocks[index]!
  if (block.words > 12) return false
  if (COMMENT_META.some((pattern) => pattern.test(block.text))) return true
  const next = blocks[index + 1]
  if (!NAME_BULLET.test(block.text) || !next || !isProse(next)) return false
  const handle = block.text.replace(/^[•·]\s+/, '')
  // A name has a token no dictionary knows (Terri, sweetiepotato); `Sound Quality` is a list item.
  return handle.startsWith('http') || handle.split(/\s+/).some((token) => !isEnglishWord(token))
}

// `14 comments… read them below`, `{ 4 comments }`, `There are 12 comments.`: a count that opens a thread.
const COUNT_MARKER =
  /^[{([]?\s*(?:\d+|no|one|two|three|four|five)\s+(?:comments?|responses?|replies|thoughts|reactions)\b|\bThere (?:are|is) (?:\d+|one) (?:comments?|responses?|replies)\b/iu

/** A comment count or a comment form prompt among the few blocks before `index`. */
function markedThread(blocks: readonly Block[], index: number): boolean {
  for (let k = index - 1; k >= 0 && k >= index - 6; k--) {
    const block = blocks[k]!
    if (block.words <= 25 && (COUNT_MARKER.test(block.text) || FORM.test(block.text))) return true
    if (isProse(block)) return false
  }
  return false
}

/**
 * A comment thread under the article: from the first commenter line (`Name says:`,
 * a name and a time stamp, `Reply`) when at least three follow and most of the
 * page's prose comes before it, to the end of the page. A thread that a comment
 * count announces (`14 comments`, `There are 12 comments.`) only needs some
 * article before it: comments can outweigh a short post.
 */
export const commentThread: BlockRule = {
  id: 'comment-thread',
  reason: 'comment thread under the article',
  example: '`Mike 07.18.12 at 21:12` and the comments that follow',
  needsContext: true,
  match(block, context) {
    const {blocks} = context
    if (!isCommentMeta(blocks, block.index)) return false
    let meta = 0
    for (let k = block.index; k < blocks.length && meta < 3; k++) if (isCommentMeta(blocks, k)) meta++
    if (meta < 3) return false
    // Most of the article must come before: a thread follows the article.
    let before = 0
    let total = 0
    for (const other of blocks) {
      if (!isProse(other)) continue
      total += other.words
      if (other.index < block.index) before += other.words
    }
    if (markedThread(blocks, block.index) ? before < 50 : before < total * 0.3 || before < 150) return false
    return {extend: blocks.length - 1 - block.index}
  }
}
