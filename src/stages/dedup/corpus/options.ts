/**
 * Options of the cross-document near-duplicate engine: one zod schema with the
 * defaults and the checks that span options; the TypeScript types are inferred
 * from it.
 */
import {z} from 'zod'

/**
 * The MinHash settings: they shape the signatures, so signatures (and a
 * persistent index) made with other values are incomparable.
 */
export const minhashOptions = z.object({
  /**
   * Words per shingle. 3: a word changed here and there spoils 3 shingles, not
   * 5, so a copy with 8 % of its words changed keeps a Jaccard near 0.5 (0.4 with
   * 5-word shingles); different articles still share few 3-word runs.
   */
  shingleSize: z.number().int().min(1).default(3),
  /** MinHash functions (signature length; stored as one byte each). */
  numHashes: z.number().int().min(1).default(128),
  /** Seed of the hash functions. */
  seed: z.number().int().default(0x5eed),
  /**
   * How the signature is made. `one-permutation`: one hash per shingle, its
   * top bits choosing one of `numHashes` bins that each keep their minimum
   * (empty bins filled by optimal densification); the same estimate of Jaccard
   * (spread within 10 % of the others' on sets of 30-800 shingles) at 1/128 of
   * the hashing: the dedup stage went from about 4,200 to 6,900 documents per
   * CPU second on 5 KB documents. `multiply-shift` (the default before; exact
   * 32-bit) and `mod-prime` compute `numHashes` hash functions per shingle.
   */
  hashFamily: z.enum(['multiply-shift', 'mod-prime', 'one-permutation']).default('one-permutation'),
  /**
   * LSH bands × rows must be ≤ numHashes. 42 × 3 (126 of the 128 hashes): a
   * pair with Jaccard s becomes a candidate with probability
   * 1 - (1 - s^3)^42 — the S-curve: s=0.2 → 0.29, 0.3 → 0.68, 0.35 → 0.84,
   * 0.4 → 0.94, 0.45 → 0.98, 0.5 → 0.996. Copies with up to 8 % of their words
   * changed sit at J ≥ 0.43 in nine cases of ten (0.97), and those that banding
   * misses near the threshold are mostly below it by the estimate too: 64 × 2
   * found one copy more of the sweep's 1,440. With one byte per hash a 3-row
   * band key carries 24 bits, so unrelated documents collide in some band about
   * 42 / 2^24 of the time — cheap to verify in memory; the SQLite store asks
   * for two shared bands instead.
   */
  bands: z.number().int().min(1).default(42),
  rows: z.number().int().min(1).default(3)
})

export type HashFamily = z.output<typeof minhashOptions>['hashFamily']

export const passageOptions = z
  .object({
    /** Index paragraphs and find those repeated in other (kept) documents. */
    enabled: z.boolean().default(true),
    /**
     * Blocks with at least this many normalized words are passages. Shorter
     * blocks (nav lines, bylines, "Read more…") are never indexed.
     */
    minWords: z.number().int().min(1).default(12),
    /** `report` only lists repeated passages; `remove` asks the runner to delete them from all but the kept copy. */
    action: z.enum(['report', 'remove']).default('report'),
    /**
     * A passage found in more documents than this is site boilerplate: it is
     * still reported, but not used to propose document-level candidate pairs
     * (that would be quadratic).
     */
    maxDocs: z.number().int().min(2).default(50),
    /**
     * A paragraph held by this many documents or more is site chrome (a site's
     * footer, a blog's sidebar): a document's own chrome, which another lacks,
     * is left out of its containment in the other; and a copy that shares only
     * such paragraphs with the kept copy, little else, and has paragraphs of
     * its own that no other document holds is kept by the copy guard (rule
     * `site-chrome`).
     */
    chromeDocs: z.number().int().min(3).default(3)
  })
  .strict()

export type PassageOptions = z.output<typeof passageOptions>

/**
 * When a near or partial copy is not dropped: the evidence that it is a copy
 * is what boilerplate removal left of it, or dropping it would lose text of its
 * own. Exact copies are always dropped (nothing of theirs is lost). The
 * document is kept, with a `kept-copy` warning naming the rule and the figures.
 */
