import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Trace} from '../../src/engine/clean-document.js'
import {collectDocument} from '../../src/engine/corpus.js'
import {cleanReplaying, createPipeline, type CleanResult} from '../../src/library/pipeline.js'
import {decodeTrace, encodeTrace} from '../../src/run/trace-codec.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')
const documents = readdirSync(FIXTURES, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({path: `${entry.name}.txt`, text: readFileSync(join(FIXTURES, entry.name, 'input.txt'), 'utf8')}))

type Document = {path: string; text: string}

/** A clean's result without the edits' details (a replayed trace has none for the stages it covers). */
const plain = (result: CleanResult) => ({
  text: result.text,
  edits: result.edits.map(({detail: _detail, ...edit}) => edit),
  conflicts: result.conflicts,
  warnings: result.warnings
})

describe('replaying what corpus collection recorded', () => {
  const pipeline = createPipeline()
  const dedup = pipeline.stages.findIndex((stage) => stage.name === 'dedup')
  const traceOf = (document: {path: string; text: string}): Trace => collectDocument(pipeline.stages, dedup, document).trace as Trace

  it('records the in-document copies that the dedup stage would find', () => {
    const trace = traceOf(documents.find((document) => document.path === 'repeated-title.txt')!)
    expect(trace.stages).toBe(dedup)
    const copies = trace.prepared as Array<{block: number; kept: number; exact: boolean}> | undefined
    // The title printed four times: one exact copy and two near copies (a stray word, the
    // site name), all kept at the first block.
    expect(copies?.map((copy) => [copy.block, copy.kept, copy.exact])).toEqual([
      [1, 0, true],
      [2, 0, false],
      [3, 0, false]
    ])
  })

  it('gives every fixture the same text, edits and warnings as cleaning it afresh, the details left out', () => {
    let detailed = 0
    for (const document of documents) {
      const trace = traceOf(document)
      const fresh = pipeline.clean(document.text, document.path)
      // Encoded, as the spool keeps it between collection and the final pass.
      const replayed = cleanReplaying(pipeline, document.text, document.path, decodeTrace(encodeTrace(trace)))
      expect(plain(replayed), document.path).toEqual(plain(fresh))
      // A detail comes only from a stage that ran in this clean (dedup's, here).
      const traced = pipeline.stages.slice(0, dedup).map((stage) => stage.name)
      expect(replayed.edits.filter((edit) => edit.detail && traced.includes(edit.stage))).toEqual([])
      detailed += fresh.edits.filter((edit) => edit.detail && traced.includes(edit.stage)).length
    }
    // The fixtures have classifier removals, whose details only a fresh clean gives.
    expect(detailed).toBeGreaterThan(0)
  })

  it('finds the copies itself when the trace holds none', () => {
    const document = documents.find((candidate) => candidate.path === 'repeated-summary.txt')!
    const {prepared, ...withoutCopies} = traceOf(document)
    expect(prepared).toBeDefined()
    const replayed = cleanReplaying(pipeline, document.text, document.path, withoutCopies)
    expect(replayed.edits.some((edit) => edit.stage === 'dedup')).toBe(true)
    expect(replayed).toEqual(pipeline.clean(document.text, document.path))
  })

  it('cleans afresh a text that is not the one traced (an input changed between the passes)', () => {
    const [first, second] = documents as [Document, Document]
    const pairs: Array<[traced: Document, cleaned: Document]> = [
      [first, second],
      // Same length, one letter changed: the hash tells them apart.
      [first, {path: first.path, text: first.text.replace(/[a-z]/, (letter) => (letter === 'x' ? 'y' : 'x'))}]
    ]
    for (const [traced, cleaned] of pairs) {
      expect(cleaned.text).not.toBe(traced.text)
      const replayed = cleanReplaying(pipeline, cleaned.text, cleaned.path, decodeTrace(encodeTrace(traceOf(traced))))
      expect(replayed).toEqual(pipeline.clean(cleaned.text, cleaned.path))
    }
  })
})
