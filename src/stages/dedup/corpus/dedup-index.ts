/**
 * The index step (all signatures of a corpus, in compact columns) and the
 * decide step (exact groups, LSH candidates, verification, clusters, keep
 * policy, passages).
 *
 * Memory: per document 164 bytes of typed-array columns (128-byte b-bit
 * signature, counts, 64-bit exact hash, batch, the copy guard's word counts,
 * passage start) + 10 bytes per passage + the path string. The date a keep
 * policy may ask for is read from the path when a cluster needs it. LSH band
 * keys are not stored: with rows ≤ 4 they are the signature bytes themselves,
 * read when bucketing.
 *
 * Pipeline of {@link DedupIndex.clusters}:
 *  1. canonical order: documents ranked by (path, batch, exact hash), so no
 *     result depends on the order of `add` calls;
 *  2. exact duplicates: equal 64-bit normalized hash → one cluster, and only
 *     the first enters the LSH stage;
 *  3. candidates: documents sharing an LSH band (per band, sort (key, rank)),
 *     plus documents sharing a passage (a paragraph ≥ passage.minWords words,
 *     in ≤ passage.maxDocs documents) — the second channel finds truncated
 *     copies whose Jaccard is too low for banding;
 *  4. verification of each candidate pair from the signatures (estimated,
 *     no texts in memory): Jaccard from the b-bit MinHash, site chrome
 *     (paragraphs in passage.chromeDocs or more documents) left out of both
 *     sets; containment of the smaller in the larger = max(containment
 *     implied by Jaccard and set sizes, share of the smaller's paragraph
 *     words found verbatim in the larger);
 *  5. Jaccard ≥ threshold, with the text outside the paragraphs shared
 *     verbatim alike too, joins clusters (union-find); containment ≥
 *     containmentThreshold attaches the smaller document's cluster to the one
 *     cluster that contains it best — a short text contained in two different
 *     articles never merges the two articles;
 *  6. keep policy per cluster; passages repeated among the kept documents.
 */
import {UnionFind} from './cluster.js'
import type {DocSignature} from './collect.js'
import {hex32} from './hash.js'
import {bandKey, forEachRun, MAX_RANKED_DOCS} from './lsh.js'
import {containmentFromJaccard, estimateJaccardBytes} from './minhash.js'
import {resolveOptions, type CopyGuardOptions, type CorpusDedupInput, type CorpusDedupOptions, type KeepPolicy} from './options.js'
import {compareKeep, dateFromPath, keepReason, type KeepFacts} from './policy.js'

/** One entry of report.json `clusters` (members include the kept copy, first). */
export type {Cluster, ClusterMember} from '../../../engine/types.js'
import type {Cluster, ClusterMember} from '../../../engine/types.js'

export interface PassageDecision {
  /** Index of the block in the document's blocks. */
  block: number
  words: number
  clusterId: string
  /** Document whose copy of the passage is kept. */
  keptPath: string
  action: 'report' | 'remove'
}

export interface Decision {
  action: 'keep' | 'drop'
  /** Document cluster, null for a document without duplicates. */
  clusterId: string | null
  keptPath: string
  similarity: number
  containment: number
  /** How a dropped document matched: exact normalized text, near (Jaccard), contained (partial copy). */
  match: 'exact' | 'near' | 'contained' | null
  /** Passages of this (kept) document that another kept document already has. */
  passages: PassageDecision[]
  /** Set when the document was found a near or partial copy but the copy guard keeps it. */
  guarded?: GuardedCopy
}

/** A near or partial copy that the copy guard keeps (see `CopyGuardOptions`): what it matched, and why it stays. */
export interface GuardedCopy {
  /** Which guard: most of the page removed before dedup, too little prose, a match on site chrome only, or text of its own. */
  rule: 'stripped' | 'little-prose' | 'site-chrome' | 'own-text'
  reason: string
  /** The document it would have been dropped for. */
  keptPath: string
  match: 'near' | 'contained'
  similarity: number
  containment: number
}

export interface IndexMemory {
  documents: number
  /** Typed-array bytes in use, per document (excluding path strings). */
  bytesPerDoc: number
  /** Allocated typed-array bytes (growth slack included), per document. */
  allocatedPerDoc: number
  /** Estimated bytes of path strings per document (2 per UTF-16 unit + header). */
  pathBytesPerDoc: number
  passagesPerDoc: number
}

interface Result {
  policy: KeepPolicy
  clusters: Cluster[]
  decisions: Map<string, Decision>
  stats: DecideStats
}

export interface DecideStats {
  exactGroups: number
  candidatePairs: number
  verifiedPairs: number
  jaccardEdges: number
  containmentEdges: number
  /** Near or partial copies the copy guard kept. */
  guardedCopies: number
  documentClusters: number
  passageClusters: number
  ms: number
}

/** The canonical order of the documents and each document's place in it. */
interface Ranking {
  order: Uint32Array
  rankOf: Uint32Array
}

/** Estimated from the signatures and passages. */
interface Similarity {
  jaccard: number
  containment: number
  /** Jaccard at or above `threshold`, and the text outside the paragraphs the two share verbatim alike too. */
  near: boolean
}

/**
 * A pair whose text outside the paragraphs it shares verbatim (and outside site
 * chrome) is a third or more of the two and has a Jaccard below this is no near
 * copy, whatever its Jaccard: two weekly announcements sharing a press office's
 * closing paragraphs (J 0.45 without chrome, 0.05 for the rest). A copy edited
 * throughout has its edited paragraphs alike (0.3-0.6 at 8 % of words changed).
 */
