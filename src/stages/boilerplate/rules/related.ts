/** Links away from the article: related bullets and headers, teasers, source and "read the original" lines. */
import type {Block} from '../../../blocks/block.js'
import {BULLET_MARKER} from '../../../blocks/segment.js'
import {inHead, inTail, isProse, wholeLine, type BlockRule} from '../block-rule.js'

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

const HEADERS = [
  String.raw`You (?:may|might) (?:also )?(?:like|enjoy|be interested in)`,
  String.raw`Related(?: (?:Articles?|Posts?|Stories|Story|News|Content|Coverage|Topics|Reading|Links))?`,
  String.raw`Read (?:more|next|also)`,
  String.raw`More (?:from|on|in) [\p{L} ]{1,30}`,
  String.raw`(?:Also|Related) on [\p{L}\d .'’&-]{1,30}:`,
  String.raw`More (?:stories|news|articles|like this)`,
  String.raw`Recommended(?: for you| stories| articles)?`,
  String.raw`Trending(?: now| stories| today)?`,
  String.raw`Trends(?: \d+h| now| today)?`,
  String.raw`Most (?:popular|read|viewed|shared|commented)(?: stories| articles)?`,
  String.raw`Popular (?:now|posts|stories|articles)`,
  String.raw`Don'?t miss`,
  String.raw`See also`,
  String.raw`Also read`,
  String.raw`Latest (?:news|stories|posts|articles)`,
  String.raw`Top stories`,
  String.raw`Editor'?s picks?`,
  String.raw`Further reading`,
  String.raw`(?:Previous|Next) (?:article|post|story)`
]
const HEADER = new RegExp(`^(?:${HEADERS.join('|')})\\s*:?$`, 'iu')

/** `You may like`, `Trends 24h`, `Most Popular`: headers of link lists. */
export const relatedHeader: BlockRule = {
  id: 'related-header',
  reason: 'header of a related-links list',
  example: '`You may like`',
  match: (block) => block.words <= 6 && HEADER.test(block.text)
}

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

const SOURCE = wholeLine([
  String.raw`Source link`,
  String.raw`Sources?\s*:\s*\S[^.!?]{0,60}`,
  String.raw`Via\s*:\s*\S[^.!?]{0,40}`,
  String.raw`Original (?:article|source|link|story)\s*:?\s*\S?[^.!?]{0,60}`,
  String.raw`Continue reading(?: the (?:main )?story)?\s*(?:…|\.\.\.|»|→)?`,
  String.raw`Read (?:more|the (?:full|rest of the) (?:article|story))\s*(?:…|\.\.\.|»|→)?`
])

/** `Source link`, `Source: countyherald`, `Continue reading...`. */
export const sourceLink: BlockRule = {
  id: 'source-link',
  reason: 'source or continue-reading link',
  example: '`Source: countyherald`',
  match: (block) => block.words <= 12 && SOURCE.test(block.text)
}

const READ_ORIGINAL = /\b(?:read|view|see)\b.{0,40}\b(?:original|full|whole)\b.{0,60}\b(?:here|source|site|website)\b/i
const ORIGINALLY = /^This (?:article|story|post) (?:was )?(?:originally|first) (?:appeared|published|posted)\b/i

/** `If you want to read this article from the original source, read it here.` */
export const readOriginal: BlockRule = {
  id: 'read-original',
  reason: 'link to the original article',
  example: '`Read the original article here.`',
  needsContext: true,
  match(block, context) {
    if (block.words > 35) return false
    if (ORIGINALLY.test(block.text)) return true
    // "Read the full report on the agency's website" can be content; a link line says "here" or ends the page.
    return READ_ORIGINAL.test(block.text) && (/\bhere\b/i.test(block.text) || inTail(block, context))
  }
}
