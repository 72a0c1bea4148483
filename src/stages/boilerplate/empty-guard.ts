/**
 * The last safeguard of the boilerplate stage: it never leaves a document
 * (nearly) empty when the classifier took real text from it. A forum thread
 * whose posts all look like comments, or a column layout whose paragraphs all
 * sit beside menus, is still a document with text. The rules name what they
 * found and stand; of the classifier's removals, the run of lines that read as
 * text around the one it scored most like content comes back, with a warning
 * for the reviewer. A page with no such line (a listing of job posts, a column
 * layout of sponsored links cut mid-sentence) gets back its run of item lines
 * instead: lines of a few words each, longer than a menu's labels. A page of
 * menus, links and footers has neither and is still emptied.
 */
import {z} from 'zod'
import type {Block} from '../../blocks/block.js'
import type {BlockDeletion} from '../delete-blocks.js'
import {RemovalDetail} from './classifier/removal-detail.js'
import {readsAsText} from './wrapped-prose.js'
import {lineStats} from './classifier/features.js'

export const emptyGuardOptions = z
  .object({
    /** A document left with fewer words than this is (nearly) emptied. */
    minKeptWords: z.number().int().min(0),
    /** The run that comes back must hold at least this many words; with less, the document stays as cleaned. */
    minTextWords: z.number().int().min(1),
    /** The run's lines each score at least this share of the content probability of its best line. */
    minScoreShare: z.number().min(0).max(1),
    /**
     * With no line that reads as text (or too few of its words), the run is taken
     * from the removed lines of at least this many words: a listing's items, a
     * wrapped column's lines. A menu's labels are shorter.
     */
    minItemWords: z.number().int().min(1)
  })
  .strict()

export type EmptyGuardOptions = z.output<typeof emptyGuardOptions>

export const DEFAULT_EMPTY_GUARD: EmptyGuardOptions = {minKeptWords: 10, minTextWords: 50, minScoreShare: 0.5, minItemWords: 5}

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
 * as well; failing that (none, or fewer than `minTextWords` words), the same
 * run among its removed lines of `minItemWords` or more; undefined when
 * neither holds `minTextWords`.
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
  // The lines the classifier alone removed, with its content probability for each.
  const scored = deletions
    .filter((deletion) => deletion.detail instanceof RemovalDetail)
    .map((deletion) => ({block: deletion.block, score: (deletion.detail as RemovalDetail).score}))
  const text = bestRun(
    scored.filter((line) => readsAsText(line.block.text)),
    options
  )
  const items = text
    ? undefined
    : bestRun(
        scored.filter((line) => lineStats(line.block.text).tokens >= options.minItemWords),
        options
      )
  const run = text ?? items
  if (!run) return undefined
  const words = run.reduce((sum, block) => sum + block.words, 0)
  const what = text ? 'run of text' : `run of lines of ${options.minItemWords}+ words (emptyGuard.minItemWords; no line reads as text)`
  return {
    kept: new Set(run.map((block) => block.index)),
    start: run[0]!.start,
    end: run.at(-1)!.end,
    reason: `kept: cleaning would have left ${left} of the document's words (fewer than emptyGuard.minKeptWords ${options.minKeptWords}); the ${words} words of its best-scored ${what} stay, check this document`
  }
}

/** The best-scored line of `lines` and its neighbours among them scoring nearly as well; undefined under `minTextWords`. */
function bestRun(lines: ReadonlyArray<{block: Block; score: number}>, options: EmptyGuardOptions): Block[] | undefined {
  if (lines.length === 0) return undefined
  let best = 0
  lines.forEach((line, at) => (line.score > lines[best]!.score ? (best = at) : undefined))
  const cutoff = lines[best]!.score * options.minScoreShare
  let from = best
  let to = best
  while (from > 0 && lines[from - 1]!.score >= cutoff) from--
  while (to + 1 < lines.length && lines[to + 1]!.score >= cutoff) to++
  const run = lines.slice(from, to + 1).map((line) => line.block)
  const words = run.reduce((sum, block) => sum + block.words, 0)
  return words < options.minTextWords ? undefined : run
}
