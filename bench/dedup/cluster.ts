/** Runs documents through the default pipeline (or the engine alone) and reads back which cluster each landed in. */
import {collect, DedupIndex, type CorpusDedupOptions, type KeepPolicy} from '../../src/stages/dedup/corpus/index.js'
import {corpusClusters} from '../../src/engine/corpus.js'
import {createPipeline, DEFAULT_PIPELINE} from '../../src/library/pipeline.js'

export interface Outcome {
  /** Document path → its cluster id (`self:PATH` for a document in no cluster). */
  clusterOf: Map<string, string>
  clustersJson: string
  keptOf: Map<string, string>
}

/**
 * What `rinse run` does: the default pipeline (normalize, boilerplate, repair,
 * then dedup over the cleaned text), with these engine options.
 */
export async function clusterWithPipeline(
  docs: ReadonlyArray<{path: string; text: string}>,
  options: Partial<CorpusDedupOptions>,
  policy: KeepPolicy
): Promise<Outcome> {
  const stages = DEFAULT_PIPELINE.stages.map((stage) =>
    typeof stage === 'object' && 'dedup' in stage ? {dedup: {...stage.dedup, documents: {...options, policy}}} : stage
  )
  const pipeline = createPipeline({stages})
  await pipeline.prepare(() => docs.map((doc) => ({path: doc.path, text: doc.text})))
  const clusters = corpusClusters(pipeline.stages).filter((cluster) => cluster.kind === 'document')
  const clusterOf = new Map<string, string>(docs.map((doc) => [doc.path, `self:${doc.path}`]))
  const keptOf = new Map<string, string>(docs.map((doc) => [doc.path, doc.path]))
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      clusterOf.set(member.path, cluster.id)
      keptOf.set(member.path, cluster.kept.path)
    }
  }
  return {clusterOf, keptOf, clustersJson: JSON.stringify(clusters)}
}

/** The engine alone on the raw texts (no cleaning stages). */
export function clusterWithEngine(
  docs: ReadonlyArray<{path: string; text: string}>,
  options: CorpusDedupOptions,
  policy: KeepPolicy
): Outcome {
  const index = new DedupIndex(options)
  for (const doc of docs) index.add(collect({path: doc.path, text: doc.text}, options))
  const clusters = index.clusters(policy)
  const clusterOf = new Map<string, string>()
  const keptOf = new Map<string, string>()
  for (const [path, d] of index.decisions(policy)) {
    clusterOf.set(path, d.clusterId ?? `self:${path}`)
    keptOf.set(path, d.keptPath)
  }
  return {clusterOf, keptOf, clustersJson: JSON.stringify(clusters)}
}
