/**
 * Near-duplicate benchmark for the corpus dedup engine.
 *
 *   node bench/dedup/run.js                 labelled benchmark: pairwise P/R/F1, recall per variation, hard negatives
 *   node bench/dedup/run.js --docs 10000    throughput on N synthetic ~5 KB documents (comma list allowed)
 *   node bench/dedup/run.js --docs 20000 --store   … plus the SQLite index: two batches, commit and prior-lookup timings
 *   node bench/dedup/run.js --sweep [--devset [--articles 60]]   recall by edit rate, truncation, re-headlining, swaps; look-alikes
 */
import {rmSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {
  collect,
  DedupIndex,
  DedupStore,
  resolveOptions,
  sCurve,
  type CorpusDedupOptions,
  type KeepPolicy
} from '../../src/stages/dedup/corpus/index.js'
import {
  buildBenchmark,
  COPY_KINDS,
  lightEdits,
  loadArticles,
  makeRandom,
  page,
  reflow,
  truncate,
  vocabularyOf,
  type BenchDoc,
  type Kind
} from './corpus.js'
import {SITES} from './templates.js'
import {buildSweep, devsetSource, formatSweep, ownSource, scoreCase, sweepSummary, type CaseResult} from './sweep.js'
import {clusterWithEngine, clusterWithPipeline, type Outcome} from './cluster.js'
import {DEFAULT_PIPELINE} from '../../src/library/pipeline.js'

const args = process.argv.slice(2)
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

function fmt(x: number, digits = 3): string {
  return x.toFixed(digits)
}

/**
 * By default the benchmark measures what `rinse run` does: the default pipeline
 * (normalize, boilerplate, repair, then dedup over the cleaned text), with the
 * engine options given. `--engine-only` feeds the raw texts to the engine.
 */
async function runEngine(docs: BenchDoc[], options: CorpusDedupOptions, policy: KeepPolicy): Promise<Outcome> {
  return args.includes('--engine-only') ? clusterWithEngine(docs, options, policy) : clusterWithPipeline(docs, options, policy)
}

/** The dedup options of the default pipeline, overridden by DEDUP_OPTIONS (JSON). */
function defaultOptions(): CorpusDedupOptions {
  const entry = DEFAULT_PIPELINE.stages.find((stage) => typeof stage === 'object' && 'dedup' in stage) as {dedup: {documents: object}}
  const {policy: _policy, ...documents} = entry.dedup.documents as {policy?: string}
  return resolveOptions({...documents, ...(JSON.parse(process.env.DEDUP_OPTIONS ?? '{}') as object)})
}

async function labelled(): Promise<void> {
  const options = defaultOptions()
  const docs = buildBenchmark()
  const policy = (flag('--policy') as KeepPolicy | undefined) ?? 'earliest'
  const t0 = performance.now()
  const out = await runEngine(docs, options, policy)
  const ms = performance.now() - t0
  let tp = 0
  let fp = 0
  let fn = 0
  let hardNegatives = 0
  let hardMerged = 0
  const kindPairs = new Map<Kind, {tp: number; all: number}>()
  const misses: string[] = []
  const falses: string[] = []
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i]!
      const b = docs[j]!
      const truth = a.article !== null && a.article === b.article
      const predicted = out.clusterOf.get(a.path) === out.clusterOf.get(b.path)
      if (truth && predicted) tp++
      else if (!truth && predicted) {
        fp++
        falses.push(`${a.path} ~ ${b.path}`)
      } else if (truth && !predicted) {
        fn++
        misses.push(`${a.path} ~ ${b.path}`)
      }
      if (!truth && a.site === b.site) {
        hardNegatives++
        if (predicted) hardMerged++
      }
      if (truth) {
        for (const kind of new Set([a.kind, b.kind])) {
          const entry = kindPairs.get(kind) ?? {tp: 0, all: 0}
          entry.all++
          if (predicted) entry.tp++
          kindPairs.set(kind, entry)
        }
      }
    }
  }
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall)
  const articles = new Set(docs.filter((d) => d.article !== null).map((d) => d.article)).size
  console.log(
    `Labelled benchmark: ${docs.length} documents (${articles} articles written for it, ${docs.filter((d) => d.kind === 'brief').length} briefs), ${fmt(ms, 0)} ms`
  )
  console.log(
    `options: shingles ${options.shingleSize}, ${options.numHashes} hashes (b-bit 8), LSH ${options.bands}×${options.rows}, Jaccard ≥ ${options.threshold}, containment ≥ ${options.containmentThreshold}, policy ${policy}`
  )
  console.log(
    `S-curve P(candidate | J): ${[0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((s) => `${s}→${fmt(sCurve(s, options.bands, options.rows), 2)}`).join('  ')}`
  )
  console.log(`pairwise: TP ${tp}  FP ${fp}  FN ${fn}   precision ${fmt(precision)}  recall ${fmt(recall)}  F1 ${fmt(f1)}`)
  console.log(`hard negatives (same site template, different text): ${hardMerged} merged of ${hardNegatives} pairs`)
  console.log('recall per variation kind (pairs with ≥ 1 document of that kind | copies clustered with their original):')
  for (const kind of ['original', ...COPY_KINDS] as Kind[]) {
    const e = kindPairs.get(kind)
    if (!e) continue
    const copies = docs.filter((d) => d.kind === kind)
    const withOriginal = copies.filter((d) => {
      const original = docs.find((o) => o.kind === 'original' && o.article === d.article)!
      return out.clusterOf.get(d.path) === out.clusterOf.get(original.path)
    }).length
    console.log(`  ${kind.padEnd(11)} pairs ${fmt(e.tp / e.all)} (${e.tp}/${e.all})   copies ${withOriginal}/${copies.length}`)
  }
  const keptOriginal = docs.filter((d) => d.kind === 'original' && out.keptOf.get(d.path) === d.path).length
  console.log(`kept copy is the original (policy ${policy}): ${keptOriginal}/${articles}`)
  if (falses.length) console.log(`false merges (first 10):\n  ${falses.slice(0, 10).join('\n  ')}`)
  if (misses.length) console.log(`missed pairs (first 10):\n  ${misses.slice(0, 10).join('\n  ')}`)

  // Determinism: the same clusters whatever the input order.
  const shuffled = [...docs]
  const random = makeRandom(99)
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
  }
  const again = await runEngine(shuffled, options, policy)
  const reversed = await runEngine([...docs].reverse(), options, policy)
  console.log(
    `same clusters for shuffled and reversed input: ${again.clustersJson === out.clustersJson && reversed.clustersJson === out.clustersJson}`
  )
  // Sensitivity: how much editing a copy survives (template copy + edits at each rate, vs the original).
  const texts = loadArticles().articles
  const vocabulary = vocabularyOf(texts)
  const sweep: string[] = []
  for (const rate of [0.02, 0.04, 0.06, 0.08, 0.1, 0.15]) {
    const sweepDocs: BenchDoc[] = []
    const r = makeRandom(1234)
    texts.forEach((a, i) => {
      sweepDocs.push({
        path: `o/${a.slug}`,
        text: page(SITES[0]!, a.title, '2024-01-01', a.paragraphs),
        article: i,
        kind: 'original',
        site: 'o'
      })
      for (let c = 0; c < 4; c++) {
        const site = SITES[1 + (c % 4)]!
        sweepDocs.push({
          path: `c${c}/${a.slug}`,
          text: page(site, a.title, '2024-01-02', lightEdits(a.paragraphs, r, vocabulary, rate)),
          article: i,
          kind: 'edits',
          site: site.slug
        })
      }
    })
    const res = await runEngine(sweepDocs, options, policy)
    const hit = sweepDocs.filter(
      (d) => d.kind === 'edits' && res.clusterOf.get(d.path) === res.clusterOf.get(`o/${texts[d.article!]!.slug}`)
    ).length
    sweep.push(`${Math.round(rate * 100)}%→${fmt(hit / (texts.length * 4), 2)}`)
  }
  console.log(`edit-rate sweep (share of words edited → copies found, other site template): ${sweep.join('  ')}`)
  const ok = precision >= 0.98 && recall >= 0.95 && hardMerged === 0
  console.log(ok ? 'targets met (P ≥ 0.98, R ≥ 0.95, no hard negative merged)' : 'TARGETS NOT MET')
  if (!ok) process.exitCode = 1
}

