/**
 * Cross-document dedup as a corpus stage: collect a MinHash signature of each
 * document (after boilerplate removal, so shared site templates do not make two
 * articles look alike), build the index over the batch — and over earlier
 * batches with a persistent index — then drop all but one copy of each cluster
 * and report or remove passages repeated from other documents.
 */
import {createHash} from 'node:crypto'
import {resolve} from 'node:path'
import type {Block} from '../../blocks/block.js'
import type {BlockDeletion} from '../delete-blocks.js'
import type {CorpusHooks, DropDecision, SnapshotScope, StageInput} from '../../engine/stage.js'
import type {Cluster} from '../../engine/types.js'
import {countWords} from '../../blocks/words.js'
import {isProse} from '../boilerplate/block-rule.js'
import {z} from 'zod'
import {collect, DedupIndex, DedupStore, type CorpusDedupOptions, type Decision, type DocSignature} from './corpus/index.js'
import {bandsFitSignature, corpusDedupFields} from './corpus/options.js'

/** The engine's options, and where a persistent index keeps earlier batches. */
export const documentDedupOptions = corpusDedupFields
  .extend({
    /** A persistent index (SQLite file): documents of earlier batches run with it take part, and win by default. */
    index: z.string().min(1).optional(),
    /** Names this batch in the persistent index; running the same label again replaces that batch. */
    batch: z.string().min(1).optional()
  })
  .strict()
  .superRefine(bandsFitSignature)

export type DocumentDedupOptions = z.output<typeof documentDedupOptions>

/** Blocks with fewer words are not signed (unless a document has too little else). */
const PARAGRAPH_WORDS = 8
const MIN_SIGNED_WORDS = 50

function signedBlocks(blocks: Block[]): Block[] {
  const paragraphs = blocks.filter((block) => block.words >= PARAGRAPH_WORDS)
  return paragraphs.reduce((sum, block) => sum + block.words, 0) >= MIN_SIGNED_WORDS ? paragraphs : blocks
}

export class DocumentDedup implements CorpusHooks<DocSignature> {
  readonly options: CorpusDedupOptions
  private decisions = new Map<string, Decision>()
  private found: Cluster[] = []
  private prefix = ''

  constructor(private readonly settings: DocumentDedupOptions) {
    const {index, batch, ...engine} = settings
    this.options = engine
    // In a persistent index, paths live under their batch's label so batches never collide.
    if (index) this.prefix = `${batch ?? 'default'}/`
  }

  collect(input: StageInput): DocSignature {
    // Sign the paragraphs, not the short lines: leftover menus and link lists of a
    // shared site template must not make two different articles look alike.
    const blocks = input.blocks()
    const signed = signedBlocks(blocks)
    const signature = collect({path: this.prefix + input.path, blocks: signed.map((block) => block.text)}, this.options)
    // What the copy guard weighs: how much of the page the stages before removed, and how much is prose.
    let left = 0
    let prose = 0
    for (const block of blocks) {
      left += block.words
      if (isProse(block)) prose += block.words
    }
    signature.wordsLeft = left
    signature.proseWords = prose
    if (input.original !== undefined) signature.wordsRead = countWords(input.original)
    return signature
  }

  build(signatures: ReadonlyMap<string, DocSignature>): void {
    const store = this.settings.index ? DedupStore.open(resolve(this.settings.index), this.options) : undefined
    try {
      const batch = store?.beginBatch(this.settings.batch ?? 'default') ?? 0
      const index = new DedupIndex(this.options, {batch})
      // Canonical order: the engine ranks by path anyway; sorting makes the intent plain.
      for (const path of [...signatures.keys()].sort()) index.add(signatures.get(path)!)
      store?.loadPrior(index)
      this.found = index.clusters()
      this.decisions = index.decisions()
      store?.commit(index)
    } finally {
      store?.close()
    }
  }

