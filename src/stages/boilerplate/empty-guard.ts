/**
 * The last safeguard of the boilerplate stage: it never leaves a document
 * (nearly) empty when the classifier took real text from it. A forum thread
 * whose posts all look like comments, or a column layout whose paragraphs all
 * sit beside menus, is still a document with text. The rules name what they
 * found and stand; of the classifier's removals, the run of lines that read as
 * text around the one it scored most like content comes back, with a warning
 * for the reviewer. A page of menus, links and footers has no such lines and
 * is still emptied.
 */
import {z} from 'zod'
import type {Block} from '../../blocks/block.js'
import type {BlockDeletion} from '../delete-blocks.js'
import {RemovalDetail} from './classifier/removal-detail.js'
import {readsAsText} from './wrapped-prose.js'

export const emptyGuardOptions = z
  .object({
    /** A document left with fewer words than this is (nearly) emptied. */
    minKeptWords: z.number().int().min(0),
    /** The run that comes back must hold at least this many words; with less, the document stays as cleaned. */
    minTextWords: z.number().int().min(1),
    /** The run's lines each score at least this share of the content probability of its best line. */
    minScoreShare: z.number().min(0).max(1)
  })
  .strict()

export type EmptyGuardOptions = z.output<typeof emptyGuardOptions>

export const DEFAULT_EMPTY_GUARD: EmptyGuardOptions = {minKeptWords: 10, minTextWords: 50, minScoreShare: 0.5}

export interface TextRescue {
  /** The blocks that stay after all (indexes of the blocks given). */
  kept: Set<number>
  start: number
  end: number
  reason: string
}

/**
 * The lines to keep when `deletions` would leave fewer than `minKeptWords`
 * words of the document: of the lines the classifier removed that read as
 * text, the best-scored one and its neighbours among them that score nearly
 * as well; undefined when there are none, or they hold fewer than `minTextWords`.
 */
export function rescueText(
  blocks: readonly Block[],
  deletions: readonly BlockDeletion[],
  options: EmptyGuardOptions
): TextRescue | undefined {
  const removed = new Set(deletions.map((deletion) => deletion.block.index))
  let left = 0
  for (const block of blocks) if (!removed.has(block.index)) left += block.words
  if (left >= options.minKeptWords) return undefined
  // The text lines the classifier alone removed, with its content probability for each.
  const text = deletions
    .filter((deletion) => deletion.detail instanceof RemovalDetail && readsAsText(deletion.block.text))
    .map((deletion) => ({block: deletion.block, score: (deletion.detail as RemovalDetail).score}))
  if (text.length === 0) return undefined
  let best = 0
  text.forEach((line, at) => (line.score > text[best]!.score ? (best = at) : undefined))
  const cutoff = text[best]!.score * options.minScoreShare
  let from = best
  let to = best
  while (from > 0 && text[from - 1]!.score >= cutoff) from--
  while (to + 1 < text.length && text[to + 1]!.score >= cutoff) to++
  const run = text.slice(from, to + 1).map((line) => line.block)
  const words = run.reduce((sum, block) => sum + block.words, 0)
  if (words < options.minTextWords) return undefined
  return {
    kept: new Set(run.map((block) => block.index)),
    start: run[0]!.start,
    end: run.at(-1)!.end,
    reason: `kept: cleaning would have left ${left} of the document's words (fewer than emptyGuard.minKeptWords ${options.minKeptWords}); the ${words} words of its best-scored run of text stay, check this document`
  }
}
