/**
 * Per-document step: text in, small signature out. Runs independently per
 * document (any order, any worker); the full text is not kept.
 */
import {murmur3Words} from './hash.js'
import {minhashInto, permutations, toBBit} from './minhash.js'
import {resolveOptions, type CorpusDedupInput, type CorpusDedupOptions} from './options.js'
import {exactHash, shingleSet, TokenBuffer} from './shingles.js'

/**
 * A document as its text, split here at blank lines, or as the blocks
 * (paragraphs) a runner already segmented it into. Tokens and shingles are the
 * same either way; blocks matter only for passages.
 */
export type CorpusDocument = {
  /** Identifies the document in clusters and decisions; unique within a batch. */
  path: string
} & ({text: string; blocks?: undefined} | {blocks: readonly string[]; text?: string})

/** What the index keeps of a document: ~150 bytes + 10 per passage + the path. */
export interface DocSignature {
  path: string
  /** Normalized word count. */
  words: number
  /** Distinct shingles (|A| in Jaccard and containment). */
  shingles: number
  /** 64-bit hash of the normalized token sequence, two uint32 halves. */
  exact0: number
  exact1: number
  /** b-bit MinHash: one byte per hash function. */
  minhash: Uint8Array
  /** Passages (blocks with ≥ passage.minWords words), sorted by (hash0, hash1): a 48-bit hash, 32 + 16 bits. */
  passageHash0: Uint32Array
  passageHash1: Uint16Array
  /** Normalized words per passage (capped at 65535). */
  passageWords: Uint16Array
  /** Index of the passage's block in `blocks` (or in the blank-line split); blocks past 65535 are not indexed. */
  passageBlocks: Uint16Array
  /** Batch of a persistent index the document came from; unset = the current batch. */
  batch?: number
  /**
   * What the copy guard weighs (see `CopyGuardOptions`), set by the stage that
   * collects; unset when unknown (then that rule does not apply). Words as
   * read, before any stage; words of the whole text collected; words of its
   * prose lines. Not kept in the persistent index: only documents of the
   * current batch are ever dropped.
   */
  wordsRead?: number
  wordsLeft?: number
  proseWords?: number
}

const PASSAGE_SEED0 = 0x9a55a6e
const PASSAGE_SEED1 = 0x3c6ef372

/**
 * Paragraphs of a plain text: runs of lines separated by blank lines (leading
 * blank lines dropped). Without `blocks`, passage block indices refer to this
 * split.
 */
export function splitBlocks(text: string): string[] {
  return text.replace(/^(?:[ \t\u00a0]*\r?\n)+/, '').split(/\r?\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+/)
}

interface Scratch {
  tokens: TokenBuffer
  shingles: {set: Uint32Array}
  full: Uint32Array
  starts: number[]
}

const scratchBySize = new Map<number, Scratch>()

function scratchFor(numHashes: number): Scratch {
  let s = scratchBySize.get(numHashes)
  if (!s) {
    s = {tokens: new TokenBuffer(), shingles: {set: new Uint32Array(4096)}, full: new Uint32Array(numHashes), starts: []}
    scratchBySize.set(numHashes, s)
  }
  return s
}

/**
 * Full 32-bit MinHash signature of a text (`numHashes` values). The index
 * stores only one byte of each ({@link collect}); this is for tools and tests.
 */
export function signature(text: string, input: CorpusDedupInput = {}): Uint32Array {
  const o = resolveOptions(input)
  const tokens = new TokenBuffer()
  tokens.append(text)
  const sh = {set: new Uint32Array(256)}
  const n = shingleSet(tokens.hashes, tokens.length, o.shingleSize, sh)
  return minhashInto(sh.set, n, permutations(o.numHashes, o.seed, o.hashFamily), new Uint32Array(o.numHashes))
}

/** The collect step. Pass options already resolved when calling it in a loop. */
export function collect(doc: CorpusDocument, input: CorpusDedupOptions | CorpusDedupInput = {}): DocSignature {
  const o = isResolved(input) ? input : resolveOptions(input)
  const s = scratchFor(o.numHashes)
  const tokens = s.tokens
  tokens.reset()
  const minPassage = o.passage.enabled ? o.passage.minWords : Infinity
  const ph0: number[] = []
  const ph1: number[] = []
  const pw: number[] = []
  const pb: number[] = []
  const passage = (b: number, start: number, count: number): void => {
    if (count < minPassage || b > 0xffff) return
    ph0.push(murmur3Words(tokens.hashes, start, count, PASSAGE_SEED0))
    ph1.push(murmur3Words(tokens.hashes, start, count, PASSAGE_SEED1) & 0xffff)
    pw.push(Math.min(count, 65535))
    pb.push(b)
  }
  if (doc.blocks) {
    for (let b = 0; b < doc.blocks.length; b++) {
      const start = tokens.length
      passage(b, start, tokens.append(doc.blocks[b]!))
    }
  } else {
    // One pass: tokens and the blank-line block boundaries (same blocks as splitBlocks).
    const starts = s.starts
    starts.length = 0
    tokens.append(doc.text, starts)
    for (let b = 0; b < starts.length; b++) passage(b, starts[b]!, (b + 1 < starts.length ? starts[b + 1]! : tokens.length) - starts[b]!)
  }
  const words = tokens.length
  const [exact0, exact1] = exactHash(tokens.hashes, 0, words)
  const n = shingleSet(tokens.hashes, words, o.shingleSize, s.shingles)
  minhashInto(s.shingles.set, n, permutations(o.numHashes, o.seed, o.hashFamily), s.full)
  const minhash = toBBit(s.full)

  // Passages sorted by hash; a paragraph repeated inside the document counts once.
  const order = ph0.map((_, i) => i).sort((x, y) => ph0[x]! - ph0[y]! || ph1[x]! - ph1[y]! || pb[x]! - pb[y]!)
  const keep = order.filter((i, k) => k === 0 || ph0[i] !== ph0[order[k - 1]!] || ph1[i] !== ph1[order[k - 1]!])
  return {
    path: doc.path,
    words,
    shingles: n,
    exact0,
    exact1,
    minhash,
    passageHash0: Uint32Array.from(keep, (i) => ph0[i]!),
    passageHash1: Uint16Array.from(keep, (i) => ph1[i]!),
    passageWords: Uint16Array.from(keep, (i) => pw[i]!),
    passageBlocks: Uint16Array.from(keep, (i) => pb[i]!)
  }
}

function isResolved(input: CorpusDedupOptions | CorpusDedupInput): input is CorpusDedupOptions {
  return (
    typeof input.shingleSize === 'number' &&
    typeof input.numHashes === 'number' &&
    typeof input.seed === 'number' &&
    typeof input.hashFamily === 'string' &&
    input.passage !== undefined &&
    typeof input.passage.minWords === 'number' &&
    typeof input.passage.enabled === 'boolean'
  )
}
