/**
 * Builds the labelled near-duplicate benchmark from the articles in
 * ./texts (written for this benchmark) and the site templates: originals on
 * the origin site, syndicated copies with one variation kind each, and hard
 * negatives (other articles and short briefs in the same site templates).
 * Deterministic for a given seed.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {seededRandom} from '../../src/stages/dedup/corpus/hash.js'
import {ORIGIN, SITES, type SiteTemplate} from './templates.js'

export type Kind =
  'original' | 'exact' | 'normalized' | 'template' | 'edits' | 'truncated' | 'reflow' | 'moved' | 'teaser' | 'mixed' | 'brief'
/**
 * Variation kinds. Every copy except exact/normalized mirrors sits in another
 * site's template. `teaser` is the hard end of truncation (first paragraph
 * only, 15–25 % of the words); `mixed` combines 2 % edits, moved paragraphs
 * and re-wrapped lines.
 */
export const COPY_KINDS: Kind[] = ['exact', 'normalized', 'template', 'edits', 'truncated', 'reflow', 'moved', 'teaser', 'mixed']

export interface BenchDoc {
  path: string
  text: string
  /** Article the document carries; null for briefs (unique texts). */
  article: number | null
  kind: Kind
  site: string
}

export interface Article {
  slug: string
  title: string
  paragraphs: string[]
}

/** Finds bench/dedup/texts both from the source tree and from a tsc outDir build. */
export function textsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'texts'), join(dir, 'bench/dedup/texts')]) {
      try {
        if (readdirSync(candidate).some((f) => f.endsWith('.txt'))) return candidate
      } catch {
        // keep looking
      }
    }
    dir = dirname(dir)
  }
  const fallback = join(process.cwd(), 'bench/dedup/texts')
  return fallback
}

function parse(text: string, slug: string): Article {
  const [title, ...paragraphs] = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
  return {slug, title: title!, paragraphs}
}

export function loadArticles(): {articles: Article[]; briefs: Article[]} {
  const dir = textsDir()
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
  const articles = files.filter((f) => f !== 'briefs.txt').map((f) => parse(readFileSync(join(dir, f), 'utf8'), f.replace(/\.txt$/, '')))
  const briefBlocks = readFileSync(join(dir, 'briefs.txt'), 'utf8')
    .trim()
    .split(/\n\s*\n/)
  const briefs: Article[] = []
  for (let i = 0; i + 1 < briefBlocks.length; i += 2) {
    const title = briefBlocks[i]!.trim()
    briefs.push({slug: `brief-${briefs.length + 1}`, title, paragraphs: [briefBlocks[i + 1]!.trim()]})
  }
  return {articles, briefs}
}

export type Random = () => number
export const makeRandom = (seed: number): Random => {
  const next = seededRandom(seed)
  return () => next() / 4294967296
}
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

/** A page of `site`: header lines, the body's paragraphs, footer lines — one block each, blank lines between. */
export function page(site: SiteTemplate, title: string, date: string, body: string[]): string {
  return [...site.header(title, date), ...body, ...site.footer(title)].join('\n\n') + '\n'
}

const SPELLING: Array<[RegExp, string]> = [
  [/colour/g, 'color'],
  [/centre/g, 'center'],
  [/metres/g, 'meters'],
  [/organisers/g, 'organizers'],
  [/neighbour/g, 'neighbor']
]

/**
 * Light edits: a share `rate` of word positions changed (deleted, replaced, a
 * word inserted before, or swapped with the next), and some British spellings
 * Americanized. The benchmark's `edits` kind uses 3 % (one change every ~33
 * words); the sweep in run.ts shows how recall falls as the rate grows.
 */
export function lightEdits(paragraphs: string[], random: Random, vocabulary: string[], rate = 0.03): string[] {
  return paragraphs.map((p) => {
    let text = p
    for (const [re, to] of SPELLING) if (random() < 0.5) text = text.replace(re, to)
    const words = text.split(' ')
    const out: string[] = []
    for (let i = 0; i < words.length; i++) {
      const r = random() / rate
      if (r < 0.3) continue // deletion
      if (r < 0.6) {
        out.push(pick(random, vocabulary)) // replacement
        continue
      }
      if (r < 0.8) out.push(pick(random, vocabulary)) // insertion
      if (r < 1 && i + 1 < words.length) {
        out.push(words[i + 1]!, words[i]!) // swap
        i++
        continue
      }
      out.push(words[i]!)
    }
    return out.join(' ')
  })
}

