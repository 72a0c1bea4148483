/**
 * retext: any installed retext plugin as a rinse stage. Each paragraph is parsed
 * on its own (retext-english slows down badly on long strings) and run through
 * the plugin; a message that carries `expected` becomes an edit of rule
 * `<plugin>:<ruleId>` with the plugin's reason, any other message a warning.
 */
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {z} from 'zod'
import type {VFileMessage} from 'vfile-message'
import {paragraphPieces} from '../../blocks/paragraphs.js'
import type {ConfiguredStage, StageInput, StageSpec} from '../../engine/stage.js'
import type {ProposedEdit} from '../../engine/types.js'
import {loadRetextPlugin} from './load-plugin.js'

export const retextOptions = z
  .object({
    /** The package name: `retext-repeated-words`. */
    plugin: z.string().min(1),
    /** The plugin's own options. */
    options: z.unknown().optional()
  })
  .strict()

export type RetextOptions = z.input<typeof retextOptions>

export function retext(options: RetextOptions): ConfiguredStage {
  const plugin = loadRetextPlugin(options.plugin)
  const processor = unified().use(retextEnglish).use(plugin, options.options).freeze()
  const messagesOf = (text: string): VFileMessage[] => {
    const file = new VFile(text)
    processor.runSync(processor.parse(file) as Root, file)
    return file.messages
  }
  return {
    name: 'retext',
    source: options.plugin,
    options: {plugin: options.plugin, ...(options.options === undefined ? {} : {options: options.options})},
    passes: [{propose: (input) => propose(input, options.plugin, messagesOf)}]
  }
}

function propose(input: StageInput, pluginName: string, messagesOf: (text: string) => VFileMessage[]): ProposedEdit[] {
  const edits: ProposedEdit[] = []
  for (const paragraph of paragraphPieces(input.text)) {
    if (paragraph.isBreak) continue
    for (const message of messagesOf(paragraph.text)) {
      const span = spanOf(message)
      if (!span) continue
      const start = paragraph.start + span.start
      const end = paragraph.start + span.end
      const rule = `${pluginName}:${message.ruleId ?? 'message'}`
      const expected = message.expected?.[0]
      // A fix is applied only where the plugin's `actual` is the text it points at.
      const fits = message.actual === undefined || message.actual === input.text.slice(start, end)
      if (expected !== undefined && fits) {
        const edit: ProposedEdit = {start, end, replacement: expected, rule, reason: message.reason}
        if (message.url) edit.detail = {url: message.url}
        edits.push(edit)
      } else input.warn({start, end, rule, reason: message.reason})
    }
  }
  return edits.sort((a, b) => a.start - b.start || a.end - b.end)
}

function spanOf(message: VFileMessage): {start: number; end: number} | undefined {
  const place = message.place
  if (!place) return undefined
  if ('start' in place) {
    if (place.start.offset === undefined || place.end.offset === undefined) return undefined
    return {start: place.start.offset, end: place.end.offset}
  }
  if (place.offset === undefined) return undefined
  return {start: place.offset, end: place.offset + (message.actual?.length ?? 0)}
}

export const retextStage: StageSpec = {
  name: 'retext',
  description: 'any installed retext plugin; its fixes become edits of rule <plugin>:<ruleId>, its other messages warnings',
  // Rule ids come from the plugin: `retext-repeated-words:the`.
  rules: [],
  schema: retextOptions,
  create: retext
}
