/** Options of the cross-document near-duplicate engine, with defaults. */
import type {HashFamily} from './minhash.js'

/** Which copy of a duplicate cluster is kept. */
export type KeepPolicy = 'longest' | 'earliest' | 'first-seen'

export interface PassageOptions {
  /** Index paragraphs and find those repeated in other (kept) documents. Default true. */
  enabled: boolean
  /**
   * Blocks with at least this many normalized words are passages. Shorter
   * blocks (nav lines, bylines, "Read more…") are never indexed. Default 12.
   */
  minWords: number
  /** `report` (default) only lists repeated passages; `remove` asks the runner to delete them from all but the kept copy. */
  action: 'report' | 'remove'
  /**
   * A passage found in more documents than this is site boilerplate: it is
   * still reported, but not used to propose document-level candidate pairs
   * (that would be quadratic). Default 50.
   */
  maxDocs: number
}

/**
 * When a near or partial copy is not dropped: the evidence that it is a copy
 * is what boilerplate removal left of it, or dropping it would lose text of its
 * own. Exact copies are always dropped (nothing of theirs is lost). The
 * document is kept, with a `kept-copy` warning naming the rule and the figures.
 */
export interface CopyGuardOptions {
  /**
   * A copy of which the stages before dedup removed at least this share of the
   * words, and that has fewer than `minWordsLeft` words left, is kept: what
   * matched is the site chrome they left, not its article. Default 0.75.
   */
  maxRemovedShare: number
  /** See `maxRemovedShare`. Default 150. */
  minWordsLeft: number
  /**
   * A copy with fewer words of prose (lines of 12+ words ending a sentence) is
   * kept: short lines (menus, links, bylines) match between pages of one site.
   * Default 25.
   */
  minProseWords: number
  /**
   * A copy with about this many words that the kept copy lacks (in paragraphs
   * it does not have, and by the shingle estimate) is kept. Default 200.
   */
  maxLostWords: number
}

export interface CorpusDedupOptions {
  /** Words per shingle. Default 5. */
  shingleSize: number
  /** MinHash functions (signature length; stored as one byte each). Default 128. */
  numHashes: number
  /**
   * LSH bands × rows must be ≤ numHashes. Default 42 × 3 (126 of the 128
   * hashes): a pair with Jaccard s becomes a candidate with probability
   * 1 - (1 - s^3)^42 — the S-curve: s=0.2 → 0.29, 0.3 → 0.68, 0.4 → 0.94,
   * 0.5 → 0.996, 0.6 → 1.00. The steep part, (1/42)^(1/3) ≈ 0.29, sits well
   * below `threshold` (0.5), so pairs at the threshold are not lost to
   * banding; verification then removes the extra candidates. (32 × 4 would
   * put the midpoint at 0.42 and lose 13 % of pairs at J = 0.5.) With one byte
   * per hash a 3-row band key carries 24 bits, so unrelated documents collide
   * in some band about 42 / 2^24 of the time — cheap to verify in memory; the
   * SQLite store asks for two shared bands instead.
   */
  bands: number
  rows: number
  /** Seed of the hash functions. Signatures from different seeds are incomparable. Default 0x5eed. */
  seed: number
  /** MinHash permutation family. Default `multiply-shift` (exact 32-bit, fast). */
  hashFamily: HashFamily
  /** Estimated Jaccard of shingle sets at or above which two documents are near duplicates. Default 0.5. */
  threshold: number
  /**
   * Containment of the smaller document in the larger at or above which the
   * smaller is a (partial) copy — a teaser ending in "Read more…". Default 0.8.
   */
  containmentThreshold: number
  /** Documents with fewer normalized words take part only in exact dedup. Default 30. */
  minWords: number
  /** Which copy is kept. Default `longest`. */
  policy: KeepPolicy
  /** Documents from earlier batches of a persistent index win over the current batch, whatever the policy. Default true. */
  priorWins: boolean
  /**
   * LSH buckets larger than this are not expanded to all pairs: each member is
   * compared with the bucket's first and previous member instead (still finds
   * every cluster of true copies, in linear time). Default 200.
   */
  maxBucket: number
  passage: PassageOptions
  /** When a near or partial copy is kept after all; `false`: every copy found is dropped. */
  guard: CopyGuardOptions | false
}

