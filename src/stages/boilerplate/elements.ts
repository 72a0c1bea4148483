/**
 * Article elements that look like boilerplate to a classifier but may belong to
 * the article: the title, section subheads, bylines, datelines and photo
 * captions. For each, a pipeline chooses `keep` (never removed by the
 * classifier), `auto` (the classifier decides, as for any line) or `drop`
 * (always removed). Measured on the devset, protecting more than bylines costs
 * precision (menu items and comment lines look like subheads and datelines),
 * so titles and bylines are kept and the rest is left to the classifier.
 */
import {z} from 'zod'
import type {Block} from '../../blocks/block.js'
import {endsWith} from '../../blocks/line-end.js'
import {holdsProse, isProse} from './block-rule.js'

export const ELEMENTS = ['title', 'subhead', 'byline', 'dateline', 'caption'] as const

export type Element = (typeof ELEMENTS)[number]

const keepChoice = z.enum(['keep', 'auto', 'drop'])

export type KeepChoice = z.output<typeof keepChoice>

export const keepOptions = z
  .object(Object.fromEntries(ELEMENTS.map((element) => [element, keepChoice])) as Record<Element, typeof keepChoice>)
  .strict()

export type KeepOptions = z.output<typeof keepOptions>

export const DEFAULT_KEEP: KeepOptions = {title: 'keep', subhead: 'auto', byline: 'keep', dateline: 'auto', caption: 'auto'}

const BYLINE = /^(?:By|Posted by|Written by|Words by|Story by|Reporting by|Text by)\s+[\p{Lu}@]/u
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
const DATE = new RegExp(
  String.raw`^(?:(?:Published|Updated|Posted|Last updated)(?: on)?:?\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+${MONTH},?\s+\d{4}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$`,
  'i'
)
/** A line that is only a date (a dateline), with an optional `Published`/`Updated` label and time. */
export function isDateline(block: Block): boolean {
  return block.words <= 12 && DATE.test(block.text)
}
const CREDIT_TAIL = /\((?:Photo:?\s*)?[\p{Lu}][^()]{1,60}\/[^()]{1,40}\)$/u
const endsSentence = endsWith('.!?…:', '"”’\')]')

/** The element each block is, if it is one of the protected kinds. */
export function findElements(blocks: readonly Block[], removed: ReadonlySet<number>): Map<number, Element> {
  const elements = new Map<number, Element>()
  const firstProse = blocks.find((block) => !removed.has(block.index) && isProse(block))?.index ?? blocks.length
  let titled = false
  for (const block of blocks) {
    if (removed.has(block.index)) continue
    const text = block.text
    if (block.words <= 15 && BYLINE.test(text)) elements.set(block.index, 'byline')
    else if (isDateline(block)) elements.set(block.index, 'dateline')
    else if (!titled && block.index < firstProse && looksLikeTitle(blocks, block, removed)) {
      elements.set(block.index, 'title')
      titled = true
    } else if (block.words <= 60 && text.endsWith(')') && CREDIT_TAIL.test(text)) elements.set(block.index, 'caption')
    else if (block.index > firstProse && block.words <= 12 && !endsSentence(text) && isBetweenProse(blocks, block.index, removed)) {
      elements.set(block.index, 'subhead')
    }
  }
  return elements
}

/** The longest line that is headline-shaped (a title, or a headline in-document dedup keeps). */
export const TITLE_MAX_WORDS = 25

/**
 * The title: a headline-shaped line (4 to 25 words, lower-case words in it, no
 * sentence end, no menu separators) that the article (prose, or a table layout's row
 * holding sentences) follows within three lines.
 */
function looksLikeTitle(blocks: readonly Block[], block: Block, removed: ReadonlySet<number>): boolean {
  if (
    block.words < 4 ||
    block.words > TITLE_MAX_WORDS ||
    endsSentence(block.text) ||
    !/\p{Ll}{3}/u.test(block.text) ||
    /\s[|•·»›]\s/.test(block.text)
  )
    return false
  let seen = 0
  for (let k = block.index + 1; k < blocks.length && seen < 3; k++) {
    if (removed.has(k)) continue
    seen++
    const next = blocks[k]!
    if (holdsProse(next) || BYLINE.test(next.text) || DATE.test(next.text)) return true
  }
  return false
}

/** A short line with article prose on both sides (skipping removed blocks) is a subhead. */
function isBetweenProse(blocks: readonly Block[], index: number, removed: ReadonlySet<number>): boolean {
  const near = (step: number): Block | undefined => {
    for (let k = index + step; k >= 0 && k < blocks.length; k += step) if (!removed.has(k)) return blocks[k]
    return undefined
  }
  const before = near(-1)
  const after = near(1)
  return Boolean(before && after && isProse(before) && isProse(after))
}
