/**
 * The near-duplicate sweep: how recall falls as copies are edited, truncated,
 * re-headlined or have paragraphs swapped, and whether look-alikes stay apart.
 * Each case is a batch of its own: every original (on the origin site) and one
 * copy of each (on another site's template), so a copy is found by matching its
 * original, not through a chain of other copies. Look-alikes: different articles
 * in one site template (every case has them), the same story told by two outlets,
 * a follow-up that quotes a paragraph of the first report, and (from the devset)
 * real pages of one site.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {shingles} from '../../src/stages/dedup/corpus/shingles.js'
import {exactJaccard} from '../../src/stages/dedup/corpus/minhash.js'
import {sCurve} from '../../src/stages/dedup/corpus/lsh.js'
import {
  firstWords,
  lightEdits,
  loadArticles,
  makeRandom,
  page,
  textsDir,
  vocabularyOf,
  wordCount,
  type Article,
  type Random
} from './corpus.js'
import {ORIGIN, SITES} from './templates.js'

export interface SweepDoc {
  path: string
  text: string
  /** Documents with the same article are copies of one another; null: unique. */
  article: string | null
  /** Look-alikes with the same key must stay apart: each pair of them is counted. */
  lookalike?: string
}

export interface SweepCase {
  group: 'edits' | 'truncated' | 're-headlined' | 'swapped' | 'look-alikes'
  label: string
  docs: SweepDoc[]
  /** Share of words changed (edits cases), to print the S-curve against. */
  editRate?: number
}

export interface SweepSource {
  name: string
  articles: Article[]
  /** Text that appears nowhere else in the sweep: the body of follow-up articles. */
  spare: Article[]
  /** Pairs of articles telling the same story in other words. */
  stories: Array<[Article, Article]>
  /** Real pages of one site (different articles in one page template). */
  sites: Array<{site: string; pages: Array<{path: string; text: string}>}>
}

export const EDIT_RATES = [0, 0.02, 0.04, 0.06, 0.08, 0.1]
export const DROPPED = [0, 1, 2, 3]
export const KEPT_SHARES = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]

const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/

/** Drops `count` sentences, never a paragraph's only one, chosen at random. */
export function dropSentences(paragraphs: string[], count: number, random: Random): string[] {
  const split = paragraphs.map((p) => p.split(SENTENCE_END))
  for (let n = 0; n < count; n++) {
    const candidates = split.flatMap((sentences, p) => (sentences.length > 1 ? sentences.map((_, s) => [p, s] as const) : []))
    if (candidates.length === 0) break
    const [p, s] = candidates[Math.floor(random() * candidates.length)]!
    split[p]!.splice(s, 1)
  }
  return split.map((sentences) => sentences.join(' '))
}

/** The first `share` of the words: whole paragraphs, the last one cut mid-sentence with "…". */
export function keepShare(paragraphs: string[], share: number): string[] {
  return firstWords(paragraphs, Math.max(1, Math.round(wordCount(paragraphs) * share)), (left) => left >= 5)
}

/** Swaps `count` pairs of adjacent paragraphs (never the same pair twice). */
export function swapAdjacent(paragraphs: string[], count: number, random: Random): string[] {
  const out = [...paragraphs]
  const used = new Set<number>()
  for (let n = 0; n < count && used.size < out.length - 1; n++) {
    let i = Math.floor(random() * (out.length - 1))
    while (used.has(i) || used.has(i - 1) || used.has(i + 1)) i = (i + 1) % (out.length - 1)
    used.add(i)
    ;[out[i], out[i + 1]] = [out[i + 1]!, out[i]!]
  }
  return out
}

const DATELINES = ['PORT ALDEN (Regional Wire) —', 'SKERRA, March 4 —', 'EASTFIELD — ', 'By our staff reporter, March 5 —']