export const copyGuardOptions = z
  .object({
    /**
     * A copy of which the stages before dedup removed at least this share of the
     * words, and that has fewer than `minWordsLeft` words left or less than half
     * of them prose, is kept: what matched is the site chrome they left, not its
     * article.
     */
    maxRemovedShare: z.number().gt(0).max(1).default(0.75),
    /** See `maxRemovedShare`. */
    minWordsLeft: z.number().int().min(0).default(200),
    /**
     * A copy with fewer words of prose (lines of 12+ words ending a sentence) is
     * kept: short lines (menus, links, bylines) match between pages of one site.
     */
    minProseWords: z.number().int().min(0).default(25),
    /** A copy with about this many words that the kept copy lacks (in paragraphs it does not have, and by the shingle estimate) is kept. */
    maxLostWords: z.number().int().min(1).default(200)
  })
  .strict()

export type CopyGuardOptions = z.output<typeof copyGuardOptions>

/** The engine's options without the checks that span them (a base to extend). */
export const corpusDedupFields = minhashOptions.extend({
  /**
   * Estimated Jaccard of shingle sets, site chrome left out (paragraphs in
   * `passage.chromeDocs` or more documents: a copy's own site footer would count
   * against it as much as 8 % of its words changed), at or above which two
   * documents are near duplicates. 0.44: on our 250-word texts copies with 8 %
   * of their words changed and 2-3 sentences dropped sit at 0.37-0.43 (10th
   * percentile, exact) and 0.45 found 0.946 of those with up to 8 % changed,
   * 0.44 0.961; on the whole devset as one batch the closest pair of different
   * articles is two outlets' reports of one election built on one wire story,
   * at 0.38. Two weekly announcements sharing a press office's closing
   * paragraphs reach 0.45 without chrome: the rest of their text must be alike
   * too (see `verify` in dedup-index.ts).
   */
  threshold: z.number().gt(0).max(1).default(0.44),
  /**
   * Containment of the smaller document in the larger at or above which the
   * smaller is a (partial) copy — a teaser ending in "Read more…". 0.7: a copy
   * cut to 40 % of its article keeps the other site's header and footer, which
   * the article does not have.
   */
  containmentThreshold: z.number().gt(0).max(1).default(0.7),
  /** Documents with fewer normalized words take part only in exact dedup. */
  minWords: z.number().int().min(0).default(30),
  /** Which copy of a duplicate cluster is kept. */
  policy: z.enum(['longest', 'earliest', 'first-seen']).default('longest'),
  /** Documents from earlier batches of a persistent index win over the current batch, whatever the policy. */
  priorWins: z.boolean().default(true),
  /**
   * LSH buckets larger than this are not expanded to all pairs: each member is
   * compared with the bucket's first and previous member instead (still finds
   * every cluster of true copies, in linear time).
   */
  maxBucket: z.number().int().min(2).default(200),
  passage: passageOptions.prefault({}),
  /** When a near or partial copy is kept after all; `false`: every copy found is dropped. */
  guard: z.union([z.literal(false), copyGuardOptions]).prefault({})
})

/** The check that spans options: LSH bands are cut from the signature. */
export function bandsFitSignature(options: {bands: number; rows: number; numHashes: number}, context: z.RefinementCtx): void {
  if (options.bands * options.rows > options.numHashes)
    context.addIssue({
      code: 'custom',
      path: ['bands'],
      message: `bands × rows (${options.bands * options.rows}) exceeds numHashes (${options.numHashes})`
    })
}

export const corpusDedupOptions = corpusDedupFields.strict().superRefine(bandsFitSignature)

export type CorpusDedupOptions = z.output<typeof corpusDedupOptions>
export type CorpusDedupInput = z.input<typeof corpusDedupOptions>
export type KeepPolicy = CorpusDedupOptions['policy']

/** A failed parse as one error naming the option: `corpus dedup: guard.maxLostWords: Too small: …`. */
export function optionsError(what: string, error: z.ZodError): RangeError {
  const issue = error.issues[0]!
  const at = issue.path.map(String).join('.')
  return new RangeError(`${what}: ${at ? `${at}: ` : ''}${issue.message}`)
}

/** Defaults filled in and checked; throws on inconsistent values. */
export function resolveOptions(input: CorpusDedupInput = {}): CorpusDedupOptions {
  const parsed = corpusDedupOptions.safeParse(input)
  if (!parsed.success) throw optionsError('corpus dedup', parsed.error)
  return parsed.data
}

export const DEFAULT_CORPUS_DEDUP: Readonly<CorpusDedupOptions> = Object.freeze(resolveOptions())