/** Re-wraps every paragraph at `width` columns; optionally drops the blank lines between paragraphs. */
export function reflow(paragraphs: string[], width: number, joinParagraphs: boolean): string[] {
  const wrapped = paragraphs.map((p) => {
    const lines: string[] = []
    let line = ''
    for (const word of p.split(/\s+/)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    if (line) lines.push(line)
    return lines.join('\n')
  })
  return joinParagraphs ? [wrapped.join('\n')] : wrapped
}

/** The distinct lower-case words of the articles: what light edits put in. */
export function vocabularyOf(articles: readonly Article[]): string[] {
  return [
    ...new Set(
      articles.flatMap(
        (a) =>
          a.paragraphs
            .join(' ')
            .toLowerCase()
            .match(/[a-z]+/g) ?? []
      )
    )
  ]
}

/** Words in the paragraphs (split at spaces). */
export const wordCount = (paragraphs: readonly string[]): number => paragraphs.reduce((n, p) => n + p.split(' ').length, 0)

/** The first `target` words: whole paragraphs, then the one cut short, ending in "…", when `cut(wordsLeft)` says so. */
export function firstWords(paragraphs: readonly string[], target: number, cut: (wordsLeft: number) => boolean): string[] {
  const out: string[] = []
  let count = 0
  for (const p of paragraphs) {
    const words = p.split(' ')
    if (count + words.length <= target) {
      out.push(p)
      count += words.length
      continue
    }
    if (cut(target - count)) out.push(`${words.slice(0, target - count).join(' ')}…`)
    break
  }
  return out
}

/** First 35–65 % of the article's words: whole paragraphs, sometimes a cut sentence ending in "…". */
export function truncate(paragraphs: string[], random: Random): string[] {
  const target = Math.round(wordCount(paragraphs) * (0.35 + random() * 0.3))
  const out = firstWords(paragraphs, target, (left) => random() < 0.5 && left > 5)
  if (out.length === 0) out.push(`${paragraphs[0]!.split(' ').slice(0, target).join(' ')}…`)
  return out
}

/** Moves one or two paragraphs to another position. */
export function moveParagraphs(paragraphs: string[], random: Random): string[] {
  const out = [...paragraphs]
  const moves = 1 + Math.floor(random() * 2)
  for (let m = 0; m < moves; m++) {
    const from = Math.floor(random() * out.length)
    const [p] = out.splice(from, 1)
    let to = Math.floor(random() * (out.length + 1))
    if (to === from) to = (to + 1) % (out.length + 1)
    out.splice(to, 0, p!)
  }
  if (out.every((p, i) => p === paragraphs[i])) out.reverse()
  return out
}

function normalizedVariant(text: string): string {
  return text.replace(/'/g, '’').replace(/"/g, '”').replace(/\. /g, '.  ').replace(/\n/g, '\r\n').toUpperCase()
}

/** Originals are dated before their copies (March 1–14, copies a day or two later). */
function dateFor(i: number, offset: number): string {
  const day = 1 + ((i + offset) % 28)
  return `2024-03-${String(day).padStart(2, '0')}`
}

/** The labelled benchmark corpus. */
export function buildBenchmark(seed = 7, copiesPerKind = 2): BenchDoc[] {
  const {articles, briefs} = loadArticles()
  const random = makeRandom(seed)
  const vocabulary = vocabularyOf(articles)
  const docs: BenchDoc[] = []
  articles.forEach((article, i) => {
    const date = dateFor(i, 0)
    const original = page(ORIGIN, article.title, date, article.paragraphs)
    docs.push({path: `gazette/${date}-${article.slug}.txt`, text: original, article: i, kind: 'original', site: ORIGIN.slug})
    for (const kind of COPY_KINDS) {
      for (let c = 0; c < copiesPerKind; c++) {
        const site = SITES[(i + c * 2 + COPY_KINDS.indexOf(kind)) % SITES.length]!
        const copyDate = dateFor(i, 1 + c)
        let text: string
        switch (kind) {
          case 'exact':
            text = original
            break
          case 'normalized':
            text = normalizedVariant(original)
            break
          case 'template':
            text = page(site, article.title, copyDate, article.paragraphs)
            break
          case 'edits':
            text = page(site, article.title, copyDate, lightEdits(article.paragraphs, random, vocabulary))
            break
          case 'truncated':
            text = page(site, article.title, copyDate, [...truncate(article.paragraphs, random), site.readMore(article.title)])
            break
          case 'reflow':
            text = page(site, article.title, copyDate, reflow(article.paragraphs, 40 + Math.floor(random() * 40), random() < 0.5))
            break
          case 'moved':
            text = page(site, article.title, copyDate, moveParagraphs(article.paragraphs, random))
            break
          case 'teaser': {
            const first = article.paragraphs[0]!
            text = page(site, article.title, copyDate, [
              random() < 0.5 ? first : `${first.split(' ').slice(0, -4).join(' ')}…`,
              site.readMore(article.title)
            ])
            break
          }
          case 'mixed':
            text = page(
              site,
              article.title,
              copyDate,
              reflow(
                moveParagraphs(lightEdits(article.paragraphs, random, vocabulary, 0.02), random),
                50 + Math.floor(random() * 30),
                false
              )
            )
            break
          default:
            throw new Error(kind)
        }
        const folder = kind === 'exact' || kind === 'normalized' ? `mirror${c + 1}` : site.slug
        docs.push({
          path: `${folder}/${copyDate.replace(/-/g, '')}-${article.slug}-${kind}.txt`,
          text,
          article: i,
          kind,
          site: kind === 'exact' || kind === 'normalized' ? ORIGIN.slug : site.slug
        })
      }
    }
  })
  // Hard negatives: short briefs, each on one site, sharing that site's template with other documents.
  const sites = [ORIGIN, ...SITES]
  briefs.forEach((brief, b) => {
    const site = sites[b % sites.length]!
    docs.push({
      path: `${site.slug}/${brief.slug}.txt`,
      text: page(site, brief.title, dateFor(b, 3), brief.paragraphs),
      article: null,
      kind: 'brief',
      site: site.slug
    })
  })
  return docs
}
