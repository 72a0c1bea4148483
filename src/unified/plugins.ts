/**
 * Every rinse stage as a unified transformer plugin, for anyone's
 * `unified().use(retextEnglish)…use(retextStringify)` chain:
 *
 * - each plugin runs only its own stage, on the text the tree stands for, and
 *   hands the document's edit log on in `file.data.rinse`, so every message
 *   points into the text the first rinse plugin saw;
 * - each applied change is a `file.info()` with `ruleId`, `source`
 *   (`rinse-<stage>`), `actual`, `expected` and `url`, as retext's fixers
 *   report; text kept but flagged is a `file.message()` warning;
 * - the tree it returns is the cleaned text's, so a retext plugin placed after
 *   it works on clean text, and `String(file)` after `retext-stringify` is the
 *   cleaned text.
 *
 * Options are checked as in a pipeline file. The corpus halves (recurring lines,
 * copies across documents) need the batch: pass `{corpus: await prepareCorpus(documents)}`.
 */
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {buildStages, parsePipeline} from '../config/pipeline-file.js'
import {pointFinder, reportEdits, runStage, type DocumentState} from '../engine/clean-document.js'
import {EditLog} from '../engine/edit-log.js'
import type {RinseData} from '../library/pipeline.js'
import type {ConfiguredStage} from '../engine/stage.js'
import type {Edit} from '../engine/types.js'
import {editMessage} from '../report/format-edit.js'
import type {BoilerplateOptions} from '../stages/boilerplate/index.js'
import type {DedupOptions} from '../stages/dedup/index.js'
import type {NormalizeOptions} from '../stages/normalize/index.js'
import type {RepairOptions} from '../stages/repair/index.js'
import type {RinseCorpus} from './corpus.js'
import {ruleUrl} from './rule-url.js'
import {treeOf} from './tree.js'
import {ConfigError} from '../errors.js'

type WithCorpus<Options> = Options & {corpus?: RinseCorpus}

/** Options that ask for a corpus half of a stage, which cannot run without the batch. */
const CORPUS_OPTIONS: Record<string, string> = {dedup: 'documents', boilerplate: 'recurring'}

function stagePlugin<Options extends object>(name: string, pluginName: string): Plugin<[WithCorpus<Options>?], Root, Root> {
  return function (this: Processor, options) {
    const stage = stageFor(name, pluginName, options ?? {})
    return (tree: Root, file: VFile): Root => {
      const text = toString(tree)
      const data = dataOf(file, text)
      const log = data.log!
      const point = pointFinder(data.original)
      const state: DocumentState = {
        log,
        path: file.path || '<text>',
        point,
        conflicts: data.conflicts,
        onWarning: (configured, warning, at) => {
          const message = file.message(warning.reason, {place: at, ruleId: warning.rule, source: configured.source})
          message.url = ruleUrl(warning.rule)
        }
      }
      runStage(state, stage)
      data.edits = reportEdits(log, point)
      syncMessages(file, data.edits)
      // Only the stage that drops whole documents (dedup) reports it, once.
      const dropped = stage.corpus?.drop?.(file.path)
      if (dropped) {
        data.dropped = dropped
        const message = file.message(dropped.reason, {ruleId: dropped.rule, source: stage.source})
        message.url = ruleUrl(dropped.rule)
      }
      return log.text === text ? tree : treeOf(log.text, (piece) => this.parse(piece) as Root, tree)
    }
  }
}

/** The stage a plugin runs: the corpus's own (built on the batch), or one made from the options. */
function stageFor(name: string, pluginName: string, options: object & {corpus?: RinseCorpus}): ConfiguredStage {
  const {corpus, ...stageOptions} = options
  if (corpus) {
    if (Object.keys(stageOptions).length > 0)
      throw new Error(`${pluginName}: with a corpus, the stage's options come from the corpus's pipeline; pass them to prepareCorpus`)
    const stage = corpus.stage(name)
    if (!stage) throw new Error(`${pluginName}: the corpus was prepared with a pipeline that has no ${name} stage`)
    return stage
  }
  const needs = CORPUS_OPTIONS[name]
  const asked = needs ? (stageOptions as Record<string, unknown>)[needs] : undefined
  if (asked !== undefined && asked !== false)
    throw new Error(
      `${pluginName}: \`${needs}\` works across the documents of a batch: pass {corpus: await prepareCorpus(documents)} instead`
    )
  // Checked as a pipeline file's stage is: a bad option fails with the same message. Without a
  // corpus, the corpus half is off rather than silently empty.
  const withoutCorpus = needs ? {...stageOptions, [needs]: false} : stageOptions
  try {
    return buildStages(parsePipeline({stages: [{[name]: withoutCorpus}]}, `${pluginName} options`))[0]!
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    throw new ConfigError(error.source, error.key.replace(/^stages\[0\]\.[a-z]+\.?/, ''), error.expected)
  }
}

function dataOf(file: VFile, text: string): RinseData {
  const data = file.data.rinse
  if (data?.log && data.log.text === text) return data
  // The first rinse plugin, or a tree another plugin changed since: positions from here refer to this text.
  const fresh: RinseData = {original: text, edits: [], conflicts: [], log: new EditLog(text)}
  file.data.rinse = fresh
  return fresh
}

// The message each reported edit has in a file, to take back when a later stage folds the edit into its own.
const messagesOf = new WeakMap<VFile, Map<string, VFileMessage>>()

/** One info message per edit of the document as it stands, as `rinse clean` reports them. */
function syncMessages(file: VFile, edits: readonly Edit[]): void {
  const previous = messagesOf.get(file) ?? new Map<string, VFileMessage>()
  const current = new Map<string, VFileMessage>()
  for (const edit of edits) {
    const key = editKey(edit)
    const known = previous.get(key)
    if (known) {
      current.set(key, known)
      continue
    }
    const message = editMessage(file, edit)
    message.url = ruleUrl(edit.rule)
    current.set(key, message)
  }
  const folded = new Set([...previous].filter(([key]) => !current.has(key)).map(([, message]) => message))
  if (folded.size > 0) file.messages = file.messages.filter((message) => !folded.has(message))
  messagesOf.set(file, current)
}

function editKey(edit: Edit): string {
  return `${edit.stage}\u0000${edit.rule}\u0000${edit.start.offset}\u0000${edit.end.offset}\u0000${edit.after}`
}

export const rinseNormalize = stagePlugin<NormalizeOptions>('normalize', 'rinseNormalize')
export const rinseBoilerplate = stagePlugin<BoilerplateOptions>('boilerplate', 'rinseBoilerplate')
export const rinseRepair = stagePlugin<RepairOptions>('repair', 'rinseRepair')
export const rinseDedup = stagePlugin<DedupOptions>('dedup', 'rinseDedup')
