/**
 * Local dedup: blocks repeated within one document — a title printed three
 * times, a truncated breadcrumb copy of the title, a summary paragraph that
 * the body repeats with more words. Containment, not only equality: the
 * shorter block's word 3-grams must mostly occur in the longer one. One copy
 * per group is kept, the most complete one; every removal names it.
 */
import {z} from 'zod'
import type {Block} from '../../blocks/block.js'
import type {BlockDeletion} from '../delete-blocks.js'
import {RECENT_LINES, RecentMemo} from '../../blocks/recent.js'
import {sequenceKey, shingleAt, sortedShingles, tokenHashes} from '../../blocks/words.js'
import {endsWith} from '../../blocks/line-end.js'
import {endsSentence} from '../boilerplate/block-rule.js'
import {isDateline, TITLE_MAX_WORDS} from '../boilerplate/elements.js'

/** In-document copies: the stage's top-level `minWords` and `containment`. */
export const localDedupOptions = z.object({
  /** Blocks with fewer words are never treated as duplicates (`Share`, `Reply`). */
  minWords: z.number().int().min(1).default(4),
  /** Share of the shorter block's 3-grams found in the longer one. */
  containment: z.number().gt(0).max(1).default(0.8)
})

export type LocalDedupOptions = z.output<typeof localDedupOptions>

interface Candidate {
  block: Block
  /** Position in the list searched. */
  at: number
  words: BlockWords
  /** What `ownElement` asks of the block, worked out on first use (pairs are many, blocks few). */
  shape?: Shape
}

/** A few junk words beyond the shared text are a suffix or prefix, not more content. */
const JUNK_EXTRA = 2

/**
 * One in-document copy, by position in the list of blocks searched. Plain data:
 * corpus collection finds the copies where the words are already hashed and the
 * final pass only describes them.
 */
export interface LocalCopy {
  block: number
  kept: number
  exact: boolean
  containment: number
}

/** An in-document dedup later in the pipeline, as an earlier stage's fixed point must see it: its options and the rules switched on. */
export interface LocalCopies {
  options: LocalDedupOptions
  rules: ReadonlySet<string>
}

/** The blocks (by index) that a later in-document dedup would remove as copies. */
export function laterCopies(blocks: readonly Block[], local: LocalCopies): Set<number> {
  // Positions only: the reasons a dedup stage would give are not needed here.
  return new Set(
    findLocalCopies(blocks, local.options)
      .filter((copy) => local.rules.has(copyRule(copy)))
      .map((copy) => copy.block)
  )
}

/** The rule a copy is removed under: an exact repeat, or a near copy of a more complete block. */
export function copyRule(copy: LocalCopy): 'repeated-block' | 'contained-block' {
  return copy.exact ? 'repeated-block' : 'contained-block'
}

/** Each copy as a block deletion that names the kept copy's line. */
export function describeCopies(
  copies: readonly LocalCopy[],
  blocks: readonly Block[],
  lineOf: (block: Block) => number = (block) => block.index + 1
): BlockDeletion[] {
  return copies.map((copy) => {
    const kept = blocks[copy.kept]!
    return {
      block: blocks[copy.block]!,
      rule: copyRule(copy),
      reason: copy.exact
        ? `repeats the block kept at line ${lineOf(kept)}`
        : `near copy of the more complete block kept at line ${lineOf(kept)}`,
      detail: {keptLine: lineOf(kept), keptText: preview(kept.text), containment: copy.containment}
    }
  })
}

/**
 * The copies among a list of blocks. The boilerplate stage's last look is at
 * the blocks it keeps, and the dedup stage then looks at the same lines when
 * repair changed none of them: the last answer is remembered.
 */
export function findLocalCopies(blocks: readonly Block[], options: LocalDedupOptions): LocalCopy[] {
  const last = lastSearch
  if (last && sameOptions(last.options, options) && sameTexts(last.texts, blocks)) return last.copies
  const copies = searchCopies(blocks, options)
  lastSearch = {texts: blocks.map((block) => block.text), options, copies}
  return copies
}

let lastSearch: {texts: string[]; options: LocalDedupOptions; copies: LocalCopy[]} | undefined

function sameOptions(a: LocalDedupOptions, b: LocalDedupOptions): boolean {
  return a.minWords === b.minWords && a.containment === b.containment
}

