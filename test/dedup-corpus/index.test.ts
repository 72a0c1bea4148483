import {describe, expect, it} from 'vitest'
import {buildBenchmark, loadArticles, page, truncate, makeRandom} from '../../bench/dedup/corpus.js'
import {SITES, ORIGIN} from '../../bench/dedup/templates.js'
import {collect, DedupIndex, resolveOptions, type Cluster, type CorpusDedupInput} from '../../src/stages/dedup/corpus/index.js'

const {articles, briefs} = loadArticles()
const body = (i: number): string => articles[i]!.paragraphs.join('\n\n')

function run(docs: Array<{path: string; text: string}>, input: CorpusDedupInput = {}, policy?: 'longest' | 'earliest' | 'first-seen') {
  const o = resolveOptions(input)
  const index = new DedupIndex(o)
  for (const d of docs) index.add(collect(d, o))
  return {index, clusters: index.clusters(policy), decisions: index.decisions(policy)}
}

describe('document clusters', () => {
  it('finds exact, normalized, templated and truncated copies, and nothing else', () => {
    const a = articles[0]!
    const docs = [
      {path: 'orig.txt', text: body(0)},
      {path: 'exact.txt', text: body(0)},
      {path: 'shout.txt', text: body(0).toUpperCase().replace(/'/g, '’')},
      {path: 'site.txt', text: page(SITES[0]!, a.title, '2024-01-01', a.paragraphs)},
      {path: 'teaser.txt', text: page(SITES[1]!, a.title, '2024-01-01', [...truncate(a.paragraphs, makeRandom(3)), 'Read more…'])},
      {path: 'other.txt', text: body(1)},
      {path: 'other-site.txt', text: page(SITES[0]!, articles[2]!.title, '2024-01-01', articles[2]!.paragraphs)}
    ]
    const {clusters, decisions} = run(docs)
    const docClusters = clusters.filter((c) => c.kind === 'document')
    expect(docClusters).toHaveLength(1)
    const members = docClusters[0]!.members.map((m) => m.path).sort()
    expect(members).toEqual(['exact.txt', 'orig.txt', 'shout.txt', 'site.txt', 'teaser.txt'])
    expect(decisions.get('other.txt')).toMatchObject({action: 'keep', clusterId: null})
    expect(decisions.get('other-site.txt')).toMatchObject({action: 'keep', clusterId: null})
    expect(decisions.get('exact.txt')!.match).not.toBeNull()
    expect(decisions.get('teaser.txt')).toMatchObject({action: 'drop', match: 'contained'})
    expect(decisions.get('teaser.txt')!.containment).toBeGreaterThanOrEqual(0.7)
  })

  it('has the report.json shape with a stable id', () => {
    const docs = [
      {path: 'b.txt', text: body(3)},
      {path: 'a.txt', text: body(3)}
    ]
    const first = run(docs).clusters
    const second = run([...docs].reverse()).clusters
    expect(first).toEqual(second)
    const c: Cluster = first[0]!
    expect(Object.keys(c).sort()).toEqual(['id', 'kept', 'kind', 'members'])
    expect(c.id).toMatch(/^d[0-9a-f]{16}$/)
    expect(c.kept).toEqual({
      path: 'a.txt',
      reason: 'same length (' + c.kept.reason.match(/\d+/)![0] + ' words besides site chrome); first by path'
    })
    expect(c.members).toEqual([
      {path: 'a.txt', similarity: 1, containment: 1},
      {path: 'b.txt', similarity: 1, containment: 1}
    ])
    // The id depends on the kept copy's content only.
    const renamed = run([
      {path: 'a.txt', text: body(3)},
      {path: 'z.txt', text: body(3)}
    ]).clusters
    expect(renamed[0]!.id).toBe(c.id)
  })

  it('keep policies: longest, earliest (date in the name), deterministic tie-break', () => {
    const a = articles[4]!
    const docs = [
      {path: 'site/2024-05-02-copy.txt', text: page(SITES[2]!, a.title, '', a.paragraphs)},
      {path: 'orig/20240501-story.txt', text: body(4)},
      {path: 'mirror/story.txt', text: body(4)}
    ]
    const longest = run(docs, {}, 'longest').clusters[0]!
    expect(longest.kept.path).toBe('site/2024-05-02-copy.txt')
    expect(longest.kept.reason).toMatch(/^longest/)
    const earliest = run(docs, {}, 'earliest').clusters[0]!
    expect(earliest.kept.path).toBe('orig/20240501-story.txt')
    expect(earliest.kept.reason).toBe('earliest date (2024-05-01)')
    const firstSeen = run(docs, {}, 'first-seen').clusters[0]!
    expect(firstSeen.kept.path).toBe('mirror/story.txt')
  })

  it('a short text contained in two different articles does not merge them', () => {
    const shared = articles[5]!.paragraphs[0]!
    const docs = [
      {path: 'one.txt', text: `${body(6)}\n\n${shared}`},
      {path: 'two.txt', text: `${body(7)}\n\n${shared}`},
      {path: 'quote.txt', text: shared}
    ]
    const {clusters} = run(docs)
    const docClusters = clusters.filter((c) => c.kind === 'document')
    expect(docClusters).toHaveLength(1)
    expect(docClusters[0]!.members.map((m) => m.path).sort()).toEqual(['one.txt', 'quote.txt'])
  })

  it('reports passages shared by otherwise different documents (report or remove)', () => {
    const shared = articles[8]!.paragraphs[1]!
    const docs = [
      {path: 'x.txt', text: `${body(9)}\n\n${shared}`},
      {path: 'y.txt', text: `${body(10)}\n\n${shared}`}
    ]
    for (const action of ['report', 'remove'] as const) {
      const {clusters, decisions} = run(docs, {passage: {action}})
      const passages = clusters.filter((c) => c.kind === 'passage')
      expect(passages).toHaveLength(1)
      expect(passages[0]!.id).toMatch(/^p[0-9a-f]{16}$/)
      const kept = passages[0]!.kept.path
      const loser = kept === 'x.txt' ? 'y.txt' : 'x.txt'
      expect(passages[0]!.members.map((m) => m.path)).toEqual([kept, loser])
      expect(decisions.get(loser)!.passages).toEqual([
        {
          block: articles[loser === 'x.txt' ? 9 : 10]!.paragraphs.length,
          words: expect.any(Number),
          clusterId: passages[0]!.id,
          keptPath: passages[0]!.kept.path,
          action
        }
      ])
      expect(decisions.get(loser)!.action).toBe('keep')
    }
  })

  it('never merges unrelated short briefs that share a site template', () => {
    const docs = briefs.map((b, i) => ({path: `brief-${i}.txt`, text: page(ORIGIN, b.title, '2024-01-01', b.paragraphs)}))
    const {clusters} = run(docs)
    expect(clusters.filter((c) => c.kind === 'document')).toHaveLength(0)
  })
})

describe('scale and determinism', () => {
  it('gives identical clusters for any input order (labelled benchmark)', () => {
    const docs = buildBenchmark(11, 1)
    const forward = run(docs).clusters
    const random = makeRandom(5)
    const shuffled = [...docs].sort(() => random() - 0.5)
    expect(run(shuffled).clusters).toEqual(forward)
    expect(run([...docs].reverse()).clusters).toEqual(forward)
  })

  it('grows past its initial capacity (thousands of documents)', () => {
    const o = resolveOptions({})
    const index = new DedupIndex(o)
    const random = makeRandom(9)
    const words = articles.flatMap((a) => a.paragraphs.join(' ').split(' '))
    for (let i = 0; i < 3000; i++) {
      const paragraphs = Array.from({length: 4}, () => Array.from({length: 40}, () => words[Math.floor(random() * words.length)]).join(' '))
      index.add(collect({path: `d${i}.txt`, text: paragraphs.join('\n\n')}, o))
      if (i % 100 === 0) index.add(collect({path: `d${i}-copy.txt`, text: paragraphs.join('\n\n')}, o))
    }
    const clusters = index.clusters().filter((c) => c.kind === 'document')
    expect(clusters).toHaveLength(30)
    expect(index.memory().bytesPerDoc).toBeLessThan(300)
    expect(index.stats().candidatePairs).toBeLessThan(5000)
  })
})
