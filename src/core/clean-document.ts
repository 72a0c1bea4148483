/** Run configured stages over one document and log every change against the original. */
import {location} from 'vfile-location'
import {segment} from '../blocks/segment.js'
import type {Block} from '../blocks/block.js'
import {EditLog} from './edit-log.js'
import {resolveOverlaps} from './resolve.js'
import type {ConfiguredStage, StageInput} from './stage.js'
import type {Conflict, Edit, Point} from './types.js'

export interface DocumentResult {
  text: string
  edits: Edit[]
  conflicts: Conflict[]
  /** `line:column stage/rule: reason` for text kept but flagged. */
  warnings: string[]
}

export function cleanDocument(original: string, stages: readonly ConfiguredStage[], path = '<text>'): DocumentResult {
  const {log, conflicts, warnings, point} = runPasses(original, stages, path)
  return {text: log.text, edits: reportEdits(log, point), conflicts, warnings}
}

/** Apply every pass of every stage; positions are only worked out when asked for. */
function runPasses(original: string, stages: readonly ConfiguredStage[], path: string) {
  const log = new EditLog(original)
  const conflicts: Conflict[] = []
  const warnings: string[] = []
  let finder: ((offset: number) => Point) | undefined
  const point = (offset: number): Point => (finder ??= pointFinder(original))(offset)
  for (const stage of stages) {
    for (const pass of stage.passes) {
      const text = log.text
      let blocks: Block[] | undefined
      const originalPoint = (offset: number): Point => point(log.originalOffset(offset))
      const input: StageInput = {
        path,
        text,
        blocks: () => (blocks ??= segment(text)),
        originalPoint,
        warn: (warning) => {
          const at = originalPoint(warning.start)
          warnings.push(`${at.line}:${at.column} ${stage.name}/${warning.rule}: ${warning.reason}`)
        }
      }
      const {accepted, conflicts: overlapping} = resolveOverlaps(stage.name, pass.propose(input))
      conflicts.push(...overlapping)
      for (const edit of log.apply(stage.name, accepted)) {
        conflicts.push({
          stage: stage.name,
          kept: {rule: 'earlier edit', start: edit.start, end: edit.end},
          dropped: {rule: edit.rule, start: edit.start, end: edit.end, reason: edit.reason},
          resolution: 'collided with a neighbouring edit once both were widened over earlier edits'
        })
      }
    }
  }
  return {log, conflicts, warnings, point}
}

/** The text a document has at a stage's place in the pipeline, as a stage input (for corpus collection). */
export function inputAt(original: string, stages: readonly ConfiguredStage[], path: string): StageInput {
  // Only the text is needed here: no report of the edits.
  const text = stages.length > 0 ? runPasses(original, stages, path).log.text : original
  let blocks: Block[] | undefined
  return {path, text, blocks: () => (blocks ??= segment(text)), originalPoint: (offset) => ({line: 0, column: 0, offset}), warn: () => {}}
}

/** Offsets to line and column in a text, through vfile-location. */
export function pointFinder(text: string): (offset: number) => Point {
  const place = location(text)
  return (offset) => {
    const found = place.toPoint(offset)
    if (found) return {line: found.line, column: found.column, offset}
    // vfile-location has no point for the very end of a text that ends in a newline.
    const lines = text.split('\n')
    return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset}
  }
}

function reportEdits(log: EditLog, point: (offset: number) => Point): Edit[] {
  return log.edits().map((logged) => {
    const edit: Edit = {
      stage: logged.stage,
      rule: logged.rule,
      reason: logged.reason,
      before: log.original.slice(logged.o0, logged.o1),
      after: logged.after,
      start: point(logged.o0),
      end: point(logged.o1)
    }
    if (logged.detail) edit.detail = logged.detail
    if (logged.folded.length > 0) edit.folded = logged.folded
    return edit
  })
}