function sameTexts(texts: readonly string[], blocks: readonly Block[]): boolean {
  if (texts.length !== blocks.length) return false
  for (let i = 0; i < texts.length; i++) if (texts[i] !== blocks[i]!.text) return false
  return true
}

function searchCopies(blocks: readonly Block[], options: LocalDedupOptions): LocalCopy[] {
  const candidates: Candidate[] = []
  const parent: number[] = []
  // Exact copies join their first occurrence at once and are not compared again:
  // a page dumped 800 times stays linear.
  const firstOf = new Map<number, number>()
  const representatives: number[] = []
  let shingleCount = 0
  for (const [at, block] of blocks.entries()) {
    // A block has no more tokens than words (an apostrophe joins at least as much): short ones need no hashing.
    if (block.words < options.minWords) continue
    const words = wordsOf(block.text)
    if (words.tokens.length < options.minWords) continue
    const id = candidates.length
    candidates.push({block, at, words})
    const first = firstOf.get(words.key)
    if (first !== undefined && sameTokens(candidates[first]!.words.tokens, words.tokens)) {
      parent.push(first)
      continue
    }
    parent.push(id)
    if (first === undefined) firstOf.set(words.key, id)
    representatives.push(id)
    shingleCount += words.shingles.length
  }
  if (representatives.length < 2) return groupCopies(candidates, parent)
  // Each representative's distinct 3-grams, as their slots in the table, in text
  // order: `slots` from `start[id]`, `size[id]` of them.
  const postings = Postings.reset(shingleCount)
  const slots = new Int32Array(shingleCount)
  const start = new Int32Array(candidates.length)
  const size = new Int32Array(candidates.length)
  let filled = 0
  // The table is shared by every search: it is emptied however this one ends.
  try {
    for (const id of representatives) {
      start[id] = filled
      for (const gram of candidates[id]!.words.shingles) {
        const slot = postings.slotOf(gram)
        if (postings.add(slot, gram, id)) slots[filled++] = slot
      }
      size[id] = filled - start[id]!
    }
    // Union-find over near-duplicate pairs. Prefix filtering: if A (the smaller
    // set) has a share t of its 3-grams in B, then B holds at least one of ANY
    // |A| - ceil(t|A|) + 1 grams of A. Grams no other block has count among them
    // without a lookup; the rest of that many are probed, and every candidate
    // found is verified exactly. Which grams are probed does not change the pairs
    // found, so they are taken in text order.
    const find = (i: number): number => findRoot(parent, i)
    const seen = new Int32Array(candidates.length).fill(-1)
    const probes = new Int32Array(shingleCount)
    for (const a of representatives) {
      const sizeA = size[a]!
      let need = Math.ceil(options.containment * sizeA - 1e-9)
      while (need > 0 && (need - 1) / sizeA >= options.containment) need--
      const prefix = sizeA - need + 1
      let shared = 0
      for (let k = start[a]!; k < start[a]! + sizeA; k++) {
        const slot = slots[k]!
        if (postings.count[slot]! > 1) probes[shared++] = slot
      }
      const own = sizeA - shared
      if (own >= prefix) continue
      // Any `prefix - own` shared grams will do; grams only one other block has come
      // first, so common phrases add few candidates (a full sort cost more than it saved).
      let probed = 0
      for (let pairsOnly = 1; pairsOnly >= 0 && probed < prefix - own; pairsOnly--) {
        for (let k = 0; k < shared && probed < prefix - own; k++) {
          const slot = probes[k]!
          if ((postings.count[slot] === 2) !== (pairsOnly === 1)) continue
          probed++
          for (let at = postings.head[slot]!; at !== -1; at = postings.next[at]!) {
            const b = postings.block[at]!
            if (seen[b] === a || size[b]! < sizeA || (size[b] === sizeA && b <= a)) continue
            seen[b] = a
            if (find(a) === find(b)) continue
            if (ownElement(candidates[a]!, candidates[b]!)) continue
            if (postings.sharesAtLeast(slots, start[a]!, sizeA, start[b]!, size[b]!, need)) parent[find(b)] = find(a)
          }
        }
      }
    }
  } finally {
    postings.clear(slots, filled)
  }
  return groupCopies(candidates, parent)
}

/** A block this many times a headline's length is body text, not the headline with a site name or trail added. */
const BODY_RATIO = 3
const endsStatement = endsWith('.…', '"”’\')]')

