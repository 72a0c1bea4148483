/**
 * Local dedup: blocks repeated within one document — a title printed three
 * times, a truncated breadcrumb copy of the title, a summary paragraph that
 * the body repeats with more words. Containment, not only equality: the
 * shorter block's word 3-grams must mostly occur in the longer one. One copy
 * per group is kept, the most complete one; every removal names it.
 */
import type {Block} from '../../blocks/block.js'
import type {BlockDeletion} from '../../blocks/delete-blocks.js'
import {normalizedTokens, shingleHashes} from '../../blocks/words.js'

export interface LocalDedupOptions {
  /** Blocks with fewer words are never treated as duplicates (`Share`, `Reply`). */
  minWords: number
  /** Share of the shorter block's 3-grams found in the longer one. */
  containment: number
}

export const DEFAULT_LOCAL_DEDUP: LocalDedupOptions = {minWords: 4, containment: 0.8}

interface Candidate {
  block: Block
  tokens: string[]
  /** The tokens joined: equal keys are exact copies. */
  key: string
  grams: Set<number>
}

/** A few junk words beyond the shared text are a suffix or prefix, not more content. */
const JUNK_EXTRA = 2

export function findLocalDuplicates(
  blocks: readonly Block[],
  options: LocalDedupOptions,
  lineOf: (block: Block) => number = (block) => block.index + 1
): BlockDeletion[] {
  const candidates: Candidate[] = []
  const postings = new Map<number, number[]>()
  const parent: number[] = []
  // Exact copies join their first occurrence at once and are not compared again:
  // a page dumped 800 times stays linear.
  const firstOf = new Map<string, number>()
  const representatives: number[] = []
  for (const block of blocks) {
    const tokens = normalizedTokens(block.text)
    if (tokens.length < options.minWords) continue
    const key = tokens.join(' ')
    const id = candidates.length
    const first = firstOf.get(key)
    if (first !== undefined) {
      candidates.push({block, tokens, key, grams: candidates[first]!.grams})
      parent.push(first)
      continue
    }
    const grams = shingleHashes(tokens, 3)
    candidates.push({block, tokens, key, grams})
    parent.push(id)
    firstOf.set(key, id)
    representatives.push(id)
    for (const gram of grams) {
      const list = postings.get(gram)
      if (list) list.push(id)
      else postings.set(gram, [id])
    }
  }
  // Union-find over near-duplicate pairs. Prefix filtering: if A (the smaller
  // set) has a share t of its 3-grams in B, then B holds at least one of ANY
  // |A| - ceil(t|A|) + 1 grams of A. Grams no other block has count among them
  // without a lookup; the rest of that many are probed, shortest posting lists
  // first, and every candidate found is verified exactly.
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root]!
    while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root]
    return root
  }
  const seen = new Int32Array(candidates.length).fill(-1)
  for (const a of representatives) {
    const grams = candidates[a]!.grams
    const size = grams.size
    let need = Math.ceil(options.containment * size - 1e-9)
    while (need > 0 && (need - 1) / size >= options.containment) need--
    const prefix = size - need + 1
    const probes: number[][] = []
    for (const gram of grams) {
      const list = postings.get(gram)!
      if (list.length > 1) probes.push(list)
    }
    const own = size - probes.length
    if (own >= prefix) continue
    probes.sort((x, y) => x.length - y.length)
    probes.length = prefix - own
    for (const list of probes) {
      for (const b of list) {
        const other = candidates[b]!.grams
        if (seen[b] === a || other.size < size || (other.size === size && b <= a)) continue
        seen[b] = a
        if (find(a) === find(b)) continue
        // Stop as soon as the answer is known: `need` found, or too many missing.
        let shared = 0
        let missing = 0
        for (const g of grams) {
          if (other.has(g)) {
            if (++shared >= need) break
          } else if (++missing > size - need) break
        }
        if (shared >= need) parent[find(b)] = find(a)
      }
    }
  }
  const groups = new Map<number, number[]>()
  for (let i = 0; i < candidates.length; i++) {
    const root = find(i)
    const group = groups.get(root)
    if (group) group.push(i)
    else groups.set(root, [i])
  }
  const deletions: BlockDeletion[] = []
  for (const members of groups.values()) {
    if (members.length < 2) continue
    const kept = mostComplete(members.map((i) => candidates[i]!))
    for (const i of members) {
      const member = candidates[i]!
      if (member === kept) continue
      const exact = member.key === kept.key
      deletions.push({
        block: member.block,
        rule: exact ? 'repeated-block' : 'contained-block',
        reason: exact
          ? `repeats the block kept at line ${lineOf(kept.block)}`
          : `near copy of the more complete block kept at line ${lineOf(kept.block)}`,
        detail: {keptLine: lineOf(kept.block), keptText: preview(kept.block.text), containment: round(containment(member, kept))}
      })
    }
  }
  return deletions.sort((a, b) => a.block.index - b.block.index)
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
  const extraOf = (tokens: string[]): number => tokens.filter((token) => !coreWords.has(token)).length
  const score = (member: Candidate): number => {
    const extra = extraOf(member.tokens)
    if (extra <= JUNK_EXTRA) return -extra
    const withoutAffixes = normalizedTokens(member.block.text.replace(SITE_SUFFIX, '').replace(SITE_PREFIX, ''))
    return extraOf(withoutAffixes) <= JUNK_EXTRA ? -extra : extra
  }
  return members.reduce((best, member) => (score(member) > score(best) ? member : best))
}

/** Share of the smaller block's 3-grams found in the other. */
function containment(a: Candidate, b: Candidate): number {
  const [small, large] = a.grams.size <= b.grams.size ? [a, b] : [b, a]
  let shared = 0
  for (const gram of small.grams) if (large.grams.has(gram)) shared++
  return small.grams.size === 0 ? 1 : shared / small.grams.size
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