const MIN_REST_JACCARD = 0.15

/**
 * Paragraphs shared verbatim (site chrome aside) that make up this share of the
 * smaller document show the two are related: its containment is then computed
 * from the estimate of Jaccard itself, not from its lower confidence bound,
 * which guards against chance agreement. A copy cut to 40 % of a 250-word
 * article keeps a paragraph or two whole (0.4-0.6 of it); a follow-up quoting
 * one paragraph of the first report, 0.3.
 */
const RELATED_SHARE = 0.4

/** The document with fewer shingles is contained in the other. */
interface ContainmentEdge {
  small: number
  large: number
  containment: number
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: T, need: number): T {
  if (need <= array.length) return array
  const Ctor = array.constructor as new (length: number) => T
  const next = new Ctor(Math.max(need, array.length * 2))
  next.set(array as never)
  return next
}

export interface DedupIndexInit {
  /** Batch number given to signatures without one: the current batch. Default 0. */
  batch?: number
}

export class DedupIndex {
  readonly options: CorpusDedupOptions
  /** The current batch: decisions are made for its documents. */
  readonly batch: number
  private n = 0
  private readonly k: number
  private paths: string[] = []
  private batchCol = new Uint32Array(256)
  private words = new Uint32Array(256)
  private shingles = new Uint32Array(256)
  private exact0 = new Uint32Array(256)
  private exact1 = new Uint32Array(256)
  // What the copy guard weighs; -1 when the signature did not say.
  private wordsRead = new Int32Array(256)
  private wordsLeft = new Int32Array(256)
  private prose = new Int32Array(256)
  private sigs: Uint8Array
  private pStart = new Uint32Array(257)
  private pCount = 0
  private pH0 = new Uint32Array(1024)
  private pH1 = new Uint16Array(1024)
  private pWords = new Uint16Array(1024)
  private pBlock = new Uint16Array(1024)
  private result: Result | undefined
  /** Every passage of the index as h0·2^16 + h1, sorted, to count the documents holding one (built when first asked). */
  private passageKeys: Float64Array | undefined
  /** Words of site chrome per document (see `chromeWords`), -1 until asked; reset when a document is added. */
  private chromeOf: Int32Array | undefined

  constructor(options: CorpusDedupInput | CorpusDedupOptions = {}, init: DedupIndexInit = {}) {
    this.options = resolveOptions(options)
    this.k = this.options.numHashes
    this.batch = init.batch ?? 0
    this.sigs = new Uint8Array(256 * this.k)
  }

  get size(): number {
    return this.n
  }

  /** Adds one document's signature; returns its internal id. */
  add(sig: DocSignature): number {
    if (sig.minhash.length !== this.k)
      throw new RangeError(`corpus dedup: signature has ${sig.minhash.length} hashes, index expects ${this.k}`)
    if (this.n >= MAX_RANKED_DOCS) throw new RangeError(`corpus dedup: one index holds at most ${MAX_RANKED_DOCS} documents`)
    const id = this.n++
    const need = this.n
    if (need > this.words.length) {
      this.batchCol = grow(this.batchCol, need)
      this.words = grow(this.words, need)
      this.shingles = grow(this.shingles, need)
      this.exact0 = grow(this.exact0, need)
      this.exact1 = grow(this.exact1, need)
      this.wordsRead = grow(this.wordsRead, need)
      this.wordsLeft = grow(this.wordsLeft, need)
      this.prose = grow(this.prose, need)
    }
    this.pStart = grow(this.pStart, need + 1)
    this.sigs = grow(this.sigs, need * this.k)
    this.paths.push(sig.path)
    this.batchCol[id] = sig.batch ?? this.batch
    this.words[id] = sig.words
    this.shingles[id] = sig.shingles
    this.exact0[id] = sig.exact0
    this.exact1[id] = sig.exact1
    this.wordsRead[id] = sig.wordsRead ?? -1
    this.wordsLeft[id] = sig.wordsLeft ?? -1
    this.prose[id] = sig.proseWords ?? -1
    this.sigs.set(sig.minhash, id * this.k)
    const p = sig.passageHash0.length
    const end = this.pCount + p
    if (end > this.pH0.length) {
      this.pH0 = grow(this.pH0, end)
      this.pH1 = grow(this.pH1, end)
      this.pWords = grow(this.pWords, end)
      this.pBlock = grow(this.pBlock, end)
    }
    this.pH0.set(sig.passageHash0, this.pCount)
    this.pH1.set(sig.passageHash1, this.pCount)
    this.pWords.set(sig.passageWords, this.pCount)
    this.pBlock.set(sig.passageBlocks, this.pCount)
    this.pStart[id] = this.pCount
    this.pCount = end
    this.pStart[id + 1] = end
    this.result = undefined
    this.passageKeys = undefined
    this.chromeOf = undefined
    return id
  }