export const DEFAULT_CORPUS_DEDUP: Readonly<CorpusDedupOptions> = Object.freeze({
  shingleSize: 5,
  numHashes: 128,
  bands: 42,
  rows: 3,
  seed: 0x5eed,
  hashFamily: 'multiply-shift',
  threshold: 0.5,
  containmentThreshold: 0.8,
  minWords: 30,
  policy: 'longest',
  priorWins: true,
  maxBucket: 200,
  passage: Object.freeze({enabled: true, minWords: 12, action: 'report', maxDocs: 50}),
  guard: Object.freeze({maxRemovedShare: 0.75, minWordsLeft: 150, minProseWords: 25, maxLostWords: 200})
}) as Readonly<CorpusDedupOptions>

export type CorpusDedupInput = Partial<Omit<CorpusDedupOptions, 'passage' | 'guard'>> & {
  passage?: Partial<PassageOptions>
  guard?: Partial<CopyGuardOptions> | false
}

/** Defaults filled in and checked; throws on inconsistent values. */
export function resolveOptions(input: CorpusDedupInput | CorpusDedupOptions = {}): CorpusDedupOptions {
  const o: CorpusDedupOptions = {
    ...DEFAULT_CORPUS_DEDUP,
    ...input,
    passage: {...DEFAULT_CORPUS_DEDUP.passage, ...(input.passage ?? {})},
    guard: input.guard === false ? false : {...(DEFAULT_CORPUS_DEDUP.guard as CopyGuardOptions), ...(input.guard ?? {})}
  }
  const int = (name: string, v: number, min: number): void => {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`corpus dedup: ${name} must be an integer ≥ ${min} (got ${v})`)
  }
  int('shingleSize', o.shingleSize, 1)
  int('numHashes', o.numHashes, 1)
  int('bands', o.bands, 1)
  int('rows', o.rows, 1)
  int('minWords', o.minWords, 0)
  int('maxBucket', o.maxBucket, 2)
  int('passage.minWords', o.passage.minWords, 1)
  int('passage.maxDocs', o.passage.maxDocs, 2)
  if (o.guard) {
    int('guard.minWordsLeft', o.guard.minWordsLeft, 0)
    int('guard.minProseWords', o.guard.minProseWords, 0)
    int('guard.maxLostWords', o.guard.maxLostWords, 1)
    const share = o.guard.maxRemovedShare
    if (!(share > 0 && share <= 1)) throw new RangeError(`corpus dedup: guard.maxRemovedShare must be in (0, 1] (got ${share})`)
  }
  if (o.bands * o.rows > o.numHashes)
    throw new RangeError(`corpus dedup: bands × rows (${o.bands * o.rows}) exceeds numHashes (${o.numHashes})`)
  for (const [name, v] of [
    ['threshold', o.threshold],
    ['containmentThreshold', o.containmentThreshold]
  ] as const) {
    if (!(v > 0 && v <= 1)) throw new RangeError(`corpus dedup: ${name} must be in (0, 1] (got ${v})`)
  }
  if (!['longest', 'earliest', 'first-seen'].includes(o.policy)) throw new RangeError(`corpus dedup: unknown policy ${String(o.policy)}`)
  if (!['report', 'remove'].includes(o.passage.action))
    throw new RangeError(`corpus dedup: unknown passage action ${String(o.passage.action)}`)
  if (o.hashFamily !== 'multiply-shift' && o.hashFamily !== 'mod-prime')
    throw new RangeError(`corpus dedup: unknown hashFamily ${String(o.hashFamily)}`)
  return o
}
