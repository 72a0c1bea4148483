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
  /** The document's site when its runner knew it (a JSONL record's field); else it is worked out from the path. */
  site?: string
}

/**
 * The lines held by at least `pages` of the signatures (each lists a line once).
 * Counted by sorting every line of the batch in one typed array: most lines are
 * on one page only, and a map entry for each of them was most of the memory a
 * 100,000-page batch took to build the index.
 */
function linesOnAtLeast(signatures: readonly LineSignature[], pages: number): Set<number> {
  let total = 0
  for (const {lines} of signatures) total += lines.length
  const all = new Uint32Array(total)
  let at = 0
  for (const {lines} of signatures) {
    all.set(lines, at)
    at += lines.length
  }
  all.sort()
  const frequent = new Set<number>()
  for (let i = 0; i < all.length;) {
    let j = i + 1
    while (j < all.length && all[j] === all[i]) j++
    if (j - i >= pages) frequent.add(all[i]!)
    i = j
  }
  return frequent
}

/** Documents whose sketches agree on this share of slots are copies of one another. */
const SAME_DOCUMENT = 0.5
const SKETCH_SIZE = 16
/** Fewer words in paragraphs than this (a list, a short note): the whole text is sketched. */
const MIN_BODY_TOKENS = 50

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

/** Why a line is furniture: on how many pages of its site (or of the batch) it is. */
export interface LineEvidence {
  /** Different documents holding the line (copies of one article once; counted among the first few holders). */
  documents: number
  /** Pages holding it. */
  pages: number
}

/** The recurring lines of one site, or of the whole batch when it has a single site. */
interface SiteLines {
  /** `site-b/`, `the batch` or `the pages without a site`, as reasons name it. */
  label: string
  /** Pages of the site. */
  pages: number
  lines: Map<number, LineEvidence>
}

type SiteSnapshot = [site: string, label: string, pages: number, lines: Array<[line: number, documents: number, pages: number]>]

export class RecurringLines implements CorpusHooks<LineSignature> {
  /** By site; with a single site in the batch, one entry under '' counting the whole batch. */
  private sites = new Map<string, SiteLines>()
  private perSite = false
  private built = false

  /**
   * `siteOf`: a document's site (io/site.ts); a line recurring on one site's pages
   * is that site's template. Without it the batch is one site.
   */
  constructor(
    readonly options: RecurringOptions,
    private readonly siteOf: (path: string) => string = () => ''
  ) {}

  collect(input: StageInput): LineSignature {
    const lines = new Set<number>()
    const paragraphs: string[] = []
    for (const block of input.blocks()) {
      if (block.words <= this.options.maxWords) lines.add(lineKey(block.text))
      else paragraphs.push(block.text)
    }
    // Copies of one article are told apart by their paragraphs: a site's template, which
    // the stage removes, would make its pages look alike here and different once cleaned.
    const body = tokenHashes(paragraphs.join('\n'))
    const signature: LineSignature = {
      lines: Uint32Array.from(lines),
      sketch: sketch(body.length >= MIN_BODY_TOKENS ? body : tokenHashes(input.text))
    }
    if (input.site !== undefined) signature.site = input.site
    return signature
  }

  build(signatures: ReadonlyMap<string, LineSignature>): void {
    // Path order, not arrival order: the result must not depend on concurrency.
    const ordered = [...signatures].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const bySite = new Map<string, LineSignature[]>()
    for (const [path, signature] of ordered) {
      const site = signature.site ?? this.siteOf(path)
      const list = bySite.get(site)
      if (list) list.push(signature)
      else bySite.set(site, [signature])
    }
    this.perSite = bySite.size > 1
    this.sites = new Map()
    if (!this.perSite)
      this.sites.set(
        '',
        this.count(
          'the batch',
          ordered.map(([, signature]) => signature)
        )
      )
    else for (const [site, list] of bySite) this.sites.set(site, this.count(site ? `${site}/` : 'the pages without a site', list))
    this.built = true
  }

