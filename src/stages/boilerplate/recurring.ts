/**
 * Lines that recur across many documents of a batch are site furniture
 * (navigation, footers, share prompts) even when no rule knows them, as in
 * CCNet's line deduplication. Two safeguards keep content: copies of one
 * article (syndicated, lightly edited) count as one document — documents are
 * told apart by a small MinHash sketch of their words — and a recurring line
 * that reads like prose is kept and flagged, not removed.
 */
import type {Block} from '../../blocks/block.js'
import {z} from 'zod'
import {isLetterOrNumberUnit} from '../../blocks/chars.js'
import {FNV_OFFSET, fnvStep, shingleAt, tokenHashes} from '../../blocks/words.js'
import type {CorpusHooks, StageInput} from '../../engine/stage.js'
import {isProse, type BlockRule} from './block-rule.js'

export const recurringOptions = z
  .object({
    /** A line is boilerplate when this many different documents contain it. */
    minDocuments: z.number().int().min(2),
    /** Longer lines are never counted: they are paragraphs, not furniture. */
    maxWords: z.number().int().positive()
  })
  .strict()

export type RecurringOptions = z.output<typeof recurringOptions>

export const DEFAULT_RECURRING: RecurringOptions = {minDocuments: 5, maxWords: 30}

interface LineSignature {
  lines: Uint32Array
  sketch: Uint32Array
}

/** Documents whose sketches agree on this share of slots are copies of one another. */
const SAME_DOCUMENT = 0.5
const SKETCH_SIZE = 16

/**
 * Case, digits and punctuation do not make a footer line different: the FNV-1a
 * hash of the line lower-cased, with every run of ASCII digits as `0` and every
 * run of other characters than letters and numbers as one space, trimmed. One
 * scan without building that string: this runs over every short line of a batch.
 */
export function lineKey(text: string): number {
  const lower = text.toLowerCase()
  let hash = FNV_OFFSET
  const emit = (code: number): void => {
    hash = fnvStep(hash, code)
  }
  let started = false
  let space = false
  let digits = false
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i)
    let width = 1
    let kind: 'digit' | 'word' | 'other'
    if (c >= 48 && c <= 57) kind = 'digit'
    else if (c < 128) kind = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 'word' : 'other'
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2
      kind = LETTER_OR_NUMBER.test(lower.slice(i, i + 2)) ? 'word' : 'other'
    } else kind = isLetterOrNumberUnit(c) ? 'word' : 'other'
    if (kind === 'other') {
      space = started
      digits = false
      i += width - 1
      continue
    }
    if (space) emit(32)
    space = false
    started = true
    if (kind === 'digit') {
      if (!digits) emit(48)
      digits = true
      continue
    }
    digits = false
    for (let k = 0; k < width; k++) emit(lower.charCodeAt(i + k))
    i += width - 1
  }
  return hash >>> 0
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u

export class RecurringLines implements CorpusHooks<LineSignature> {
  private documents = new Map<number, number>()
  private built = false

  constructor(readonly options: RecurringOptions) {}

  collect(input: StageInput): LineSignature {
    const lines = new Set<number>()
    for (const block of input.blocks()) if (block.words <= this.options.maxWords) lines.add(lineKey(block.text))
    return {lines: Uint32Array.from(lines), sketch: sketch(tokenHashes(input.text))}
  }

  build(signatures: ReadonlyMap<string, LineSignature>): void {
    // Path order, not arrival order: the result must not depend on concurrency.
    const ordered = [...signatures].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, signature]) => signature)
    const sketches = ordered.map((signature) => signature.sketch)
    // Line → documents holding it; a few more than needed are enough to decide.
    const holders = new Map<number, number[]>()
    const cap = this.options.minDocuments * 4
    let index = 0
    for (const {lines} of ordered) {
      for (const line of lines) {
        const list = holders.get(line)
        if (!list) holders.set(line, [index])
        else if (list.length < cap) list.push(index)
      }
      index++
    }
    this.documents = new Map()
    for (const [line, docs] of holders) {
      if (docs.length < this.options.minDocuments) continue
      const distinct = countDistinct(docs.map((doc) => sketches[doc]!))
      if (distinct >= this.options.minDocuments) this.documents.set(line, distinct)
    }
    this.built = true
  }

  /** How many different documents hold this block's line (0 before build or below the threshold). */
  recurrence(block: Block): number {
    if (!this.built || this.documents.size === 0 || block.words > this.options.maxWords) return 0
    return this.documents.get(lineKey(block.text)) ?? 0
  }

  snapshot(): Array<[number, number]> {
    return [...this.documents]
  }

  restore(snapshot: unknown): void {
    this.documents = new Map(snapshot as Array<[number, number]>)
    this.built = true
  }

  fingerprint(): string {
    return JSON.stringify([...this.documents].sort((a, b) => a[0] - b[0]))
  }

  rule(): BlockRule {
    return {
      id: 'recurring-line',
      reason: 'line recurring across documents of the batch',
      example: '`Follow us on social media` in 40 files',
      match: (block) => {
        const count = this.recurrence(block)
        if (count === 0 || isProse(block)) return false
        return {reason: `line found in ${count}+ different documents of the batch`, detail: {documents: count}}
      }
    }
  }
}

/** A MinHash sketch of a document's word 3-grams (a repeated 3-gram changes no minimum). */
function sketch(tokens: readonly number[]): Uint32Array {
  const result = new Uint32Array(SKETCH_SIZE).fill(0xffffffff)
  for (let at = 0; at + 3 <= tokens.length; at++) {
    const shingle = shingleAt(tokens, at, 3)
    for (let i = 0; i < SKETCH_SIZE; i++) {
      // One cheap 32-bit permutation per slot.
      let x = Math.imul(shingle ^ SEEDS[i]!, 0x9e3779b1)
      x = Math.imul(x ^ (x >>> 15), 0x85ebca6b)
      x = (x ^ (x >>> 13)) >>> 0
      if (x < result[i]!) result[i] = x
    }
  }
  return result
}

const SEEDS = Uint32Array.from({length: SKETCH_SIZE}, (_, i) => Math.imul(i + 1, 0x27d4eb2d) >>> 0)

/** How many of these documents differ from each other (copies counted once). */
function countDistinct(sketches: readonly Uint32Array[]): number {
  const distinct: Uint32Array[] = []
  for (const candidate of sketches) {
    if (!distinct.some((other) => agreement(candidate, other) >= SAME_DOCUMENT)) distinct.push(candidate)
  }
  return distinct.length
}

function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}