/**
 * A short line that a longer one contains but that is an element of its own,
 * not a copy to remove: a headline whose words the lead sentence repeats
 * (`Take that, Real World; I made it!` in a paragraph that quotes it), or a
 * dateline inside a title (`Wednesday, November 7, 2012` in `The Briefing,
 * Wednesday, November 7, 2012`). Removing it would leave the article without
 * its headline or its date. A summary sentence in a longer paragraph is a copy.
 */
function ownElement(small: Candidate, large: Candidate): boolean {
  const a = shapeOf(small)
  const b = shapeOf(large)
  if (a.dateline) return !b.dateline
  if (!a.headline) return false
  const words = small.block.words
  // A sentence, or a paragraph far longer than any decorated copy of a headline.
  return (b.sentence && large.block.words > words + JUNK_EXTRA) || large.block.words >= BODY_RATIO * words
}

interface Shape {
  dateline: boolean
  headline: boolean
  sentence: boolean
}

function shapeOf(candidate: Candidate): Shape {
  if (candidate.shape) return candidate.shape
  const block = candidate.block
  return (candidate.shape = {
    dateline: isDateline(block),
    headline: block.words <= TITLE_MAX_WORDS && !endsStatement(block.text),
    sentence: endsSentence(block.text)
  })
}

interface BlockWords {
  tokens: number[]
  /** Equal token sequences, equal keys. */
  key: number
  /** Word 3-gram hashes in text order, repeats included. */
  shingles: Uint32Array
  /** The same sorted, without repeats: made only for a copy's containment figure. */
  sorted?: Uint32Array
}

// The boilerplate stage looks for copies after each of its rounds and the dedup
// stage again on nearly the same lines: recent lines are remembered.
const recentWords = new RecentMemo<BlockWords>(RECENT_LINES)

function wordsOf(text: string): BlockWords {
  const cached = recentWords.get(text)
  if (cached) return cached
  const tokens = tokenHashes(text)
  const shingles = new Uint32Array(Math.max(0, tokens.length - 2))
  for (let i = 0; i < shingles.length; i++) shingles[i] = shingleAt(tokens, i, 3)
  const words: BlockWords = {tokens, key: sequenceKey(tokens), shingles}
  recentWords.set(text, words)
  return words
}

function sortedGrams(words: BlockWords): Uint32Array {
  return (words.sorted ??= sortedShingles(words.tokens, 3))
}

function findRoot(parent: number[], i: number): number {
  let root = i
  while (parent[root] !== root) root = parent[root]!
  while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root]
  return root
}

/** One copy per member of each group but its most complete one, in block order. */
function groupCopies(candidates: readonly Candidate[], parent: number[]): LocalCopy[] {
  const groups = new Map<number, number[]>()
  for (let i = 0; i < candidates.length; i++) {
    const root = findRoot(parent, i)
    const group = groups.get(root)
    if (group) group.push(i)
    else groups.set(root, [i])
  }
  const copies: LocalCopy[] = []
  for (const members of groups.values()) {
    if (members.length < 2) continue
    const kept = mostComplete(members.map((i) => candidates[i]!))
    for (const i of members) {
      const member = candidates[i]!
      if (member === kept) continue
      copies.push({
        block: member.at,
        kept: kept.at,
        exact: sameTokens(member.words.tokens, kept.words.tokens),
        containment: round(containment(member, kept))
      })
    }
  }
  return copies.sort((a, b) => a.block - b.block)
}

/**
 * Gram → the blocks holding it, as typed arrays: an open-addressing table of
 * grams, each with a count of blocks and a linked list of them. A Map of arrays
 * cost more than the rest of the search on long pages. One table serves every
 * search, cleared slot by slot after it: allocating and filling a new one for
 * each document cost a tenth of the search.
 */
class Postings {
  static #shared: Postings | undefined