  /** The signature of document `id` as stored (for persisting). */
  signatureOf(id: number): DocSignature {
    const s = this.pStart[id]!
    const e = this.pStart[id + 1]!
    return {
      path: this.paths[id]!,
      words: Math.max(0, this.words[id]! - this.chromeWords(id)),
      shingles: this.shingles[id]!,
      exact0: this.exact0[id]!,
      exact1: this.exact1[id]!,
      minhash: this.sigs.slice(id * this.k, (id + 1) * this.k),
      passageHash0: this.pH0.slice(s, e),
      passageHash1: this.pH1.slice(s, e),
      passageWords: this.pWords.slice(s, e),
      passageBlocks: this.pBlock.slice(s, e),
      batch: this.batchCol[id]!,
      ...(this.wordsRead[id]! >= 0 ? {wordsRead: this.wordsRead[id]!} : {}),
      ...(this.wordsLeft[id]! >= 0 ? {wordsLeft: this.wordsLeft[id]!} : {}),
      ...(this.prose[id]! >= 0 ? {proseWords: this.prose[id]!} : {})
    }
  }

  /** Ids of the documents of batch `batch` (default: the current one). */
  idsOfBatch(batch = this.batch): number[] {
    const ids: number[] = []
    for (let i = 0; i < this.n; i++) if (this.batchCol[i] === batch) ids.push(i)
    return ids
  }

  /** LSH band keys of document `id`. */
  bandKeysOf(id: number): Uint32Array {
    const {bands, rows} = this.options
    const keys = new Uint32Array(bands)
    for (let b = 0; b < bands; b++) keys[b] = bandKey(this.sigs, id * this.k, b, rows)
    return keys
  }

  memory(): IndexMemory {
    const n = Math.max(1, this.n)
    const used = this.n * (8 * 4 + this.k + 4) + this.pCount * (4 + 2 + 2 + 2)
    const allocated =
      this.batchCol.byteLength +
      this.words.byteLength +
      this.shingles.byteLength +
      this.exact0.byteLength +
      this.exact1.byteLength +
      this.wordsRead.byteLength +
      this.wordsLeft.byteLength +
      this.prose.byteLength +
      this.sigs.byteLength +
      this.pStart.byteLength +
      this.pH0.byteLength +
      this.pH1.byteLength +
      this.pWords.byteLength +
      this.pBlock.byteLength
    let pathChars = 0
    for (const p of this.paths) pathChars += p.length
    return {
      documents: this.n,
      bytesPerDoc: used / n,
      allocatedPerDoc: allocated / n,
      pathBytesPerDoc: (pathChars * 2 + this.n * 16) / n,
      passagesPerDoc: this.pCount / n
    }
  }

  /** Document and passage clusters (computed once per policy, cached until the next `add`). */
  clusters(policy: KeepPolicy = this.options.policy): Cluster[] {
    return this.compute(policy).clusters
  }

  /** Decision for every document of the current batch, keyed by path. */
  decisions(policy: KeepPolicy = this.options.policy): Map<string, Decision> {
    return this.compute(policy).decisions
  }

  stats(policy: KeepPolicy = this.options.policy): DecideStats {
    return this.compute(policy).stats
  }

  private facts(id: number): KeepFacts {
    return {
      path: this.paths[id]!,
      batch: this.batchCol[id]!,
      words: Math.max(0, this.words[id]! - this.chromeWords(id)),
      date: dateFromPath(this.paths[id]!),
      exact0: this.exact0[id]!,
      exact1: this.exact1[id]!
    }
  }

  /** Estimated Jaccard and containment of documents a and b (containment of the one with fewer shingles in the other). */
  private verify(a: number, b: number): Similarity {
    const k = this.k
    const j = estimateJaccardBytes(this.sigs, a * k, this.sigs, b * k, k)
    const sa = this.shingles[a]!
    const sb = this.shingles[b]!
    // Equal sizes: the first in canonical order, so the figure does not depend on the order of `add` calls.
    const small = sa < sb || (sa === sb && this.compareCanonical(a, b) < 0) ? a : b
    const large = small === a ? b : a
    const {total, shared, chromeShared, chrome, chromeLarge} = this.sharedPassages(small, large)
    // Containment implied by Jaccard is noisy when sizes differ a lot (a 2σ
    // error in J on a short text against a long one looks like containment),
    // so it is computed from a lower confidence bound of J, unless paragraphs
    // found verbatim already make up RELATED_SHARE of the smaller's text.
    const sigma = Math.sqrt((Math.max(j, 1 / k) * (1 - j)) / k)
    const related = shared - chromeShared >= RELATED_SHARE * (this.words[small]! - chrome)
    const low = related ? j : Math.max(0, j - 2 * sigma)
    let c = containmentFromJaccard(low, sa, sb)
    if (total > 0) {
      // Paragraph words stand for the whole document only when they are most of it.
      const byPassages = shared / Math.max(total, 0.5 * this.words[small]!)
      if (byPassages > c) c = byPassages
    }
    // Site chrome (paragraphs held by passage.chromeDocs or more documents: a site's footer, a sidebar) is no
    // evidence either way: the smaller's text without it, when enough is left, is measured against the larger.
    // Only ever raising the figure: the paragraphs of an article syndicated to three sites are "chrome" too.
    const rest = this.words[small]! - chrome
    if (chrome > chromeShared && rest >= this.options.minWords) {
      const inter = (low * (sa + sb)) / (1 + low) - chromeShared
      const withoutChrome = Math.max(
        inter / Math.max(1, this.shingles[small]! - chrome),
        (shared - chromeShared) / Math.max(total - chrome, 0.5 * rest)
      )
      if (withoutChrome > c) c = withoutChrome
    }
    const measured = this.jaccardWithoutChrome(j, small, large, {shared, chrome, chromeShared, chromeLarge})
    const {jaccard} = measured
    const near = jaccard >= this.options.threshold && (measured.rest === undefined || measured.rest >= MIN_REST_JACCARD)
    return {jaccard, containment: c > 1 ? 1 : c, near}
  }

