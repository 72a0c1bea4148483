/**
 * Lines of a paragraph hard-wrapped mid-sentence that normalize could not join
 * (in a column layout a side column's cells sit between or beside them): prose,
 * though they do not end a sentence, so the prose guard counts and keeps them.
 */
import {lineStats, PROSE_STOP_SHARE} from './classifier/features.js'
import {endsSentence, PROSE_WORDS} from './block-rule.js'

/** A line long enough for prose, with a normal share of stop words (a sentence end or not). */
export function readsAsText(text: string): boolean {
  const stats = lineStats(text)
  return stats.tokens >= PROSE_WORDS && stats.stopRatio >= PROSE_STOP_SHARE
}

/**
 * For each line, whether it is one of a wrapped paragraph's: it reads as prose
 * but runs on without a sentence end, and is glued (no blank line between) to
 * another line of the paragraph that reads as prose. A lone long line without
 * a sentence end (a teaser, a list's item) is not.
 */
export function wrappedLines(blocks: ReadonlyArray<{text: string; blankBefore: boolean}>): boolean[] {
  const prose = blocks.map((block) => readsAsText(block.text))
  const gluedToProse = (i: number): boolean =>
    (i > 0 && !blocks[i]!.blankBefore && prose[i - 1]!) || (i + 1 < blocks.length && !blocks[i + 1]!.blankBefore && prose[i + 1]!)
  return blocks.map((block, i) => prose[i]! && !endsSentence(block.text) && gluedToProse(i))
}