  /** The shared table, empty, with room for `grams` entries. */
  static reset(grams: number): Postings {
    let size = 16
    while (size < grams * 2) size *= 2
    const shared = Postings.#shared
    // Reused unless too small, or much larger than needed (one huge page does not pin its table).
    if (shared && shared.keys.length >= size && shared.keys.length <= size * 8 && shared.block.length >= grams) return shared
    return (Postings.#shared = new Postings(size, grams))
  }

  readonly keys: Uint32Array
  /** Blocks holding the gram; 0 marks an empty slot. */
  readonly count: Int32Array
  readonly head: Int32Array
  /** The last block added to each slot, so a gram repeated in a block counts once. */
  readonly last: Int32Array
  /** Slots of the larger block of the pair being verified, by the number of that verification. */
  readonly mark: Int32Array
  private marks = 0
  readonly block: Int32Array
  readonly next: Int32Array
  private readonly mask: number
  private used = 0

  private constructor(size: number, capacity: number) {
    this.mask = size - 1
    this.keys = new Uint32Array(size)
    this.count = new Int32Array(size)
    this.head = new Int32Array(size).fill(-1)
    this.last = new Int32Array(size).fill(-1)
    this.mark = new Int32Array(size)
    this.block = new Int32Array(capacity)
    this.next = new Int32Array(capacity)
  }

  /** The slot of a gram: where it is, or the empty slot where it would go. */
  slotOf(gram: number): number {
    let slot = (Math.imul(gram, 0x9e3779b1) >>> 0) & this.mask
    while (this.count[slot] !== 0 && this.keys[slot] !== gram) slot = (slot + 1) & this.mask
    return slot
  }

  /** Add block `id` to the gram at `slot`; false when the block already holds it. */
  add(slot: number, gram: number, id: number): boolean {
    if (this.last[slot] === id) return false
    this.last[slot] = id
    this.keys[slot] = gram
    this.count[slot]!++
    this.block[this.used] = id
    this.next[this.used] = this.head[slot]!
    this.head[slot] = this.used++
    return true
  }

  /** Empty the slots a search filled (listed in `slots`, `filled` of them). */
  clear(slots: Int32Array, filled: number): void {
    for (let k = 0; k < filled; k++) {
      const slot = slots[k]!
      this.count[slot] = 0
      this.head[slot] = -1
      this.last[slot] = -1
      this.mark[slot] = 0
    }
    this.used = 0
    this.marks = 0
  }

  /**
   * Whether block A holds at least `need` of block B's distinct grams, both given
   * as their runs of `slots`; stops as soon as the answer is known.
   */
  sharesAtLeast(slots: Int32Array, startA: number, sizeA: number, startB: number, sizeB: number, need: number): boolean {
    const stamp = ++this.marks
    for (let k = startB; k < startB + sizeB; k++) this.mark[slots[k]!] = stamp
    const allowedMissing = sizeA - need
    let shared = 0
    let missing = 0
    for (let k = startA; k < startA + sizeA; k++) {
      if (this.mark[slots[k]!] === stamp) {
        if (++shared >= need) return true
      } else if (++missing > allowedMissing) return false
    }
    return shared >= need
  }
}

function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let shared = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      shared++
      i++
      j++
    }
  }
  return shared
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

// A site name or section stuck to a title: `Title - Metro Desk | Local`, `SPORT | Title`.
const SITE_SUFFIX = /\s+[-–—|]\s+[^.!?]{1,60}$/
const SITE_PREFIX = /^[^.!?]{1,40}?\s+[|]\s+/

/**
 * The copy to keep: the one that adds the most real words beyond the shortest
 * copy. A couple of extra words at the edges (`TOU`, `Home News`) or a site
 * name after a separator count against a copy as junk. Ties go to the earliest.
 */
function mostComplete(members: Candidate[]): Candidate {
  const core = members.reduce((a, b) => (b.words.tokens.length < a.words.tokens.length ? b : a))
  const coreWords = new Set(core.words.tokens)
  const extraOf = (tokens: readonly number[]): number => tokens.filter((token) => !coreWords.has(token)).length
  const score = (member: Candidate): number => {
    const extra = extraOf(member.words.tokens)
    if (extra <= JUNK_EXTRA) return -extra
    const withoutAffixes = tokenHashes(member.block.text.replace(SITE_SUFFIX, '').replace(SITE_PREFIX, ''))
    return extraOf(withoutAffixes) <= JUNK_EXTRA ? -extra : extra
  }
  return members.reduce((best, member) => (score(member) > score(best) ? member : best))
}

/** Share of the smaller block's 3-grams found in the other. */
function containment(a: Candidate, b: Candidate): number {
  const gramsA = sortedGrams(a.words)
  const gramsB = sortedGrams(b.words)
  const small = gramsA.length <= gramsB.length ? gramsA : gramsB
  return small.length === 0 ? 1 : sharedCount(gramsA, gramsB) / small.length
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
