/** dedup: near-duplicate blocks within a document (cross-document dedup is a corpus stage). */
import {z} from 'zod'
import {deleteBlocks} from '../delete-blocks.js'
import type {ConfiguredStage, Pass, StageSpec} from '../../engine/stage.js'
import {asWritten, ruleSwitches, withRuleSwitches} from '../rule-switches.js'
import {optionsError} from './corpus/options.js'
import {DocumentDedup, documentDedupOptions} from './documents.js'
import {REJOIN, seamJoins} from './rejoin.js'
import type {HardWrapOptions} from '../normalize/rules/hard-wrap.js'
import {describeCopies, findLocalCopies, localDedupOptions, type LocalCopy, type LocalDedupOptions} from './local.js'

export const dedupOptions = localDedupOptions
  .extend({
    rules: ruleSwitches,
    /** Near-duplicates across documents (a corpus pass); `false` turns it off. */
    documents: z.union([z.literal(false), documentDedupOptions]).prefault({})
  })
  .strict()

export type DedupOptions = z.input<typeof dedupOptions>

/** Defaults filled in and checked; throws on a value out of range or options that do not fit together. */
function resolveDedup(input: DedupOptions): z.output<typeof dedupOptions> {
  const parsed = dedupOptions.safeParse(input)
  if (!parsed.success) throw optionsError('dedup', parsed.error)
  return parsed.data
}

export const DEDUP_RULES = [
  {id: 'repeated-block', reason: 'repeats a block kept earlier in the document', example: 'a title printed three times'},
  {
    id: 'contained-block',
    reason: 'near copy of a more complete block in the document',
    example: 'a summary paragraph repeated in the body'
  },
  {
    id: 'duplicate-document',
    reason: 'the document is a copy of another one in the batch (or an earlier batch), which is kept',
    example: 'one article syndicated by three sites'
  },
  {
    id: 'duplicate-passage',
    reason: 'a paragraph that another kept document already has (reported; removed with passage.action: remove)',
    example: 'a lead paragraph quoted by another site'
  },
  REJOIN
]

/** The in-document copies this stage removes, as an earlier stage needs to know them; undefined when off. */
export function localCopies(input: DedupOptions = {}): {options: LocalDedupOptions; rules: ReadonlySet<string>} | undefined {
  const options = resolveDedup(input)
  const switches = options.rules ?? {}
  const rules = new Set(['repeated-block', 'contained-block'].filter((rule) => switches[rule] !== false))
  if (rules.size === 0) return undefined
  return {options: {minWords: options.minWords, containment: options.containment}, rules}
}

/** What an earlier stage of the pipeline settles that this one must follow. */
export interface DedupContext {
  /** The wrap widths normalize recognises (its `hardWrap`), for rejoin. */
  wrap?: HardWrapOptions
}

export function dedup(input: DedupOptions = {}, context: DedupContext = {}): ConfiguredStage {
  const options = resolveDedup(input)
  const local: LocalDedupOptions = {minWords: options.minWords, containment: options.containment}
  const switches = options.rules ?? {}
  const documents =
    options.documents === false || switches['duplicate-document'] === false ? undefined : new DocumentDedup(options.documents)
  const inDocument: Pass<LocalCopy[]> = {
    // In-document copies depend on the text alone: collection finds them while the words are hashed.
    prepare: (input) => findLocalCopies(input.blocks(), local),
    propose(input, prepared) {
      const blocks = input.blocks()
      const copies = prepared ?? findLocalCopies(blocks, local)
      documents?.warnKept(input)
      const deletions = [
        ...describeCopies(copies, blocks, (block) => input.originalPoint(block.start).line),
        ...(documents && switches['duplicate-passage'] !== false ? documents.passages(input) : [])
      ].filter((deletion) => switches[deletion.rule] !== false)
      const unique = new Map(deletions.map((deletion) => [deletion.block.index, deletion]))
      const removals = deleteBlocks(input.text, blocks, [...unique.values()])
      return switches[REJOIN.id] === false ? removals : [...removals, ...seamJoins(input.text, removals, context.wrap)]
    }
  }
  const stage: ConfiguredStage = {
    name: 'dedup',
    source: 'rinse-dedup',
    options: {
      rules: switches,
      ...local,
      documents: documents ? {...documents.options, index: options.documents ? options.documents.index : undefined} : false
    },
    passes: [inDocument]
  }
  if (documents) stage.corpus = documents
  return stage
}

export const dedupStage: StageSpec = {
  name: 'dedup',
  description: 'remove blocks repeated within a document, keeping the most complete copy',
  rules: DEDUP_RULES,
  schema: asWritten(withRuleSwitches(dedupOptions, DEDUP_RULES)),
  create: dedup
}
