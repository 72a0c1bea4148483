/** Public types of the boilerplate block classifier. */
import {z} from 'zod'
import type {ClassifierModel} from './model.js'

/** One non-blank line of a document, whitespace-normalized (single spaces, trimmed). */
export interface ClassifierBlock {
  text: string
  /** The raw line before this one was blank. */
  blankBefore: boolean
}

/** The classifier's options in a pipeline file (`classifier:` of the boilerplate stage). */
export const classifierOptions = z
  .object({
    /**
     * Probability of being main content below which a block is boilerplate.
     * Lower keeps more (precision of removal first).
     */
    threshold: z.number().gt(0).lt(1),
    /**
     * Blocks with at least this many word tokens that read as prose (enough
     * stop words, a sentence ending) are kept when the score is only a little
     * below the threshold, unless they sit in a comment thread or far outside
     * the main text. 0 disables the guard.
     */
    protectProseTokens: z.number().int().min(0),
    /**
     * The prose guard only overrides scores within this distance below the
     * threshold ("when unsure, keep"); confident boilerplate verdicts stand.
     */
    protectMargin: z.number().min(0).max(1),
    /**
     * A paragraph of at least this many word tokens that reads as prose (a
     * sentence end, at least 30% stop words) is never removed on the score
     * alone: only inside a comment thread or far from the main run of prose.
     * 0 disables it.
     */
    longProseTokens: z.number().int().min(0),
    /** Apply the context (neighbourhood) pass; off gives per-line decisions only. */
    context: z.boolean(),
    /**
     * Documents with fewer blocks are left to the rules: too little context to
     * tell a page's furniture from its text (the devset's pages have 80+). Default 30.
     */
    minBlocks: z.number().int().min(0)
  })
  .partial()
  .strict()

export type ClassifierOptions = z.output<typeof classifierOptions> & {
  /**
   * A model trained elsewhere instead of the shipped weights: for held-out
   * evaluation (`scripts/devset-parts.mjs --model`, `npm run devset:lopo`), not a pipeline-file option.
   */
  model?: ClassifierModel
  /**
   * The gutting guard's second decision (set by it only): a table layout's rows that
   * hold sentences beside a side column's cell (holdsSentences) and the lines of a
   * hard-wrapped paragraph (wrapped-prose.ts) count as prose too, and distance from
   * the main run of prose is no reason to remove prose.
   */
  proseRows?: boolean
}

export interface BlockDecision {
  boilerplate: boolean
  /** Probability (0..1) that the block is main content. */
  score: number
  /** Short kebab-case id of the main cue, usable as a rule id. */
  label: string
  /** Human sentence naming the main features. */
  reason: string
  /**
   * For a prose line judged boilerplate: what in the page's structure (a comment
   * thread, a side column) backs the score. Absent when only the score does.
   */
  structure?: string
  /** The feature values the model saw (stage-1 and context features). */
  features: Record<string, number>
  /** The first `count` stage-1 features (cheaper than `features`). */
  leadingFeatures(count: number): Record<string, number>
}