/** Cases built from a source: one copy of every article per case. */
export function buildSweep(source: SweepSource, seed = 22): SweepCase[] {
  const {articles} = source
  const vocabulary = vocabularyOf(articles)
  const originals: SweepDoc[] = articles.map((a, i) => ({
    path: `gazette/2024-03-01-${String(i).padStart(3, '0')}-${a.slug}.txt`,
    text: page(ORIGIN, a.title, '2024-03-01', a.paragraphs),
    article: a.slug
  }))
  const copies = (label: string, body: (a: Article, random: Random, i: number) => {title?: string; paragraphs: string[]}): SweepDoc[] => {
    const random = makeRandom(seed + label.length * 7919 + label.charCodeAt(0))
    return articles.map((a, i) => {
      const site = SITES[i % SITES.length]!
      const made = body(a, random, i)
      return {
        path: `${site.slug}/2024-03-02-${String(i).padStart(3, '0')}-${a.slug}.txt`,
        text: page(site, made.title ?? a.title, '2024-03-02', made.paragraphs),
        article: a.slug
      }
    })
  }
  const cases: SweepCase[] = []
  for (const rate of EDIT_RATES) {
    for (const dropped of DROPPED) {
      const label = `${Math.round(rate * 100)}% words, ${dropped} sentences dropped`
      cases.push({
        group: 'edits',
        label,
        editRate: rate,
        docs: [
          ...originals,
          ...copies(label, (a, random) => ({
            paragraphs: dropSentences(lightEdits(a.paragraphs, random, vocabulary, rate), dropped, random)
          }))
        ]
      })
    }
  }
  for (const share of KEPT_SHARES) {
    const label = `${Math.round(share * 100)}% kept + "Read more"`
    cases.push({
      group: 'truncated',
      label,
      docs: [
        ...originals,
        ...copies(label, (a, _random, i) => ({paragraphs: [...keepShare(a.paragraphs, share), SITES[i % SITES.length]!.readMore(a.title)]}))
      ]
    })
  }
  cases.push({
    group: 're-headlined',
    label: 'title twice + dateline',
    docs: [
      ...originals,
      ...copies('re-headlined', (a, _random, i) => ({
        paragraphs: [a.title, `${DATELINES[i % DATELINES.length]} ${a.paragraphs[0]!}`, ...a.paragraphs.slice(1)]
      }))
    ]
  })
  cases.push({
    group: 're-headlined',
    label: 'new headline + dateline',
    docs: [
      ...originals,
      ...copies('new-headline', (a, _random, i) => ({
        title: `${a.title.split(' ').slice(0, 3).join(' ')}: what we know`,
        paragraphs: [`${DATELINES[i % DATELINES.length]} ${a.paragraphs[0]!}`, ...a.paragraphs.slice(1)]
      }))
    ]
  })
  for (const swaps of [1, 2]) {
    const label = `${swaps} adjacent pair${swaps > 1 ? 's' : ''} swapped`
    cases.push({
      group: 'swapped',
      label,
      docs: [...originals, ...copies(label, (a, random) => ({paragraphs: swapAdjacent(a.paragraphs, swaps, random)}))]
    })
  }
  cases.push(...lookalikes(source))
  return cases
}

