/** Ctrl-C: a run stopped on its signal records what it finished, and a re-run completes it as if never stopped. */
import {cpSync, existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DEFAULT_PIPELINE_PATH, loadPipelineFile, runFolder} from '../../src/index.js'
import {SAMPLE, sampleCopy, tempDir} from '../helpers.js'

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) files[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8')
  }
  return files
}

describe('interrupting a run', () => {
  it('stops starting files, reports what was done, and a re-run continues to the same result', async () => {
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const work = tempDir()
    const stop = new AbortController()
    const base = {input: SAMPLE, pipeline, workers: 1, concurrency: 1, html: false}
    const first = await runFolder({
      ...base,
      out: join(work, 'stopped'),
      signal: stop.signal,
      onProgress: (progress) => progress.phase === 'clean' && progress.done >= 2 && stop.abort()
    })
    expect(first.interrupted).toBe(true)
    expect(first.report.documents).toHaveLength(2)

    // The corpus indexes built before the stop are used again: after checking what the
    // first run finished (pass 0), only the cleaning pass runs.
    const phases = new Set<string>()
    const second = await runFolder({
      ...base,
      out: join(work, 'stopped'),
      onProgress: (progress) => phases.add(`${progress.phase} ${progress.pass}/${progress.passes}`)
    })
    expect([...phases]).toEqual(['check 0/0', 'clean 1/1'])
    expect(second.interrupted).toBeUndefined()
    expect(second.resumed).toBe(2)
    expect(second.report.documents).toHaveLength(6)

    const straight = await runFolder({...base, out: join(work, 'straight')})
    expect(tree(join(work, 'stopped', 'cleaned'))).toEqual(tree(join(work, 'straight', 'cleaned')))
    expect(tree(join(work, 'stopped', 'diffs'))).toEqual(tree(join(work, 'straight', 'diffs')))
    expect(second.report.clusters).toEqual(straight.report.clusters)
  })

  it('saves the corpus indexes only when every file could be read (one read later must be in them)', async () => {
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const {work, input} = sampleCopy()
    const base = {input, pipeline, workers: 1, html: false}
    await runFolder({...base, out: join(work, 'good')})
    expect(existsSync(join(work, 'good', '.rinse', 'corpus.v8'))).toBe(true)
    writeFileSync(join(input, 'broken.txt'), Buffer.from([0x66, 0x6f, 0xff, 0x6f, 0x0a]))
    const bad = await runFolder({...base, out: join(work, 'bad')})
    expect(bad.report.failures.map((failure) => failure.path)).toEqual(['broken.txt'])
    expect(existsSync(join(work, 'bad', '.rinse', 'corpus.v8'))).toBe(false)
  })

  it('stops while collecting the corpus without cleaning anything, and a re-run gives the same result', async () => {
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const work = tempDir()
    const stop = new AbortController()
    const base = {input: SAMPLE, pipeline, workers: 1, concurrency: 1, html: false}
    const seen: string[] = []
    const first = await runFolder({
      ...base,
      out: join(work, 'stopped'),
      signal: stop.signal,
      onProgress: (progress) => {
        seen.push(`${progress.phase}:${progress.pass}/${progress.passes}`)
        if (progress.done >= 2) stop.abort()
      }
    })
    expect(first.interrupted).toBe(true)
    // The first corpus stage's collection was cut short: no later pass started.
    expect(new Set(seen)).toEqual(new Set(['collect:1/3']))
    expect(first.report.documents).toHaveLength(0)
    expect(existsSync(join(work, 'stopped', 'cleaned'))).toBe(false)
    // No trace spool is left behind, and no manifest line was written.
    expect(readdirSync(join(work, 'stopped', '.rinse'))).toEqual([])

    const second = await runFolder({...base, out: join(work, 'stopped')})
    expect(second.interrupted).toBeUndefined()
    expect(second.report.documents).toHaveLength(6)
    await runFolder({...base, out: join(work, 'straight')})
    expect(tree(join(work, 'stopped', 'cleaned'))).toEqual(tree(join(work, 'straight', 'cleaned')))
  })

  it('keeps the report of an earlier run when stopped while checking or collecting', async () => {
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const {input, out} = sampleCopy()
    const base = {input, out, pipeline, workers: 1, concurrency: 1, html: false}
    await runFolder(base)
    const report = readFileSync(join(out, 'report.json'), 'utf8')
    // A new file changes the batch: it is collected again, and stopped on the way.
    cpSync(join(input, 'heatwave.txt'), join(input, 'heatwave-copy.txt'))
    const stop = new AbortController()
    const stopped = await runFolder({...base, signal: stop.signal, onProgress: (progress) => progress.phase === 'collect' && stop.abort()})
    expect(stopped.interrupted).toBe(true)
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(report)
    // Stopped while checking what the earlier run finished: the same.
    const checking = new AbortController()
    let checked = 0
    const early = await runFolder({
      ...base,
      signal: checking.signal,
      onProgress: (progress) => {
        if (progress.phase === 'check' && ++checked === 1) checking.abort()
      }
    })
    expect(early.interrupted).toBe(true)
    // One file at a time here: none was checked after the stop.
    expect(checked).toBe(1)
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(report)
    // A re-run then finishes the batch.
    expect((await runFolder(base)).report.documents).toHaveLength(7)
  })
})