  drop(path: string): DropDecision | undefined {
    const decision = this.decisions.get(this.prefix + path)
    if (!decision || decision.action !== 'drop') return undefined
    const how = decision.match === 'exact' ? 'exact copy' : decision.match === 'contained' ? 'partial copy (contained)' : 'near copy'
    return {
      stage: 'dedup',
      rule: 'duplicate-document',
      reason: `${how} of ${this.unprefixed(decision.keptPath)}, which is kept (similarity ${decision.similarity.toFixed(2)}, containment ${decision.containment.toFixed(2)})`,
      detail: {
        clusterId: decision.clusterId,
        keptPath: this.unprefixed(decision.keptPath),
        similarity: decision.similarity,
        containment: decision.containment,
        match: decision.match
      }
    }
  }

  /** A copy the guard keeps says so: which copy it is, and why it stays. */
  warnKept(input: StageInput): void {
    const guarded = this.decisions.get(this.prefix + input.path)?.guarded
    if (!guarded) return
    const how = guarded.match === 'near' ? 'near copy' : 'partial copy (contained)'
    const first = input.blocks()[0]
    input.warn({
      start: first?.start ?? 0,
      end: first?.end ?? 0,
      rule: 'kept-copy',
      reason: `kept: a ${how} of ${this.unprefixed(guarded.keptPath)} (similarity ${guarded.similarity.toFixed(2)}, containment ${guarded.containment.toFixed(2)}), not dropped: ${guarded.reason}`
    })
  }

  /** Passages of a kept document that another kept document already has. */
  passages(input: StageInput): BlockDeletion[] {
    const decision = this.decisions.get(this.prefix + input.path)
    if (!decision || decision.action !== 'keep') return []
    // Passage numbers count the signed blocks, as collected.
    const blocks = signedBlocks(input.blocks())
    const deletions: BlockDeletion[] = []
    for (const passage of decision.passages) {
      const block = blocks[passage.block]
      if (!block) continue
      const reason = `passage also in ${this.unprefixed(passage.keptPath)}, whose copy is kept`
      if (this.options.passage.action === 'remove') {
        deletions.push({
          block,
          rule: 'duplicate-passage',
          reason,
          detail: {clusterId: passage.clusterId, keptPath: this.unprefixed(passage.keptPath)}
        })
      } else {
        input.warn({
          start: block.start,
          end: block.end,
          rule: 'duplicate-passage',
          reason: `kept: ${reason} (cluster ${passage.clusterId})`
        })
      }
    }
    return deletions
  }

  clusters(): Cluster[] {
    return this.found.map((cluster) => ({
      ...cluster,
      kept: {...cluster.kept, path: this.unprefixed(cluster.kept.path)},
      members: cluster.members.map((member) => ({...member, path: this.unprefixed(member.path)}))
    }))
  }

  fingerprint(): string {
    return createHash('sha256')
      .update(JSON.stringify([[...this.decisions].sort(), this.found]))
      .digest('hex')
  }

  /**
   * The decisions that change a document (dropped, kept with passages another
   * document has, or kept by the copy guard). A document without one is kept as
   * it is, so most of a batch is left out. For cleaning, the drops and the
   * clusters are left out too: the task says whether its document is dropped.
   */
  snapshot(scope: SnapshotScope = 'whole'): unknown {
    const decisions = [...this.decisions].filter(([, decision]) =>
      decision.action === 'drop' ? scope === 'whole' : decision.passages.length > 0 || decision.guarded !== undefined
    )
    return {decisions, clusters: scope === 'whole' ? this.found : [], prefix: this.prefix}
  }

  restore(snapshot: unknown): void {
    const data = snapshot as {decisions: Array<[string, Decision]>; clusters: Cluster[]; prefix: string}
    this.decisions = new Map(data.decisions)
    this.found = data.clusters
    this.prefix = data.prefix
  }

  private unprefixed(path: string): string {
    return this.prefix && path.startsWith(this.prefix) ? path.slice(this.prefix.length) : path
  }
}