function lookalikes(source: SweepSource): SweepCase[] {
  const cases: SweepCase[] = []
  const stories: SweepDoc[] = source.stories.flatMap(([a, b], i) => [
    {
      path: `gazette/story-${i}-${a.slug}.txt`,
      text: page(ORIGIN, a.title, '2024-03-01', a.paragraphs),
      article: null,
      lookalike: `story ${i}`
    },
    {
      path: `${SITES[i % SITES.length]!.slug}/story-${i}-${b.slug}.txt`,
      text: page(SITES[i % SITES.length]!, b.title, '2024-03-01', b.paragraphs),
      article: null,
      lookalike: `story ${i}`
    }
  ])
  cases.push({group: 'look-alikes', label: 'same story, two outlets', docs: stories})
  // A follow-up: text of its own, with one paragraph of the first report quoted.
  const followUps: SweepDoc[] = []
  const count = Math.min(source.articles.length, source.spare.length)
  for (let i = 0; i < count; i++) {
    const first = source.articles[i]!
    const own = source.spare[i]!
    const quoted = first.paragraphs[Math.min(1, first.paragraphs.length - 1)]!
    followUps.push(
      {
        path: `gazette/2024-03-01-first-${i}.txt`,
        text: page(ORIGIN, first.title, '2024-03-01', first.paragraphs),
        article: null,
        lookalike: `follow-up ${i}`
      },
      {
        path: `gazette/2024-03-08-follow-up-${i}.txt`,
        text: page(ORIGIN, own.title, '2024-03-08', [
          own.paragraphs[0]!,
          `As we reported last week: “${quoted}”`,
          ...own.paragraphs.slice(1)
        ]),
        article: null,
        lookalike: `follow-up ${i}`
      }
    )
  }
  if (followUps.length > 0) cases.push({group: 'look-alikes', label: 'follow-up quoting the first', docs: followUps})
  for (const {site, pages} of source.sites) {
    cases.push({
      group: 'look-alikes',
      label: `real pages of one site (${site})`,
      docs: pages.map((p) => ({...p, article: null, lookalike: site}))
    })
  }
  return cases
}

/** The sweep from our own texts (bench/dedup/texts): what the tests run. */
export function ownSource(): SweepSource {
  const {articles, briefs} = loadArticles()
  // Follow-ups' own text: two briefs each, so no brief is in two follow-ups.
  const spare: Article[] = []
  for (let i = 0; i + 1 < briefs.length; i += 2) {
    spare.push({
      slug: `follow-up-${i / 2}`,
      title: briefs[i]!.title,
      paragraphs: [briefs[i]!.paragraphs[0]!, briefs[i + 1]!.paragraphs[0]!]
    })
  }
  const dir = join(textsDir(), 'same-story')
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('-a.txt'))
    .sort()
  const stories = files.map(
    (f) => [readArticle(join(dir, f)), readArticle(join(dir, f.replace(/-a\.txt$/, '-b.txt')))] as [Article, Article]
  )
  return {name: 'our texts (bench/dedup/texts)', articles, spare, stories, sites: []}
}

