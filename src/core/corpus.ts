/**
 * The barrier for corpus stages: run each corpus stage's `collect` over every
 * document (with the stages before it applied), then `build` its index, in
 * pipeline order, so a later corpus stage collects from text that earlier
 * corpus stages already cleaned. Only signatures are kept, never texts.
 */
import {createHash} from 'node:crypto'
import type {Cluster} from '../report/schema.js'
import {inputAt} from './clean-document.js'
import type {ConfiguredStage, DropDecision} from './stage.js'

export interface CorpusDocument {
  path: string
  text: string
}

export function hasCorpusStages(stages: readonly ConfiguredStage[]): boolean {
  return stages.some((stage) => stage.corpus)
}

/** `documents` is called once per corpus stage and must yield the same documents each time. */
export async function buildCorpus(
  stages: readonly ConfiguredStage[],
  documents: () => AsyncIterable<CorpusDocument> | Iterable<CorpusDocument>
): Promise<void> {
  for (let k = 0; k < stages.length; k++) {
    const corpus = stages[k]!.corpus
    if (!corpus) continue
    const before = stages.slice(0, k)
    const signatures = new Map<string, unknown>()
    for await (const document of documents()) signatures.set(document.path, corpus.collect(inputAt(document.text, before, document.path)))
    corpus.build(signatures)
  }
}

/** The first corpus stage that drops a document, if any. */
export function dropDecision(stages: readonly ConfiguredStage[], path: string): DropDecision | undefined {
  for (const stage of stages) {
    const decision = stage.corpus?.drop?.(path)
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
