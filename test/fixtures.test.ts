/**
 * Fixture pairs: for every test/fixtures/<case>, cleaning input.txt gives
 * output.txt with exactly the messages in messages.json, and two invariants hold:
 * the reported edits applied to the input give the output, and cleaning the
 * output again changes nothing.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {applyEdits, createPipeline, formatEdit, loadPipelineFile} from '../src/index.js'

const root = join(import.meta.dirname, 'fixtures')
const cases = readdirSync(root).filter((name) => existsSync(join(root, name, 'input.txt')))

describe('fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(30)
  })

  for (const name of cases) {
    it(name, async () => {
      const dir = join(root, name)
      const pipelineFile = join(dir, 'pipeline.yaml')
      const pipeline = existsSync(pipelineFile) ? createPipeline(await loadPipelineFile(pipelineFile)) : createPipeline()
      const input = readFileSync(join(dir, 'input.txt'), 'utf8')
      const result = pipeline.clean(input, 'input.txt')
      expect(result.text).toBe(readFileSync(join(dir, 'output.txt'), 'utf8'))
      expect(result.edits.map(formatEdit)).toEqual(JSON.parse(readFileSync(join(dir, 'messages.json'), 'utf8')))
      expect(applyEdits(input, result.edits)).toBe(result.text)
      expect(pipeline.clean(result.text).edits.map(formatEdit)).toEqual([])
      for (const edit of result.edits) {
        expect(edit.reason.length).toBeGreaterThan(0)
        expect(edit.start.offset).toBeLessThanOrEqual(edit.end.offset)
      }
    })
  }
})