  /**
   * Jaccard `j` of `small` and `large` with their site chrome left out of both
   * sets (a paragraph's words standing for its shingles): a 250-word article
   * keeps its copy's 25-word site footer, which would count against the copy
   * as much as 8 % of its words changed, and two pages of one site share their
   * sidebar, which is no sign of one article. Chrome is left in when either
   * would have fewer than `minWords` words left. `rest`: the Jaccard of what is
   * outside the paragraphs the two share verbatim, when that is a third or more
   * of their union (see {@link MIN_REST_JACCARD}).
   */
  private jaccardWithoutChrome(
    j: number,
    small: number,
    large: number,
    passages: {shared: number; chrome: number; chromeShared: number; chromeLarge: number}
  ): {jaccard: number; rest: number | undefined} {
    const minWords = this.options.minWords
    const left = this.words[small]! - passages.chrome >= minWords && this.words[large]! - passages.chromeLarge >= minWords
    const {chrome, chromeShared, chromeLarge} = left ? passages : {chrome: 0, chromeShared: 0, chromeLarge: 0}
    const sizes = this.shingles[small]! + this.shingles[large]!
    const inter = Math.max(0, (j * sizes) / (1 + j) - chromeShared)
    const union = Math.max(1, sizes - (j * sizes) / (1 + j) - chrome - chromeLarge + chromeShared)
    const jaccard = left && (chrome > 0 || chromeLarge > 0) ? Math.min(1, inter / union) : j
    const verbatim = passages.shared - passages.chromeShared
    const restInter = Math.max(0, inter - verbatim)
    const restUnion = union - verbatim
    return {jaccard, rest: restUnion * 3 >= union ? restInter / restUnion : undefined}
  }

  /**
   * Words of the smaller document's passages, of those the larger has
   * verbatim, and of those that `passage.chromeDocs` or more documents hold:
   * the smaller's, those of them the larger has too, and the larger's.
   */
  private sharedPassages(
    small: number,
    large: number
  ): {total: number; shared: number; chrome: number; chromeShared: number; chromeLarge: number} {
    let total = 0
    let shared = 0
    let chrome = 0
    let chromeShared = 0
    let x = this.pStart[large]!
    const xe = this.pStart[large + 1]!
    for (let i = this.pStart[small]!, ie = this.pStart[small + 1]!; i < ie; i++) {
      const hi = this.pH0[i]!
      const li = this.pH1[i]!
      while (x < xe && (this.pH0[x]! < hi || (this.pH0[x] === hi && this.pH1[x]! < li))) x++
      const words = this.pWords[i]!
      const both = x < xe && this.pH0[x] === hi && this.pH1[x] === li
      total += words
      if (both) shared += words
      if (this.holders(hi, li) >= this.options.passage.chromeDocs) {
        chrome += words
        if (both) chromeShared += words
      }
    }
    let chromeLarge = 0
    for (let p = this.pStart[large]!; p < xe; p++)
      if (this.holders(this.pH0[p]!, this.pH1[p]!) >= this.options.passage.chromeDocs) chromeLarge += this.pWords[p]!
    return {total, shared, chrome, chromeShared, chromeLarge}
  }

  /**
   * The members of a cluster (kept copy first) that the copy guard keeps: near
   * or partial copies of the current batch whose match is weak evidence (see
   * `CopyGuardOptions`). Exact copies are never kept.
   */
  private guardCluster(facts: ReadonlyArray<{id: number; f: KeepFacts}>, guard: CopyGuardOptions): Map<number, GuardedCopy> {
    const found = new Map<number, GuardedCopy>()
    const kept = facts[0]!
    for (const {id, f} of facts.slice(1)) {
      if (f.batch !== this.batch || (f.exact0 === kept.f.exact0 && f.exact1 === kept.f.exact1)) continue
      const why = this.guardOf(id, kept.id, guard)
      if (!why) continue
      const {jaccard, containment, near} = this.verify(kept.id, id)
      found.set(id, {
        ...why,
        keptPath: kept.f.path,
        match: near ? 'near' : 'contained',
        similarity: round(jaccard),
        containment: round(containment)
      })
    }
    return found
  }