  private count(label: string, signatures: readonly LineSignature[]): SiteLines {
    const sketches = signatures.map((signature) => signature.sketch)
    const frequent = linesOnAtLeast(signatures, this.options.minDocuments)
    // Line → pages holding it, and the first few of them: enough to tell copies apart and decide.
    const holders = new Map<number, {pages: number; first: number[]}>()
    const cap = this.cap
    signatures.forEach(({lines}, index) => {
      for (const line of lines) {
        if (!frequent.has(line)) continue
        const held = holders.get(line)
        if (!held) holders.set(line, {pages: 1, first: [index]})
        else if (held.pages++ < cap) held.first.push(index)
      }
    })
    const lines = new Map<number, LineEvidence>()
    // Every line held is on `minDocuments` pages or more (`frequent`): whether they differ decides.
    for (const [line, {pages, first}] of holders) {
      const documents = countDistinct(first.map((doc) => sketches[doc]!))
      if (documents >= this.options.minDocuments) lines.set(line, {documents, pages})
    }
    return {label, pages: signatures.length, lines}
  }

  private linesOf(path: string, site?: string): SiteLines | undefined {
    if (!this.built) return undefined
    return this.sites.get(this.perSite ? (site ?? this.siteOf(path)) : '')
  }

  /**
   * Where this document's recurring lines are counted, and how often this block's
   * line is there (undefined when not furniture). `site`: as StageInput.site.
   */
  evidence(block: Block, path: string, site?: string): {site: SiteLines; line: LineEvidence} | undefined {
    if (block.words > this.options.maxWords) return undefined
    const counted = this.linesOf(path, site)
    const line = counted?.lines.get(lineKey(block.text))
    return line && counted ? {site: counted, line} : undefined
  }

  snapshot(): [perSite: boolean, sites: SiteSnapshot[]] {
    const sites = [...this.sites].map(([site, {label, pages, lines}]): SiteSnapshot => [
      site,
      label,
      pages,
      [...lines].map(([line, evidence]) => [line, evidence.documents, evidence.pages])
    ])
    return [this.perSite, sites]
  }

  restore(snapshot: unknown): void {
    const [perSite, sites] = snapshot as ReturnType<RecurringLines['snapshot']>
    this.perSite = perSite
    this.sites = new Map(
      sites.map(([site, label, pages, lines]) => [
        site,
        {label, pages, lines: new Map(lines.map(([line, documents, held]) => [line, {documents, pages: held}]))}
      ])
    )
    this.built = true
  }

  fingerprint(): string {
    const [perSite, sites] = this.snapshot()
    return JSON.stringify([perSite, sites.map(([site, label, pages, lines]) => [site, label, pages, lines.sort((a, b) => a[0] - b[0])])])
  }

  /** `on 14 of 15 pages of site-b/`, and how many of them differ when copies of one article are among few pages. */
  evidenceText(site: Pick<SiteLines, 'label' | 'pages'>, line: LineEvidence): string {
    // Beyond the cap, documents were told apart among the first holders only: a lower bound, not said.
    const copies = line.documents < line.pages && line.pages <= this.cap ? ` (${line.documents} different)` : ''
    return `on ${line.pages} of ${site.pages} pages of ${site.label}${copies}`
  }

  /** Holders of a line told apart by their sketches: a few more than needed are enough to decide. */
  private get cap(): number {
    return this.options.minDocuments * 4
  }

  /** The rule for one document: its lines are looked up among its site's. */
  rule(path: string, site?: string): BlockRule {
    return {
      ...RECURRING_RULE,
      match: (block) => {
        const found = this.evidence(block, path, site)
        if (!found || isProse(block)) return false
        const {site: counted, line} = found
        return {
          reason: `line ${this.evidenceText(counted, line)}`,
          detail: {documents: line.documents, pages: line.pages, of: counted.pages}
        }
      }
    }
  }
}

export const RECURRING_RULE = {
  id: 'recurring-line',
  reason: 'line recurring across the pages of a site (of the batch when it has one site); copies of one article count once',
  example: '`Follow us on social media` on 40 of 42 pages of `site-b/`'
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
