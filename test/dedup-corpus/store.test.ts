import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {loadArticles, page} from '../../bench/dedup/corpus.js'
import {SITES} from '../../bench/dedup/templates.js'
import {collect, DedupIndex, DedupStore, resolveOptions} from '../../src/stages/dedup/corpus/index.js'

const {articles} = loadArticles()
const o = resolveOptions({})
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rinse-dedup-store-'))
})
afterEach(() => rmSync(dir, {recursive: true, force: true}))

function batch(store: DedupStore, label: string, docs: Array<{path: string; text: string}>) {
  const index = new DedupIndex(o, {batch: store.beginBatch(label)})
  for (const d of docs) index.add(collect(d, o))
  const loaded = store.loadPrior(index)
  const decisions = index.decisions()
  const clusters = index.clusters()
  return {index, loaded, decisions, clusters}
}

describe('persistent index', () => {
  it('dedupes a new batch against earlier ones; earlier batches win', () => {
    const file = join(dir, 'rinse.db')
    let store = DedupStore.open(file, o)
    const first = batch(
      store,
      'jan',
      articles.slice(0, 5).map((a, i) => ({path: `jan/${i}.txt`, text: a.paragraphs.join('\n\n')}))
    )
    expect(first.loaded).toBe(0)
    store.commit(first.index)
    store.close()

    store = DedupStore.open(file, o)
    const a = articles[2]!
    const second = batch(store, 'feb', [
      // Longer than the stored copy, but the stored one is already published.
      {path: 'feb/syndicated.txt', text: page(SITES[0]!, a.title, '2024-02-01', a.paragraphs)},
      {path: 'feb/new.txt', text: articles[6]!.paragraphs.join('\n\n')}
    ])
    expect(second.loaded).toBe(1)
    expect(second.decisions.get('feb/syndicated.txt')).toMatchObject({action: 'drop', keptPath: 'jan/2.txt'})
    expect(second.clusters.find((c) => c.kind === 'document')!.kept.reason).toMatch(/earlier batch/)
    expect(second.decisions.get('feb/new.txt')!.action).toBe('keep')
    // Decisions only for the current batch.
    expect(second.decisions.has('jan/2.txt')).toBe(false)
    store.commit(second.index)
    expect(store.stats()).toMatchObject({batches: 2, documents: 7})
    store.close()
  })

  it('re-running a batch label replaces it instead of matching itself', () => {
    const file = join(dir, 'rinse.db')
    const docs = articles.slice(0, 3).map((a, i) => ({path: `b/${i}.txt`, text: a.paragraphs.join('\n\n')}))
    for (let run = 0; run < 2; run++) {
      const store = DedupStore.open(file, o)
      const r = batch(store, 'same', docs)
      expect(r.loaded).toBe(0)
      expect([...r.decisions.values()].every((d) => d.action === 'keep')).toBe(true)
      store.commit(r.index)
      expect(store.stats().documents).toBe(3)
      store.close()
    }
  })

  it('a failure during commit leaves the index as it was', () => {
    const file = join(dir, 'rinse.db')
    const store = DedupStore.open(file, o)
    const r = batch(
      store,
      'x',
      articles.slice(0, 4).map((a, i) => ({path: `x/${i}.txt`, text: a.paragraphs.join('\n\n')}))
    )
    let calls = 0
    const original = r.index.signatureOf.bind(r.index)
    r.index.signatureOf = (id: number) => {
      if (++calls === 3) throw new Error('simulated crash')
      return original(id)
    }
    expect(() => store.commit(r.index)).toThrow('simulated crash')
    expect(store.stats()).toMatchObject({batches: 0, documents: 0})
    store.close()
  })

  it('refuses an index built with other signature options', () => {
    const file = join(dir, 'rinse.db')
    DedupStore.open(file, o).close()
    expect(() => DedupStore.open(file, {shingleSize: 4})).toThrow(/other signature options/)
    expect(() => DedupStore.open(file, {threshold: 0.6})).not.toThrow()
  })
})