  /** Why the guard keeps document `id` though it matched `kept`; undefined when it may be dropped. */
  private guardOf(id: number, kept: number, guard: CopyGuardOptions): Pick<GuardedCopy, 'rule' | 'reason'> | undefined {
    const read = this.wordsRead[id]!
    const left = this.wordsLeft[id]!
    const prose = this.prose[id]!
    // What is left of a gutted page is doubtful when it is short, or mostly not prose (menus, link lists, blurbs).
    const few = left < guard.minWordsLeft
    const listy = prose >= 0 && prose < left / 2
    if (read > 0 && left >= 0 && (few || listy) && 1 - left / read >= guard.maxRemovedShare) {
      const share = Math.round((1 - left / read) * 100)
      const what = few ? `fewer than guard.minWordsLeft ${guard.minWordsLeft} left` : `only ${prose} of them prose`
      return {
        rule: 'stripped',
        reason: `the stages before dedup removed ${share}% of its words (${read} → ${left}; guard.maxRemovedShare ${guard.maxRemovedShare}, ${what}): what matched is what they left of the page, not its article`
      }
    }
    if (prose >= 0 && prose < guard.minProseWords) {
      return {
        rule: 'little-prose',
        reason: `only ${prose} of its words are prose (lines of 12+ words ending a sentence; fewer than guard.minProseWords ${guard.minProseWords}): short lines such as menus and links match between pages of one site`
      }
    }
    const chrome = this.chromeOnly(id, kept, guard)
    if (chrome) {
      return {
        rule: 'site-chrome',
        reason: `the paragraphs it shares with the kept copy (${chrome.shared} words) are each in ${this.options.passage.chromeDocs} or more documents (passage.chromeDocs): site chrome such as a blog's sidebar, while ${chrome.own} words of its paragraphs are in no other document`
      }
    }
    const lost = this.ownWords(id, kept, guard.maxLostWords)
    if (lost >= guard.maxLostWords) {
      return {
        rule: 'own-text',
        reason: `dropping it would lose about ${lost} words that the kept copy lacks (guard.maxLostWords ${guard.maxLostWords})`
      }
    }
    return undefined
  }

  /**
   * A match on site chrome only: every paragraph that document `id` shares
   * verbatim with `kept` is in `passage.chromeDocs` or more documents of the
   * index (a sidebar, an author box), and `id` has paragraphs that no other
   * document holds — an article of its own, at least `minProseWords` words and
   * a quarter of what it shares — of which `kept` has next to nothing (what
   * else the two share by the MinHash estimate, near-identical chrome lines
   * among it, is under half of it). A copy of one article syndicated to many
   * sites shares frequent paragraphs too, but what is its own is its site's
   * chrome, held by that site's other pages. Undefined when that is not so.
   */
  private chromeOnly(id: number, kept: number, guard: CopyGuardOptions): {shared: number; own: number} | undefined {
    let shared = 0
    let i = this.pStart[id]!
    const ie = this.pStart[id + 1]!
    let x = this.pStart[kept]!
    const xe = this.pStart[kept + 1]!
    while (i < ie && x < xe) {
      const hi = this.pH0[i]!
      const hx = this.pH0[x]!
      if (hi === hx && this.pH1[i] === this.pH1[x]) {
        if (this.holders(hi, this.pH1[i]!) < this.options.passage.chromeDocs) return undefined
        shared += this.pWords[i]!
        i++
        x++
      } else if (hi < hx || (hi === hx && this.pH1[i]! < this.pH1[x]!)) i++
      else x++
    }
    if (shared === 0) return undefined
    let own = 0
    for (let p = this.pStart[id]!; p < ie; p++) if (this.holders(this.pH0[p]!, this.pH1[p]!) === 1) own += this.pWords[p]!
    if (own < guard.minProseWords || own * 4 < shared) return undefined
    // Shingles the two have in common besides those paragraphs, by the MinHash estimate: a copy of an article
    // shares most of its edited paragraphs too; a page that matched on chrome shares little else.
    const j = estimateJaccardBytes(this.sigs, id * this.k, this.sigs, kept * this.k, this.k)
    const besides = (j / (1 + j)) * (this.shingles[id]! + this.shingles[kept]!) - shared
    return besides * 2 < own ? {shared, own} : undefined
  }

  /**
   * Words of document `id` in paragraphs that `passage.chromeDocs` or more
   * documents hold (a site's footer, teaser links, a trademark notice): not
   * its article, so the keep policy `longest` does not count them. A round-up
   * that adds two games to a wire report outweighs the bare report, whatever
   * chrome the report's page kept.
   */
  private chromeWords(id: number): number {
    // Asked for every holder of every repeated passage: worked out once per document.
    if (!this.chromeOf || this.chromeOf.length < this.n) this.chromeOf = new Int32Array(this.n).fill(-1)
    if (this.chromeOf[id]! >= 0) return this.chromeOf[id]!
    let chrome = 0
    for (let p = this.pStart[id]!, pe = this.pStart[id + 1]!; p < pe; p++)
      if (this.holders(this.pH0[p]!, this.pH1[p]!) >= this.options.passage.chromeDocs) chrome += this.pWords[p]!
    this.chromeOf[id] = chrome
    return chrome
  }

  /** How many documents of the index hold the passage (h0, h1). */
  private holders(h0: number, h1: number): number {
    if (!this.passageKeys) {
      const keys = new Float64Array(this.pCount)
      for (let p = 0; p < this.pCount; p++) keys[p] = this.pH0[p]! * 65536 + this.pH1[p]!
      this.passageKeys = keys.sort()
    }
    const keys = this.passageKeys
    const key = h0 * 65536 + h1
    const first = lowerBound(keys, key)
    return lowerBound(keys, key + 0.5) - first
  }