// ---------------------------------------------------------------- synthetic

interface Synth {
  /** Document i; `family` is the index of the generated text it carries (itself, or the source it copies). */
  next(i: number): {path: string; text: string; family: number}
}

function synthesizer(duplicateShare: number): Synth {
  const {articles} = loadArticles()
  const words = articles.flatMap(
    (a) =>
      a.paragraphs
        .join(' ')
        .toLowerCase()
        .match(/[a-z']+/g) ?? []
  )
  const vocabulary = [...new Set(words)]
  const bag = words // sampling from the running text = frequency-weighted
  const makeDoc = (i: number): string[] => {
    const random = makeRandom(0x51ed + i * 7919)
    const paragraphs: string[] = []
    let chars = 0
    while (chars < 4800) {
      const sentences: string[] = []
      const count = 3 + Math.floor(random() * 4)
      for (let s = 0; s < count; s++) {
        const length = 8 + Math.floor(random() * 15)
        const parts: string[] = []
        for (let w = 0; w < length; w++) parts.push(bag[Math.floor(random() * bag.length)]!)
        const sentence = parts.join(' ')
        sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.')
      }
      const paragraph = sentences.join(' ')
      chars += paragraph.length + 2
      paragraphs.push(paragraph)
    }
    return paragraphs
  }
  const families: number[] = []
  return {
    next(i: number) {
      const random = makeRandom(0xd0c + i)
      if (i > 10 && random() < duplicateShare) {
        const source = families[Math.floor(random() * i)]!
        families[i] = source
        const body = makeDoc(source)
        const site = SITES[i % SITES.length]!
        const r = random()
        const variant =
          r < 0.25 ? body : r < 0.5 ? lightEdits(body, random, vocabulary) : r < 0.75 ? truncate(body, random) : reflow(body, 60, false)
        return {path: `synthetic/${site.slug}/doc-${i}.txt`, text: page(site, `Document ${source}`, '2024-01-01', variant), family: source}
      }
      families[i] = i
      return {path: `synthetic/origin/doc-${i}.txt`, text: makeDoc(i).join('\n\n'), family: i}
    }
  }
}

/** CPU milliseconds of this process so far: on a machine shared with other work, wall time says more about the others. */
function cpuNow(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

function memoryNow(): number {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

function throughput(n: number, withStore: boolean): void {
  const options = resolveOptions(JSON.parse(process.env.DEDUP_OPTIONS ?? '{}') as object)
  const synth = synthesizer(0.1)
  global.gc?.()
  const baseline = memoryNow()
  let peak = 0
  let genMs = 0
  let collectMs = 0
  let addMs = 0
  let stageCpuMs = 0
  let bytes = 0
  const half = Math.floor(n / 2)
  const dbFile = join(tmpdir(), `rinse-dedup-bench-${process.pid}.db`)
  let store: DedupStore | undefined
  let index = new DedupIndex(options, {batch: withStore ? 1 : 0})
  let storeReport = ''
  if (withStore) {
    rmSync(dbFile, {force: true})
    store = DedupStore.open(dbFile, options)
    index = new DedupIndex(options, {batch: store.beginBatch('first-half')})
  }
  const familyOf = new Int32Array(n)
  const pathOf: string[] = []
  for (let i = 0; i < n; i++) {
    if (withStore && i === half) {
      // Close batch 1 and start batch 2 against the stored index.
      const d0 = performance.now()
      index.clusters()
      const c0 = performance.now()
      store!.commit(index)
      const c1 = performance.now()
      storeReport += `batch 1: ${half} docs, decide ${fmt(c0 - d0, 0)} ms, commit ${fmt(c1 - c0, 0)} ms (${fmt(half / ((c1 - c0) / 1000), 0)} docs/s)\n`
      index = new DedupIndex(options, {batch: store!.beginBatch('second-half')})
    }
    const g0 = performance.now()
    const doc = synth.next(i)
    familyOf[i] = doc.family
    pathOf[i] = doc.path
    const g1 = performance.now()
    const cpu0 = cpuNow()
    const sig = collect(doc, options)
    const g2 = performance.now()
    index.add(sig)
    const g3 = performance.now()
    stageCpuMs += cpuNow() - cpu0
    genMs += g1 - g0
    collectMs += g2 - g1
    addMs += g3 - g2
    bytes += doc.text.length
    if ((i & 1023) === 0) peak = Math.max(peak, memoryNow())
  }
  let loadMs = 0
  let loaded = 0
  if (withStore) {
    const l0 = performance.now()
    loaded = store!.loadPrior(index)
    loadMs = performance.now() - l0
  }
  const d0 = performance.now()
  const cpu0 = cpuNow()
  const clusters = index.clusters()
  const decideMs = performance.now() - d0
  stageCpuMs += cpuNow() - cpu0
  peak = Math.max(peak, memoryNow())
  const stats = index.stats()
  const mem = index.memory()
  const stageMs = collectMs + addMs + decideMs
  const dropped = [...index.decisions().values()].filter((d) => d.action === 'drop').length
  console.log(
    `--docs ${n}: ${fmt(bytes / n / 1024, 1)} KB/doc average, ${fmt(bytes / 1e6, 0)} MB text (generation ${fmt(genMs / 1000, 1)} s, not counted)`
  )
  console.log(
    `  signatures (collect): ${fmt(collectMs / 1000, 2)} s = ${fmt(n / (collectMs / 1000), 0)} docs/s (${fmt(bytes / 1e6 / (collectMs / 1000), 1)} MB/s)`
  )
  console.log(`  index add: ${fmt(addMs, 0)} ms; decide (exact + LSH + verify + clusters + passages): ${fmt(decideMs, 0)} ms`)
  console.log(
    `  whole stage: ${fmt(stageMs / 1000, 2)} s = ${fmt(n / (stageMs / 1000), 0)} docs/s, single thread; CPU time ${fmt(stageCpuMs / 1000, 2)} s = ${fmt(n / (stageCpuMs / 1000), 0)} docs per CPU second (load average ${fmt(loadavg()[0]!, 1)} on ${availableParallelism()} cores)`
  )
  console.log(
    `  candidates ${stats.candidatePairs}, verified ${stats.verifiedPairs}, jaccard edges ${stats.jaccardEdges}, containment edges ${stats.containmentEdges}, exact groups ${stats.exactGroups}`
  )
  console.log(`  clusters: ${stats.documentClusters} document, ${stats.passageClusters} passage; dropped ${dropped}`)
  console.log(
    `  index memory: ${fmt(mem.bytesPerDoc, 0)} B/doc in use (${fmt(mem.passagesPerDoc, 1)} passages/doc), ${fmt(mem.allocatedPerDoc, 0)} B/doc allocated, + path strings ~${fmt(mem.pathBytesPerDoc, 0)} B/doc`
  )
  console.log(
    `  heap+arrayBuffers: peak ${fmt(peak / 1e6, 1)} MB, growth over baseline ${fmt((peak - baseline) / 1e6, 1)} MB (${fmt((peak - baseline) / n, 0)} B/doc incl. decision maps and garbage)`
  )
  if (!withStore) {
    // Ground truth of the synthetic corpus: copies should share their source's cluster, nothing else should.
    const decisions = index.decisions()
    const clusterOf = (i: number): string => decisions.get(pathOf[i]!)?.clusterId ?? `self:${i}`
    let copies = 0
    let found = 0
    const familiesIn = new Map<string, Set<number>>()
    for (let i = 0; i < n; i++) {
      if (familyOf[i] !== i) {
        copies++
        if (clusterOf(i) === clusterOf(familyOf[i]!)) found++
      }
      const c = clusterOf(i)
      if (!c.startsWith('self:')) {
        const set = familiesIn.get(c) ?? new Set<number>()
        set.add(familyOf[i]!)
        familiesIn.set(c, set)
      }
    }
    const mixed = [...familiesIn.values()].filter((set) => set.size > 1).length
    console.log(
      `  synthetic truth: ${found}/${copies} copies clustered with their source (recall ${fmt(found / Math.max(1, copies))}); clusters mixing different sources: ${mixed}`
    )
  }
  if (withStore) {
    const s = store!.stats()
    storeReport += `batch 2: loadPrior ${fmt(loadMs, 0)} ms (${loaded} earlier documents are candidates)\n`
    const c0 = performance.now()
    store!.commit(index)
    storeReport += `batch 2: commit ${fmt(performance.now() - c0, 0)} ms; file ${fmt(s.fileBytes / 1e6, 1)} MB after batch 1 (${fmt(s.fileBytes / Math.max(1, s.documents), 0)} B/doc on disk)\n`
    store!.close()
    rmSync(dbFile, {force: true})
    rmSync(`${dbFile}-wal`, {force: true})
    rmSync(`${dbFile}-shm`, {force: true})
    console.log(storeReport.trimEnd().replace(/^/gm, '  store '))
  }
  void clusters
}

/** The sweep (sweep.ts): from our texts, or with --devset from real article text of ../shared/devset. */
async function sweep(): Promise<void> {
  const options = defaultOptions()
  const policy = (flag('--policy') as KeepPolicy | undefined) ?? 'earliest'
  const devset = join(process.cwd(), '../shared/devset')
  const source = args.includes('--devset') ? devsetSource(devset, Number(flag('--articles') ?? 60)) : ownSource()
  const t0 = performance.now()
  const results: CaseResult[] = []
  for (const sweepCase of buildSweep(source)) {
    const out = await runEngine(sweepCase.docs as BenchDoc[], options, policy)
    results.push(scoreCase(sweepCase, out.clusterOf))
  }
  console.log(
    `Near-duplicate sweep on ${source.name}, ${results.length} batches, ${fmt((performance.now() - t0) / 1000, 1)} s; shingles ${options.shingleSize}, LSH ${options.bands}×${options.rows}, Jaccard ≥ ${options.threshold}, containment ≥ ${options.containmentThreshold}`
  )
  console.log(formatSweep(results, options))
  const s = sweepSummary(results)
  console.log(
    `targets: recall ≤ 8% words changed ${fmt(s.editsUpTo8)} (≥ 0.95), truncated to ≥ 40% ${fmt(s.truncatedFrom40)} (≥ 0.95), re-headlined ${fmt(s.reheadlined)} (≥ 0.95), swapped ${fmt(s.swapped)} (≥ 0.95), precision ${fmt(s.precision)} (≥ 0.98), look-alikes merged ${s.lookalikesMerged} (0)`
  )
}

const docsArg = flag('--docs')
if (args.includes('--sweep')) {
  await sweep()
} else if (docsArg) {
  for (const n of docsArg.split(',').map(Number)) throughput(n, args.includes('--store'))
} else {
  await labelled()
}
