/**
 * Local dedup: blocks repeated within one document — a title printed three
 * times, a truncated breadcrumb copy of the title, a summary paragraph that
 * the body repeats with more words. Containment, not only equality: the
 * shorter block's word 3-grams must mostly occur in the longer one. One copy
 * per group is kept, the most complete one; every removal names it.
 */
import type {Block} from '../../blocks/block.js'
import type {BlockDeletion} from '../../blocks/delete-blocks.js'
import {RECENT_LINES, RecentMemo} from '../../blocks/recent.js'
import {sequenceKey, sortedShingles, tokenHashes} from '../../blocks/words.js'

export interface LocalDedupOptions {
  /** Blocks with fewer words are never treated as duplicates (`Share`, `Reply`). */
  minWords: number
  /** Share of the shorter block's 3-grams found in the longer one. */
  containment: number
}

export const DEFAULT_LOCAL_DEDUP: LocalDedupOptions = {minWords: 4, containment: 0.8}

interface Candidate {
  block: Block
  /** Position in the list searched. */
  at: number
  /** Hashes of the lower-cased word tokens. */
  tokens: number[]
  /** Word 3-gram hashes, sorted, without repeats. */
  grams: Uint32Array
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
  let gramCount = 0
  let maxGrams = 0
  for (const [at, block] of blocks.entries()) {
    // A block has no more tokens than words (an apostrophe joins at least as much): short ones need no hashing.
    if (block.words < options.minWords) continue
    const {tokens, key, grams} = wordsOf(block.text)
    if (tokens.length < options.minWords) continue
    const id = candidates.length
    const first = firstOf.get(key)
    if (first !== undefined && sameTokens(candidates[first]!.tokens, tokens)) {
      candidates.push({block, at, tokens, grams: candidates[first]!.grams})
      parent.push(first)
      continue
    }
    candidates.push({block, at, tokens, grams})
    parent.push(id)
    if (first === undefined) firstOf.set(key, id)
    representatives.push(id)
    gramCount += grams.length
    maxGrams = Math.max(maxGrams, grams.length)
  }
  if (representatives.length < 2) return groupCopies(candidates, parent)
  const postings = new Postings(gramCount)
  for (const id of representatives) for (const gram of candidates[id]!.grams) postings.add(gram, id)
  // Union-find over near-duplicate pairs. Prefix filtering: if A (the smaller
  // set) has a share t of its 3-grams in B, then B holds at least one of ANY
  // |A| - ceil(t|A|) + 1 grams of A. Grams no other block has count among them
  // without a lookup; the rest of that many are probed, shortest posting lists
  // first, and every candidate found is verified exactly.
  const find = (i: number): number => findRoot(parent, i)
  const seen = new Int32Array(candidates.length).fill(-1)
  const probes = new Int32Array(maxGrams)
  for (const a of representatives) {
    const grams = candidates[a]!.grams
    const size = grams.length
    let need = Math.ceil(options.containment * size - 1e-9)
    while (need > 0 && (need - 1) / size >= options.containment) need--
    const prefix = size - need + 1
    let shared = 0
    for (const gram of grams) {
      const slot = postings.slotOf(gram)
      if (postings.count[slot]! > 1) probes[shared++] = slot
    }
    const own = size - shared
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
          const other = candidates[b]!.grams
          if (seen[b] === a || other.length < size || (other.length === size && b <= a)) continue
          seen[b] = a
          if (find(a) === find(b)) continue
          if (sharesAtLeast(grams, other, need)) parent[find(b)] = find(a)
        }
      }
    }
  }
  return groupCopies(candidates, parent)
}

interface BlockWords {
  tokens: number[]
  /** Equal token sequences, equal keys. */
  key: number
  grams: Uint32Array
}

// The boilerplate stage looks for copies after each of its rounds and the dedup
// stage again on nearly the same lines: recent lines are remembered.
const recentWords = new RecentMemo<BlockWords>(RECENT_LINES)

function wordsOf(text: string): BlockWords {
  const cached = recentWords.get(text)
  if (cached) return cached
  const tokens = tokenHashes(text)
  const words = {tokens, key: sequenceKey(tokens), grams: sortedShingles(tokens, 3)}
  recentWords.set(text, words)
  return words
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
        exact: sameTokens(member.tokens, kept.tokens),
        containment: round(containment(member, kept))
      })
    }
  }
  return copies.sort((a, b) => a.block - b.block)
}

/**
 * Gram → the blocks holding it, as typed arrays: an open-addressing table of
 * grams, each with a count and a linked list of occurrences. A Map of arrays
 * cost more than the rest of the search on long pages.
 */
class Postings {
  readonly keys: Uint32Array
  readonly count: Int32Array
  readonly head: Int32Array
  readonly block: Int32Array
  readonly next: Int32Array
  private readonly mask: number
  private used = 0

  constructor(capacity: number) {
    let size = 16
    while (size < capacity * 2) size *= 2
    this.mask = size - 1
    this.keys = new Uint32Array(size)
    this.count = new Int32Array(size)
    this.head = new Int32Array(size).fill(-1)
    this.block = new Int32Array(capacity)
    this.next = new Int32Array(capacity)
  }

  /** The slot of a gram: where it is, or the empty slot where it would go. */
  slotOf(gram: number): number {
    let slot = (Math.imul(gram, 0x9e3779b1) >>> 0) & this.mask
    while (this.count[slot] !== 0 && this.keys[slot] !== gram) slot = (slot + 1) & this.mask
    return slot
  }

  add(gram: number, id: number): void {
    const slot = this.slotOf(gram)
    this.keys[slot] = gram
    this.count[slot]!++
    this.block[this.used] = id
    this.next[this.used] = this.head[slot]!
    this.head[slot] = this.used++
  }
}

/**
 * Whether sorted `small` has at least `need` of its grams in sorted `large`;
 * stops as soon as the answer is known.
 */
function sharesAtLeast(small: Uint32Array, large: Uint32Array, need: number): boolean {
  const allowedMissing = small.length - need
  let shared = 0
  let missing = 0
  let j = 0
  for (let i = 0; i < small.length; i++) {
    const gram = small[i]!
    while (j < large.length && large[j]! < gram) j++
    if (j < large.length && large[j] === gram) {
      if (++shared >= need) return true
      j++
    } else if (++missing > allowedMissing) return false
  }
  return shared >= need
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
  const core = members.reduce((a, b) => (b.tokens.length < a.tokens.length ? b : a))
  const coreWords = new Set(core.tokens)
  const extraOf = (tokens: readonly number[]): number => tokens.filter((token) => !coreWords.has(token)).length
  const score = (member: Candidate): number => {
    const extra = extraOf(member.tokens)
    if (extra <= JUNK_EXTRA) return -extra
    const withoutAffixes = tokenHashes(member.block.text.replace(SITE_SUFFIX, '').replace(SITE_PREFIX, ''))
    return extraOf(withoutAffixes) <= JUNK_EXTRA ? -extra : extra
  }
  return members.reduce((best, member) => (score(member) > score(best) ? member : best))
}

/** Share of the smaller block's 3-grams found in the other. */
function containment(a: Candidate, b: Candidate): number {
  const small = a.grams.length <= b.grams.length ? a.grams : b.grams
  return small.length === 0 ? 1 : sharedCount(a.grams, b.grams) / small.length
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