  /**
   * Words of document `id` that `kept` lacks: the smaller of two estimates, so
   * both must agree. Its paragraphs that `kept` does not have verbatim, and the
   * shingles `kept` lacks by the MinHash estimate (noisy on long texts), as
   * words. A run of new words costs about as many shingles as words, but a word
   * changed here and there costs `shingleSize` shingles: so the shingles count
   * as words in the share of the text whose paragraphs are found verbatim (new
   * paragraphs), and at 1/shingleSize in the rest (paragraphs edited throughout,
   * as a lightly edited copy has). Stops early below `enough`.
   */
  private ownWords(id: number, kept: number, enough: number): number {
    let own = 0
    let total = 0
    let i = this.pStart[id]!
    const ie = this.pStart[id + 1]!
    let x = this.pStart[kept]!
    const xe = this.pStart[kept + 1]!
    while (i < ie) {
      if (x < xe && this.pH0[x]! < this.pH0[i]!) x++
      else if (x < xe && this.pH0[x] === this.pH0[i] && this.pH1[x]! < this.pH1[i]!) x++
      else {
        if (x >= xe || this.pH0[x] !== this.pH0[i] || this.pH1[x] !== this.pH1[i]) own += this.pWords[i]!
        total += this.pWords[i]!
        i++
      }
    }
    if (own < enough) return own
    const k = this.k
    const j = estimateJaccardBytes(this.sigs, id * k, this.sigs, kept * k, k)
    const sa = this.shingles[id]!
    const sb = this.shingles[kept]!
    const lostShingles = Math.max(0, sa - (j / (1 + j)) * (sa + sb))
    const verbatim = total > 0 ? 1 - own / total : 0
    const byShingles = lostShingles * (verbatim + (1 - verbatim) / this.options.shingleSize)
    return Math.round(Math.min(own, byShingles))
  }

