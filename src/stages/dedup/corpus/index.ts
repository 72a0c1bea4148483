/**
 * Cross-document near-duplicate engine: exact hash, MinHash + LSH,
 * containment, passages, keep policy, persistent index.
 *
 * Three steps, corpus-barrier friendly:
 *   collect(doc, options)      per document, parallel-safe → DocSignature (~300 bytes)
 *   index.add(signature)       all documents of the run (+ store.loadPrior for earlier batches)
 *   index.clusters()/decisions()  after the barrier
 */
export {collect, signature, splitBlocks, type CorpusDocument, type DocSignature} from './collect.js'
export {
  DedupIndex,
  type Cluster,
  type ClusterMember,
  type Decision,
  type DecideStats,
  type IndexMemory,
  type PassageDecision
} from './dedup-index.js'
export {DedupStore, type StoreStats} from './store.js'
export {
  DEFAULT_CORPUS_DEDUP,
  resolveOptions,
  type CorpusDedupInput,
  type CorpusDedupOptions,
  type CopyGuardOptions,
  type KeepPolicy,
  type PassageOptions
} from './options.js'
export {sCurve, lshThreshold} from './lsh.js'
export {dateFromPath} from './policy.js'