function readArticle(file: string): Article {
  const [title, ...paragraphs] = readFileSync(file, 'utf8')
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
  return {slug: file.replace(/^.*\//, '').replace(/\.txt$/, ''), title: title!, paragraphs}
}

/**
 * Real article text from ../shared/devset (a development tool; the tests use
 * {@link ownSource}): news articles' gold text of 6–40 paragraphs and 250–1,500
 * words, `count` of them spread over the parts, the next ones as follow-ups' own
 * text; and the raw pages of each cleanportal site, as real look-alikes.
 */
export function devsetSource(devset: string, count = 60): SweepSource {
  const pool: Article[] = []
  for (const part of ['l3s-gn1', 'boilerplate', 'dragnet-more', 'cleanportal', 'wcxb']) {
    let names: string[]
    try {
      names = readdirSync(join(devset, part))
        .filter((f) => f.endsWith('.gold.txt'))
        .sort()
    } catch {
      continue
    }
    for (const name of names) {
      const article = readArticle(join(devset, part, name))
      const words = article.paragraphs.join(' ').split(/\s+/).length
      if (article.paragraphs.length >= 6 && article.paragraphs.length <= 40 && words >= 250 && words <= 1500 && article.title.length <= 150)
        pool.push({...article, slug: name.replace(/\.gold\.txt$/, '')})
    }
  }
  if (pool.length === 0) throw new Error(`no article text found in ${devset} (the sweep's --devset needs ../shared/devset)`)
  // Spread over the pool (every k-th), so every part is in.
  const step = Math.max(1, Math.floor(pool.length / (2 * count)))
  const picked = pool.filter((_, i) => i % step === 0).slice(0, 2 * count)
  const sites: SweepSource['sites'] = []
  try {
    const manifest = readFileSync(join(devset, 'cleanportal', 'manifest.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
    const bySite = new Map<string, string[]>()
    for (const line of manifest) {
      // cp_bbc.co.uk_news_01: the site and section, then the page's number.
      const name = line.split('\t')[0]!
      const site = name.replace(/^cp_/, '').replace(/_\d+$/, '')
      bySite.set(site, [...(bySite.get(site) ?? []), name])
    }
    for (const [site, names] of bySite)
      sites.push({
        site,
        pages: names.map((name) => ({
          path: `${site}/${name}.txt`,
          text: readFileSync(join(devset, 'cleanportal', `${name}.raw.txt`), 'utf8')
        }))
      })
  } catch {
    // no cleanportal part: no real same-site pages
  }
  return {
    name: `devset gold text (${picked.length / 2} articles)`,
    articles: picked.slice(0, count),
    spare: picked.slice(count),
    stories: ownSource().stories,
    sites
  }
}

export interface CaseResult {
  sweepCase: SweepCase
  /** Copies clustered with their original, of all copies. */
  found: number
  copies: number
  /** Pairs put in one cluster, and how many of them are copies of one article. */
  predictedPairs: number
  truePairs: number
  /** Pairs of look-alikes merged. */
  lookalikesMerged: number
  lookalikePairs: number
  falseMerges: string[]
}

/** Scores one case from the cluster of each document. */
export function scoreCase(sweepCase: SweepCase, clusterOf: ReadonlyMap<string, string>): CaseResult {
  const docs = sweepCase.docs
  const byArticle = new Map<string, SweepDoc[]>()
  for (const doc of docs) if (doc.article) byArticle.set(doc.article, [...(byArticle.get(doc.article) ?? []), doc])
  let found = 0
  let copies = 0
  for (const group of byArticle.values()) {
    for (const copy of group.slice(1)) {
      copies++
      if (clusterOf.get(copy.path) === clusterOf.get(group[0]!.path)) found++
    }
  }
  let predictedPairs = 0
  let truePairs = 0
  let lookalikesMerged = 0
  let lookalikePairs = 0
  const falseMerges: string[] = []
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i]!
      const b = docs[j]!
      const same = clusterOf.get(a.path) === clusterOf.get(b.path)
      const truth = a.article !== null && a.article === b.article
      if (a.lookalike && a.lookalike === b.lookalike) {
        lookalikePairs++
        if (same) lookalikesMerged++
      }
      if (!same) continue
      predictedPairs++
      if (truth) truePairs++
      else falseMerges.push(`${a.path} ~ ${b.path}`)
    }
  }
  return {sweepCase, found, copies, predictedPairs, truePairs, lookalikesMerged, lookalikePairs, falseMerges}
}

/** Exact Jaccard of the 5-word shingle sets of each original body and its copy's (the S-curve's x). */
export function copyJaccards(sweepCase: SweepCase, shingleSize: number): number[] {
  const out: number[] = []
  const byArticle = new Map<string, SweepDoc[]>()
  for (const doc of sweepCase.docs) if (doc.article) byArticle.set(doc.article, [...(byArticle.get(doc.article) ?? []), doc])
  for (const [original, ...rest] of byArticle.values()) {
    const a = shingles(original!.text, shingleSize).sort()
    for (const copy of rest) out.push(exactJaccard(a, shingles(copy.text, shingleSize).sort()).jaccard)
  }
  return out
}

const fmt = (x: number, digits = 2): string => x.toFixed(digits)

/** The sweep as tables a reader can follow. */
export function formatSweep(results: readonly CaseResult[], lsh: {bands: number; rows: number; shingleSize: number}): string {
  const lines: string[] = []
  const recall = (r: CaseResult): string => `${fmt(r.found / Math.max(1, r.copies))} (${r.found}/${r.copies})`
  const edits = results.filter((r) => r.sweepCase.group === 'edits')
  if (edits.length > 0) {
    lines.push(`Recall by edit rate (copies clustered with their original; columns: sentences dropped)`)
    const jHeader = `J (${lsh.shingleSize}-shingles, median / 10th pct)`
    lines.push(
      `  words changed | ${DROPPED.map((d) => `${d} dropped`.padEnd(14)).join(' | ')} | ${jHeader} | P(candidate) at median / 10th`
    )
    for (const rate of EDIT_RATES) {
      const row = edits.filter((r) => r.sweepCase.editRate === rate)
      const js = row.flatMap((r) => copyJaccards(r.sweepCase, lsh.shingleSize)).sort((x, y) => x - y)
      const median = js[Math.floor(js.length / 2)] ?? 0
      const low = js[Math.floor(js.length / 10)] ?? 0
      lines.push(
        `  ${`${Math.round(rate * 100)}%`.padEnd(13)} | ${row.map((r) => recall(r).padEnd(14)).join(' | ')} | ${`${fmt(median)} / ${fmt(low)}`.padEnd(jHeader.length)} | ${fmt(sCurve(median, lsh.bands, lsh.rows))} / ${fmt(sCurve(low, lsh.bands, lsh.rows))}`
      )
    }
  }
  for (const group of ['truncated', 're-headlined', 'swapped'] as const) {
    const rows = results.filter((r) => r.sweepCase.group === group)
    if (rows.length === 0) continue
    lines.push(`Recall, ${group}:`)
    for (const r of rows) lines.push(`  ${r.sweepCase.label.padEnd(28)} ${recall(r)}`)
  }
  const looks = results.filter((r) => r.sweepCase.group === 'look-alikes')
  lines.push('Look-alikes merged (pairs):')
  for (const r of looks) lines.push(`  ${r.sweepCase.label.padEnd(40)} ${r.lookalikesMerged} of ${r.lookalikePairs}`)
  const copyCases = results.filter((r) => r.sweepCase.group !== 'look-alikes')
  const templatePairs = copyCases.reduce((n, r) => n + r.falseMerges.length, 0)
  lines.push(`  ${'other articles in one site template'.padEnd(40)} ${templatePairs} merged (over all copy cases)`)
  const predicted = results.reduce((n, r) => n + r.predictedPairs, 0)
  const right = results.reduce((n, r) => n + r.truePairs, 0)
  lines.push(
    `Pairwise precision over all cases: ${fmt(right / Math.max(1, predicted), 3)} (${right} of ${predicted} pairs put together are copies)`
  )
  const falses = results.flatMap((r) => r.falseMerges)
  if (falses.length > 0) lines.push(`False merges (first 10):\n  ${falses.slice(0, 10).join('\n  ')}`)
  return lines.join('\n')
}

/** The figures the targets are stated in. */
export function sweepSummary(results: readonly CaseResult[]): {
  editsUpTo8: number
  truncatedFrom40: number
  reheadlined: number
  swapped: number
  precision: number
  lookalikesMerged: number
} {
  const share = (rows: readonly CaseResult[]): number =>
    rows.reduce((n, r) => n + r.found, 0) /
    Math.max(
      1,
      rows.reduce((n, r) => n + r.copies, 0)
    )
  const predicted = results.reduce((n, r) => n + r.predictedPairs, 0)
  return {
    editsUpTo8: share(results.filter((r) => r.sweepCase.group === 'edits' && r.sweepCase.editRate! <= 0.08)),
    truncatedFrom40: share(results.filter((r) => r.sweepCase.group === 'truncated' && !r.sweepCase.label.startsWith('30%'))),
    reheadlined: share(results.filter((r) => r.sweepCase.group === 're-headlined')),
    swapped: share(results.filter((r) => r.sweepCase.group === 'swapped')),
    precision: results.reduce((n, r) => n + r.truePairs, 0) / Math.max(1, predicted),
    lookalikesMerged:
      results.reduce((n, r) => n + r.lookalikesMerged, 0) +
      results.filter((r) => r.sweepCase.group !== 'look-alikes').reduce((n, r) => n + r.falseMerges.length, 0)
  }
}
