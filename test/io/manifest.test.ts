import {appendFileSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {Manifest} from '../../src/io/manifest.js'
import {serializeDocument} from '../../src/report/summarize.js'
import type {DocumentReport} from '../../src/report/schema.js'
import {tempDir} from '../helpers.js'

const document = (path: string, before: string): DocumentReport => ({
  path,
  bytesIn: 20,
  bytesOut: 10,
  ms: 1,
  edits: [
    {
      stage: 'boilerplate',
      rule: 'share-prompt',
      reason: 'social sharing prompt',
      before,
      after: '',
      start: {line: 2, column: 1, offset: 6},
      end: {line: 3, column: 1, offset: 16}
    }
  ],
  conflicts: []
})

describe('the resume manifest', () => {
  it('hands back each full report entry by its byte range, across reopening', async () => {
    const file = join(tempDir(), '.rinse', 'manifest.jsonl')
    const manifest = await Manifest.open(file, {fresh: false})
    const first = document('a.txt', 'Share — «this»\n')
    const second = document('b/c.txt', 'Tweet it 🐦\n')
    const [a] = (await manifest.record({path: 'a.txt', size: 20, mtimeMs: 5, pipeline: 'p1'}, [serializeDocument(first)])).documents
    const [b] = (await manifest.record({path: 'b/c.txt', size: 20, mtimeMs: 6, pipeline: 'p1'}, [serializeDocument(second)])).documents
    expect(a).toMatchObject({path: 'a.txt', edits: 1, rules: {'boilerplate/share-prompt': 1}})
    expect(JSON.parse(await manifest.read(b!))).toEqual(second)
    await manifest.close()

    const reopened = await Manifest.open(file, {fresh: false})
    expect(reopened.done('a.txt', 20, 5, 'p2')).toBeUndefined()
    expect(reopened.done('a.txt', 21, 5, 'p1')).toBeUndefined()
    const entry = reopened.done('a.txt', 20, 5, 'p1')!
    expect(JSON.parse(await reopened.read(entry.documents[0]!))).toEqual(first)
    expect(JSON.parse(await reopened.read(reopened.done('b/c.txt', 20, 6, 'p1')!.documents[0]!))).toEqual(second)
    await reopened.close()
  })

  it('cuts off a line torn by a crash, so the next entry is whole', async () => {
    const file = join(tempDir(), 'manifest.jsonl')
    const manifest = await Manifest.open(file, {fresh: false})
    await manifest.record({path: 'a.txt', size: 1, mtimeMs: 1, pipeline: 'p'}, [serializeDocument(document('a.txt', 'x'))])
    await manifest.close()
    appendFileSync(file, '{"documents":[{"path":"b.txt","bytes')
    const again = await Manifest.open(file, {fresh: false})
    expect(again.done('b.txt', 1, 1, 'p')).toBeUndefined()
    const c = document('c.txt', 'y')
    const entry = await again.record({path: 'c.txt', size: 1, mtimeMs: 1, pipeline: 'p'}, [serializeDocument(c)])
    expect(JSON.parse(await again.read(entry.documents[0]!))).toEqual(c)
    await again.close()
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
    const last = await Manifest.open(file, {fresh: false})
    expect(last.done('c.txt', 1, 1, 'p')).toBeDefined()
    expect(last.done('a.txt', 1, 1, 'p')).toBeDefined()
  })

  it('writes lines appended without waiting in order, each readable at its byte range', async () => {
    const file = join(tempDir(), 'manifest.jsonl')
    const manifest = await Manifest.open(file, {fresh: false})
    const documents = Array.from({length: 50}, (_, i) => document(`doc-${i}.txt`, `line ${i} ${'é'.repeat(i)}\n`))
    // Appended in one go, as worker results arrive: writes go out together, in order.
    const entries = await Promise.all(
      documents.map((doc, i) => manifest.record({path: doc.path, size: i, mtimeMs: i, pipeline: 'p'}, [serializeDocument(doc)]))
    )
    for (const [i, entry] of entries.entries()) expect(JSON.parse(await manifest.read(entry.documents[0]!))).toEqual(documents[i])
    await manifest.close()
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line).path)).toEqual(documents.map((doc) => doc.path))
    const reopened = await Manifest.open(file, {fresh: false})
    expect(reopened.done('doc-49.txt', 49, 49, 'p')).toBeDefined()
    await reopened.close()
  })
})
