import {appendFileSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {contentHash} from '../../src/io/content-hash.js'
import {Manifest} from '../../src/run/manifest.js'
import {serializeDocument} from '../../src/report/summarize.js'
import {reportEntry, type DocumentEdits} from '../../src/report/compact.js'
import {tempDir} from '../helpers.js'

const document = (path: string, before: string): DocumentEdits => ({
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
    expect(JSON.parse(String(await manifest.read(b!)))).toEqual(reportEntry(second))
    await manifest.close()

    const reopened = await Manifest.open(file, {fresh: false})
    expect(await reopened.done('a.txt', {path: 'a.txt', size: 20, mtimeMs: 5}, 'p2', 'out.txt')).toBeUndefined()
    expect(await reopened.done('a.txt', {path: 'a.txt', size: 21, mtimeMs: 5}, 'p1', 'out.txt')).toBeUndefined()
    const entry = (await reopened.done('a.txt', {path: 'a.txt', size: 20, mtimeMs: 5}, 'p1', 'out.txt'))!
    expect(JSON.parse(String(await reopened.read(entry.documents[0]!)))).toEqual(reportEntry(first))
    expect(
      JSON.parse(
        String(
          await reopened.read((await reopened.done('b/c.txt', {path: 'b/c.txt', size: 20, mtimeMs: 6}, 'p1', 'out.txt'))!.documents[0]!)
        )
      )
    ).toEqual(reportEntry(second))
    await reopened.close()
  })

  it('cuts off a line torn by a crash, so the next entry is whole', async () => {
    const file = join(tempDir(), 'manifest.jsonl')
    const manifest = await Manifest.open(file, {fresh: false})
    await manifest.record({path: 'a.txt', size: 1, mtimeMs: 1, pipeline: 'p'}, [serializeDocument(document('a.txt', 'x'))])
    await manifest.close()
    appendFileSync(file, '{"documents":[{"path":"b.txt","bytes')
    const again = await Manifest.open(file, {fresh: false})
    expect(await again.done('b.txt', {path: 'b.txt', size: 1, mtimeMs: 1}, 'p', 'out.txt')).toBeUndefined()
    const c = document('c.txt', 'y')
    const entry = await again.record({path: 'c.txt', size: 1, mtimeMs: 1, pipeline: 'p'}, [serializeDocument(c)])
    expect(JSON.parse(String(await again.read(entry.documents[0]!)))).toEqual(reportEntry(c))
    await again.close()
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
    const last = await Manifest.open(file, {fresh: false})
    expect(await last.done('c.txt', {path: 'c.txt', size: 1, mtimeMs: 1}, 'p', 'out.txt')).toBeDefined()
    expect(await last.done('a.txt', {path: 'a.txt', size: 1, mtimeMs: 1}, 'p', 'out.txt')).toBeDefined()
  })

  it('writes lines appended without waiting in order, each readable at its byte range', async () => {
    const file = join(tempDir(), 'manifest.jsonl')
    const manifest = await Manifest.open(file, {fresh: false})
    const documents = Array.from({length: 50}, (_, i) => document(`doc-${i}.txt`, `line ${i} ${'é'.repeat(i)}\n`))
    // Appended in one go, as worker results arrive: writes go out together, in order.
    const entries = await Promise.all(
      documents.map((doc, i) => manifest.record({path: doc.path, size: i, mtimeMs: i, pipeline: 'p'}, [serializeDocument(doc)]))
    )
    for (const [i, entry] of entries.entries())
      expect(JSON.parse(String(await manifest.read(entry.documents[0]!)))).toEqual(reportEntry(documents[i]!))
    await manifest.close()
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line).path)).toEqual(documents.map((doc) => doc.path))
    const reopened = await Manifest.open(file, {fresh: false})
    expect(await reopened.done('doc-49.txt', {path: 'doc-49.txt', size: 49, mtimeMs: 49}, 'p', 'out.txt')).toBeDefined()
    await reopened.close()
  })

  it('takes a file whose mtime changed as done when its bytes and its output hash the same, and records the new mtime', async () => {
    const dir = tempDir()
    const input = join(dir, 'a.txt')
    const output = join(dir, 'cleaned-a.txt')
    writeFileSync(input, 'The council met on Tuesday.\n')
    writeFileSync(output, 'The council met on Tuesday.\n')
    const file = join(dir, '.rinse', 'manifest.jsonl')
    const manifest = await Manifest.open(file, {fresh: false})
    const meta = {
      path: 'a.txt',
      size: 28,
      mtimeMs: 5,
      pipeline: 'p',
      hash: contentHash(readFileSync(input)),
      output: contentHash(readFileSync(output))
    }
    await manifest.record(meta, [serializeDocument(document('a.txt', 'x'))])
    await manifest.close()

    // Touched or copied: a new mtime, the same bytes. The entry is recorded again with the new mtime.
    const reopened = await Manifest.open(file, {fresh: false})
    const touched = await reopened.done('a.txt', {path: input, size: 28, mtimeMs: 9}, 'p', output)
    expect(touched).toBeDefined()
    expect(JSON.parse(String(await reopened.read(touched!.documents[0]!)))).toEqual(reportEntry(document('a.txt', 'x')))
    await reopened.close()
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line).mtimeMs)).toEqual([5, 9])

    const again = await Manifest.open(file, {fresh: false})
    // The output replaced since (a later clean whose line was lost): not done.
    writeFileSync(output, 'The council met on Friday.\n')
    expect(await again.done('a.txt', {path: input, size: 28, mtimeMs: 12}, 'p', output)).toBeUndefined()
    writeFileSync(output, 'The council met on Tuesday.\n')
    // The same size but other bytes is a changed file.
    writeFileSync(input, 'The council met on Thursday\n')
    expect(await again.done('a.txt', {path: input, size: 28, mtimeMs: 12}, 'p', output)).toBeUndefined()
    // Unreadable now: not done (cleaning it will report why).
    expect(await again.done('a.txt', {path: join(dir, 'gone.txt'), size: 28, mtimeMs: 12}, 'p', output)).toBeUndefined()
    await again.close()
  })
})