  private compute(policy: KeepPolicy): Result {
    if (this.result && this.result.policy === policy) return this.result
    const t0 = performance.now()
    const stats = emptyStats()
    const ranking = this.canonicalOrder()
    const uf = new UnionFind(this.n)
    const eligible = this.joinExactCopies(ranking, uf, stats)
    const contained = this.joinNearCopies(eligible, ranking, uf, stats)
    joinContainedCopies(contained, ranking.rankOf, uf)
    const {clusters, decisions, keptDocs} = this.documentClusters(uf, ranking.order, policy, stats)
    if (this.options.passage.enabled) this.passageClusters(keptDocs, ranking.rankOf, ranking.order, policy, clusters, decisions, stats)
    clusters.sort((x, y) => (x.kind !== y.kind ? (x.kind === 'document' ? -1 : 1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    stats.ms = performance.now() - t0
    this.result = {policy, clusters, decisions, stats}
    return this.result
  }

  /** Negative when `a` comes first in the canonical order: by path, batch, exact hash (then id, for equal documents). */
  private compareCanonical(a: number, b: number): number {
    const pa = this.paths[a]!
    const pb = this.paths[b]!
    if (pa !== pb) return pa < pb ? -1 : 1
    return this.batchCol[a]! - this.batchCol[b]! || this.exact0[a]! - this.exact0[b]! || this.exact1[a]! - this.exact1[b]! || a - b
  }

  /** Documents ranked by (path, batch, exact hash), so no result depends on the order of `add` calls. */
  private canonicalOrder(): Ranking {
    const n = this.n
    const order = new Uint32Array(n)
    for (let i = 0; i < n; i++) order[i] = i
    order.sort((a, b) => this.compareCanonical(a, b))
    const rankOf = new Uint32Array(n)
    for (let r = 0; r < n; r++) rankOf[order[r]!] = r
    return {order, rankOf}
  }

  /**
   * Joins documents with equal 64-bit normalized hashes. Returns the documents
   * that go on to the near-duplicate search, in rank order: the first of each
   * exact group, when it has at least `minWords` words.
   */
  private joinExactCopies({order, rankOf}: Ranking, uf: UnionFind, stats: DecideStats): number[] {
    const n = this.n
    const byExact = order.slice()
    byExact.sort((a, b) => this.exact0[a]! - this.exact0[b]! || this.exact1[a]! - this.exact1[b]! || rankOf[a]! - rankOf[b]!)
    const eligible = new Uint8Array(n)
    for (let s = 0; s < n;) {
      const first = byExact[s]!
      let e = s + 1
      while (e < n && this.exact0[byExact[e]!] === this.exact0[first] && this.exact1[byExact[e]!] === this.exact1[first]) e++
      if (this.words[first]! > 0) {
        if (e - s > 1) stats.exactGroups++
        for (let t = s + 1; t < e; t++) uf.union(first, byExact[t]!)
        if (this.words[first]! >= this.options.minWords) eligible[first] = 1
      }
      s = e
    }
    const ids: number[] = []
    for (let r = 0; r < n; r++) if (eligible[order[r]!]) ids.push(order[r]!)
    return ids
  }

  /**
   * Verifies every candidate pair: Jaccard at or above `threshold` joins the two
   * clusters at once; containment at or above `containmentThreshold` is returned,
   * to be joined after all pairs are seen (see {@link joinContainedCopies}).
   */
  private joinNearCopies(eligible: readonly number[], ranking: Ranking, uf: UnionFind, stats: DecideStats): ContainmentEdge[] {
    const o = this.options
    const {rankOf} = ranking
    const contained: ContainmentEdge[] = []
    this.forEachCandidate(eligible, ranking, (a, b) => {
      stats.candidatePairs++
      if (uf.find(a) === uf.find(b)) return
      stats.verifiedPairs++
      const {containment, near} = this.verify(a, b)
      if (near) {
        stats.jaccardEdges++
        uf.union(a, b)
      } else if (containment >= o.containmentThreshold) {
        stats.containmentEdges++
        const small = this.shingles[a]! < this.shingles[b]! || (this.shingles[a] === this.shingles[b] && rankOf[a]! < rankOf[b]!) ? a : b
        contained.push({small, large: small === a ? b : a, containment})
      }
    })
    return contained
  }

  /**
   * Candidate pairs: documents sharing an LSH band, then documents sharing a
   * passage (in at most `passage.maxDocs` documents) — the second channel finds
   * truncated copies whose Jaccard is too low for banding.
   */
  private forEachCandidate(eligible: readonly number[], {order, rankOf}: Ranking, visit: (a: number, b: number) => void): void {
    const o = this.options
    const k = this.k
    const m = eligible.length
    let passageEntries = 0
    for (const id of eligible) passageEntries += this.pStart[id + 1]! - this.pStart[id]!
    const keys = new Uint32Array(Math.max(m, passageEntries))
    const ranks = new Uint32Array(keys.length)
    const packed = new Float64Array(keys.length)
    const maxBucket = o.maxBucket
    const bucketPairs = (rk: Uint32Array, s: number, e: number): void => {
      if (e - s <= maxBucket) {
        for (let x = s; x < e; x++) for (let y = x + 1; y < e; y++) visit(order[rk[x]!]!, order[rk[y]!]!)
      } else {
        const head = order[rk[s]!]!
        for (let y = s + 1; y < e; y++) {
          visit(head, order[rk[y]!]!)
          if (y > s + 1) visit(order[rk[y - 1]!]!, order[rk[y]!]!)
        }
      }
    }
    for (let band = 0; band < o.bands; band++) {
      for (let i = 0; i < m; i++) {
        const id = eligible[i]!
        keys[i] = bandKey(this.sigs, id * k, band, o.rows)
        ranks[i] = rankOf[id]!
      }
      forEachRun(keys, ranks, m, packed, bucketPairs)
    }
    if (!o.passage.enabled || passageEntries === 0) return
    let c = 0
    for (const id of eligible) {
      for (let p = this.pStart[id]!, pe = this.pStart[id + 1]!; p < pe; p++) {
        keys[c] = this.pH0[p]!
        ranks[c++] = rankOf[id]!
      }
    }
    const maxDocs = o.passage.maxDocs
    forEachRun(keys, ranks, c, packed, (rk, s, e) => {
      if (e - s > maxDocs) return
      for (let x = s; x < e; x++) for (let y = x + 1; y < e; y++) if (rk[x] !== rk[y]) visit(order[rk[x]!]!, order[rk[y]!]!)
    })
  }

  /** Clusters and the keep policy: one decision per document of the current batch, and the documents kept. */
  private documentClusters(
    uf: UnionFind,
    order: Uint32Array,
    policy: KeepPolicy,
    stats: DecideStats
  ): {clusters: Cluster[]; decisions: Map<string, Decision>; keptDocs: number[]} {
    const members = new Map<number, number[]>()
    for (let r = 0; r < this.n; r++) {
      const id = order[r]!
      const root = uf.find(id)
      const list = members.get(root)
      if (list) list.push(id)
      else members.set(root, [id])
    }
    const clusters: Cluster[] = []
    const decisions = new Map<string, Decision>()
    const keptDocs: number[] = []
    const keptAlone = (id: number, guarded?: GuardedCopy): void => {
      keptDocs.push(id)
      if (this.batchCol[id] !== this.batch) return
      const path = this.paths[id]!
      decisions.set(path, {...keptOnItsOwn(path), ...(guarded ? {guarded} : {})})
    }
    for (const ids of members.values()) {
      if (ids.length === 1) {
        keptAlone(ids[0]!)
        continue
      }
      const all = ids.map((id) => ({id, f: this.facts(id)}))
      all.sort((x, y) => compareKeep(x.f, y.f, policy, this.options.priorWins, this.batch))
      // Copies the guard keeps leave the cluster: they are kept documents of their own.
      const guarded = this.options.guard ? this.guardCluster(all, this.options.guard) : new Map<number, GuardedCopy>()
      for (const [member, guard] of guarded) {
        stats.guardedCopies++
        keptAlone(member, guard)
      }
      const facts = guarded.size === 0 ? all : all.filter(({id}) => !guarded.has(id))
      if (facts.length === 1) {
        keptAlone(facts[0]!.id)
        continue
      }
      keptDocs.push(facts[0]!.id)
      clusters.push(this.documentCluster(facts, policy, decisions))
    }
    stats.documentClusters = clusters.length
    return {clusters, decisions, keptDocs}
  }

  /** One cluster of copies, the kept copy first: its report entry, and the decisions of its members of the current batch. */
  private documentCluster(facts: ReadonlyArray<{id: number; f: KeepFacts}>, policy: KeepPolicy, decisions: Map<string, Decision>): Cluster {
    const o = this.options
    const kept = facts[0]!
    const id = `d${hex32(kept.f.exact0)}${hex32(kept.f.exact1)}`
    const list: ClusterMember[] = []
    for (const {id: member, f} of facts) {
      let similarity = 1
      let containment = 1
      let match: Decision['match'] = 'exact'
      if (member !== kept.id && (f.exact0 !== kept.f.exact0 || f.exact1 !== kept.f.exact1)) {
        const verified = this.verify(kept.id, member)
        similarity = round(verified.jaccard)
        containment = round(verified.containment)
        match = verified.near ? 'near' : 'contained'
      }
      list.push({path: f.path, similarity, containment})
      if (f.batch === this.batch) {
        const keep = member === kept.id
        decisions.set(f.path, {
          action: keep ? 'keep' : 'drop',
          clusterId: id,
          keptPath: kept.f.path,
          similarity,
          containment,
          match: keep ? null : match,
          passages: []
        })
      }
    }
    const head = list.shift()!
    list.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
    list.unshift(head)
    return {
      id,
      kind: 'document',
      kept: {path: kept.f.path, reason: keepReason(kept.f, facts[1]!.f, policy, o.priorWins, this.batch)},
      members: list
    }
  }

  private passageClusters(
    keptDocs: number[],
    rankOf: Uint32Array,
    order: Uint32Array,
    policy: KeepPolicy,
    clusters: Cluster[],
    decisions: Map<string, Decision>,
    stats: DecideStats
  ): void {
    const o = this.options
    let count = 0
    for (const id of keptDocs) count += this.pStart[id + 1]! - this.pStart[id]!
    if (count < 2) return
    const keys = new Uint32Array(count)
    const ranks = new Uint32Array(count)
    let c = 0
    for (const id of keptDocs) {
      for (let p = this.pStart[id]!, pe = this.pStart[id + 1]!; p < pe; p++) {
        keys[c] = this.pH0[p]!
        ranks[c++] = rankOf[id]!
      }
    }
    const found: Array<{h0: number; h1: number; entries: Array<{id: number; p: number}>}> = []
    forEachRun(keys, ranks, c, new Float64Array(c), (rk, s, e) => {
      const h0 = keys[s]!
      const byH1 = new Map<number, Array<{id: number; p: number}>>()
      for (let x = s; x < e; x++) {
        const id = order[rk[x]!]!
        // The doc's passages are sorted by h0: find those equal to h0.
        let lo = this.pStart[id]!
        let hi = this.pStart[id + 1]!
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          if (this.pH0[mid]! < h0) lo = mid + 1
          else hi = mid
        }
        for (let p = lo; p < this.pStart[id + 1]! && this.pH0[p] === h0; p++) {
          const h1 = this.pH1[p]!
          const list = byH1.get(h1)
          if (!list) byH1.set(h1, [{id, p}])
          else if (list[list.length - 1]!.id !== id) list.push({id, p})
        }
      }
      for (const [h1, entries] of byH1) if (entries.length >= 2) found.push({h0, h1, entries})
    })
    const current = this.batch
    for (const {h0, h1, entries} of found) {
      const facts = entries.map((en) => ({...en, f: this.facts(en.id)}))
      facts.sort((x, y) => compareKeep(x.f, y.f, policy, o.priorWins, current))
      const kept = facts[0]!
      const id = `p${hex32(h0)}${hex32(h1)}`
      const list: ClusterMember[] = facts.map(({f}) => ({path: f.path, similarity: 1, containment: 1}))
      const head = list.shift()!
      list.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
      list.unshift(head)
      clusters.push({
        id,
        kind: 'passage',
        kept: {path: kept.f.path, reason: keepReason(kept.f, facts[1]!.f, policy, o.priorWins, current)},
        members: list
      })
      for (const {id: doc, p, f} of facts.slice(1)) {
        if (f.batch !== current) continue
        decisions.get(f.path)?.passages.push({
          block: this.pBlock[p]!,
          words: this.pWords[p]!,
          clusterId: id,
          keptPath: kept.f.path,
          action: o.passage.action
        })
        void doc
      }
    }
    for (const d of decisions.values()) if (d.passages.length > 1) d.passages.sort((x, y) => x.block - y.block)
    stats.passageClusters = found.length
  }
}

/**
 * Each contained cluster joins the one cluster containing it best (ties: the
 * container of smaller rank), so a short text contained in two different
 * articles never merges the two articles.
 */
function joinContainedCopies(edges: readonly ContainmentEdge[], rankOf: Uint32Array, uf: UnionFind): void {
  if (edges.length === 0) return
  const n = rankOf.length
  const bestValue = new Float64Array(n).fill(-1)
  const bestTarget = new Int32Array(n).fill(-1)
  for (const {small, large, containment} of edges) {
    const rs = uf.find(small)
    if (rs === uf.find(large)) continue
    const current = bestTarget[rs]!
    if (containment > bestValue[rs]! || (containment === bestValue[rs] && current >= 0 && rankOf[large]! < rankOf[current]!)) {
      bestValue[rs] = containment
      bestTarget[rs] = large
    }
  }
  const joins: Array<[number, number]> = []
  for (let i = 0; i < n; i++) if (bestTarget[i]! >= 0) joins.push([i, bestTarget[i]!])
  for (const [a, b] of joins) uf.union(a, b)
}

/** The first index of sorted `keys` whose value is not below `key`. */
function lowerBound(keys: Float64Array, key: number): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

function emptyStats(): DecideStats {
  return {
    exactGroups: 0,
    candidatePairs: 0,
    verifiedPairs: 0,
    jaccardEdges: 0,
    containmentEdges: 0,
    guardedCopies: 0,
    documentClusters: 0,
    passageClusters: 0,
    ms: 0
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

/** The decision for a document kept on its own, outside any cluster. */
function keptOnItsOwn(path: string): Decision {
  return {action: 'keep', clusterId: null, keptPath: path, similarity: 1, containment: 1, match: null, passages: []}
}
