/**
 * The barrier for corpus stages: run each corpus stage's `collect` over every
 * document (with the stages before it applied), then `build` its index, in
 * pipeline order, so a later corpus stage collects from text that earlier
 * corpus stages already cleaned. Only signatures are kept, never texts.
 */
import {createHash} from 'node:crypto'
import pLimit from 'p-limit'
import type {Cluster} from './types.js'
import {traceTo, type Trace} from './clean-document.js'
import {forEachLimited} from './limited.js'
import type {ConfiguredStage, DropDecision, SnapshotScope} from './stage.js'
import {watchAt, watchCode} from './watch-point.js'

export interface CorpusDocument {
  path: string
  text: string
  /** Its site, when its runner knows it (see StageInput.site). */
  site?: string | undefined
}

export function hasCorpusStages(stages: readonly ConfiguredStage[]): boolean {
  return stages.some((stage) => stage.corpus)
}

/** One document's signature for a corpus stage, and the trace of the stages before it (or that trace serialized). */
export interface Collected {
  signature: unknown
  trace?: Trace | string | undefined
}

/**
 * Collect one source's signature for the corpus stage at `stageIndex` (in
 * process, or in a worker). A source is a text, or a file the collector reads;
 * undefined means it cannot be read (it is reported when it is cleaned).
 * `withTrace` false: no trace is wanted (only the last corpus stage's is replayed).
 */
export type Collector<Source = CorpusDocument> = (stageIndex: number, source: Source, withTrace?: boolean) => Promise<Collected | undefined>

export function collectInProcess(stages: readonly ConfiguredStage[]): Collector {
  return async (stageIndex, document, withTrace = true) => collectDocument(stages, stageIndex, document, withTrace)
}

/**
 * One document's signature for the corpus stage at `stageIndex`, with the trace
 * of the stages before it (left out with `withTrace` false: the stage's
 * `prepare` is then not run either).
 */
export function collectDocument(
  stages: readonly ConfiguredStage[],
  stageIndex: number,
  document: CorpusDocument,
  withTrace = true
): Collected & {trace?: Trace | undefined} {
  const {input, trace} = traceTo(document.text, stages, stageIndex, document, withTrace)
  const stage = stages[stageIndex]!
  watchAt(watchCode(stage.name))
  return {signature: stage.corpus!.collect(input), trace: withTrace ? trace : undefined}
}

/** How a batch is collected: by whom, how many at once, and what the caller hears. */
export interface CorpusRun<Source extends {path: string}> {
  /**
   * Collects each source. It must see the indexes of the corpus stages before the
   * one it collects for: its `refresh()` is called before each corpus stage (a
   * worker pool shares the indexes built so far with its threads).
   */
  collector?: {collect: Collector<Source>; refresh?(): void}
  concurrency?: number
  /**
   * Given each document's trace up to the last corpus stage, for the final pass to
   * replay. Without it no trace is asked for.
   */
  onTrace?: (source: Source, trace: Trace | string) => void
  /** After each source is collected (`read`), or found unreadable (it is then left out of the index). */
  onCollected?: (stageIndex: number, source: Source, read: boolean) => void
  /** Stop starting sources when it aborts; no index is then built. */
  signal?: AbortSignal | undefined
}

/**
 * `documents` is called once per corpus stage and must yield the same documents
 * each time. True when every corpus index was built; false when the signal
 * stopped collection first.
 */
export async function buildCorpus<Source extends {path: string} = CorpusDocument>(
  stages: readonly ConfiguredStage[],
  documents: () => AsyncIterable<Source> | Iterable<Source>,
  run: CorpusRun<Source> = {}
): Promise<boolean> {
  const collector = run.collector ?? {collect: collectInProcess(stages) as unknown as Collector<Source>}
  const last = stages.findLastIndex((stage) => stage.corpus)
  for (let k = 0; k < stages.length; k++) {
    const corpus = stages[k]!.corpus
    if (!corpus) continue
    collector.refresh?.()
    const signatures = new Map<string, unknown>()
    await forEachLimited(
      documents(),
      pLimit(run.concurrency ?? 1),
      async (document) => {
        const collected = await collector.collect(k, document, k === last && run.onTrace !== undefined)
        run.onCollected?.(k, document, collected !== undefined)
        if (!collected) return
        signatures.set(document.path, collected.signature)
        if (collected.trace) run.onTrace?.(document, collected.trace)
      },
      run.signal
    )
    // A partial batch would make a wrong index (and a persistent one would keep it).
    if (run.signal?.aborted) return false
    corpus.build(signatures)
  }
  return true
}

/** Snapshots of every built corpus stage, by stage index. */
export function corpusSnapshots(stages: readonly ConfiguredStage[], scope: SnapshotScope = 'whole'): Array<[number, unknown]> {
  return stages.flatMap((stage, index) => (stage.corpus ? [[index, stage.corpus.snapshot(scope)] as [number, unknown]] : []))
}

/** The first corpus stage that drops a document, if any. */
export function dropDecision(stages: readonly ConfiguredStage[], path: string, site?: string): DropDecision | undefined {
  for (const stage of stages) {
    const decision = stage.corpus?.drop?.(path, site)
    if (decision) return decision
  }
  return undefined
}

export function corpusClusters(stages: readonly ConfiguredStage[]): Cluster[] {
  return stages.flatMap((stage) => stage.corpus?.clusters?.() ?? [])
}

/** A stable hash of what the corpus stages learnt: equal means every file would come out the same. */
export function fingerprintCorpus(stages: readonly ConfiguredStage[]): string {
  const hash = createHash('sha256')
  for (const stage of stages) if (stage.corpus) hash.update(stage.name).update(stage.corpus.fingerprint())
  return hash.digest('hex').slice(0, 16)
}
