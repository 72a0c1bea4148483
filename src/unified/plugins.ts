/**
 * Every rinse stage as a unified plugin, for use in anyone's
 * `unified().use(retextEnglish)...` pipeline. A plugin reads the file's text,
 * reports each change as an `info` message with `actual` and `expected` (as
 * retext-sentence-spacing does), and keeps the cleaned text in
 * `file.data.rinseText`. Several rinse plugins in a row build on each other,
 * and every message points into the original text.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {cleanDocument} from '../core/clean-document.js'
import type {ConfiguredStage} from '../core/stage.js'
import {boilerplate, type BoilerplateOptions} from '../stages/boilerplate/index.js'
import {dedup, type DedupOptions} from '../stages/dedup/index.js'
import {normalize, type NormalizeOptions} from '../stages/normalize/index.js'
import {repair, type RepairOptions} from '../stages/repair/index.js'

function stagePlugin<Options>(create: (options?: Options) => ConfiguredStage): Plugin<[Options?]> {
  return function (options) {
    const stage = create(options)
    return (_tree: unknown, file: VFile) => {
      // Re-run the earlier rinse plugins' stages so positions stay in the original.
      const stages = [...(file.data.rinseStages ?? []), stage]
      const result = cleanDocument(String(file.value ?? ''), stages, file.path ?? '<text>')
      for (const edit of result.edits) {
        if (edit.stage !== stage.name) continue
        const message = file.info(edit.reason, {place: {start: edit.start, end: edit.end}, ruleId: edit.rule, source: stage.source})
        message.actual = edit.before
        message.expected = [edit.after]
      }
      file.data.rinseText = result.text
      file.data.rinseStages = stages
    }
  }
}

export const rinseNormalize = stagePlugin<NormalizeOptions>(normalize)
export const rinseBoilerplate = stagePlugin<BoilerplateOptions>(boilerplate)
export const rinseRepair = stagePlugin<RepairOptions>(repair)
export const rinseDedup = stagePlugin<DedupOptions>(dedup)

declare module 'vfile' {
  interface DataMap {
    /** The text as the rinse plugins run so far left it. */
    rinseText: string
    rinseStages: ConfiguredStage[]
  }
}
