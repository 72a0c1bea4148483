/** A batch copied or touched since it was cleaned (new mtimes, the same bytes) is not collected or cleaned again. */
import {cpSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DEFAULT_PIPELINE_PATH, loadPipelineFile, runFolder, type Progress, type RunOptions} from '../../src/index.js'
import {listFiles, sampleCopy} from '../helpers.js'

/** A copy of the sample folder to run on, and the run options for it (default pipeline, in process). */
async function sampleRun(): Promise<{input: string; out: string; base: RunOptions}> {
  const {input, out} = sampleCopy()
  return {input, out, base: {input, out, pipeline: await loadPipelineFile(DEFAULT_PIPELINE_PATH), workers: 1, html: false}}
}

describe('resuming a copied batch', () => {
  it('takes the corpus indexes as saved when every file is one the batch finished, and collects again when one is gone', async () => {
    const {input, out, base} = await sampleRun()
    const first = await runFolder(base)
    const cleaned = Object.fromEntries(
      listFiles(join(out, 'cleaned')).map((name) => [name, readFileSync(join(out, 'cleaned', name), 'utf8')])
    )

    const later = new Date(Date.now() + 60_000)
    for (const name of listFiles(input)) utimesSync(join(input, name), later, later)
    const phases = new Set<string>()
    const track = (progress: Progress): void => void phases.add(`${progress.phase} ${progress.pass}/${progress.passes}`)
    const touched = await runFolder({...base, onProgress: track})
    expect([...phases]).toEqual(['check 0/0', 'clean 1/1'])
    expect(touched.resumed).toBe(6)
    expect(touched.report.clusters).toEqual(first.report.clusters)
    for (const [name, text] of Object.entries(cleaned)) expect(readFileSync(join(out, 'cleaned', name), 'utf8')).toBe(text)

    // A file gone from the batch changes the corpus: it is collected again.
    rmSync(join(input, listFiles(input)[0]!))
    phases.clear()
    const smaller = await runFolder({...base, onProgress: track})
    expect([...phases]).toContain('collect 1/3')
    expect(smaller.report.documents).toHaveLength(5)
  })

  it('collects a finished batch again when its saved indexes are gone, so the report keeps its clusters', async () => {
    const {input, out, base} = await sampleRun()
    cpSync(join(input, 'heatwave.txt'), join(input, 'heatwave-copy.txt'))
    const first = await runFolder(base)
    expect(first.report.clusters.length).toBeGreaterThan(0)
    // Another rinse version, or a damaged file: the indexes cannot be used.
    rmSync(join(out, '.rinse', 'corpus.v8'))
    const again = await runFolder(base)
    expect(again.resumed).toBe(7)
    expect(again.report.clusters).toEqual(first.report.clusters)
  })

  it('cleans a file again when its output is not the size its manifest line recorded (a later line lost)', async () => {
    const {input, out, base} = await sampleRun()
    const name = listFiles(input)[0]!
    const path = join(input, name)
    const original = readFileSync(path, 'utf8')
    // A whole second, so that putting it back gives the very same mtime.
    const mtime = new Date('2026-01-01T00:00:00Z')
    utimesSync(path, mtime, mtime)
    await runFolder(base)
    const cleaned = readFileSync(join(out, 'cleaned', name), 'utf8')
    const manifest = readFileSync(join(out, '.rinse', 'manifest.jsonl'), 'utf8')
    const report = readFileSync(join(out, 'report.json'))
    // Edited and cleaned; then that run's manifest lines are lost (a crash, which came
    // before its report.json too) and the file is put back with its old mtime (cp -p):
    // size and mtime match the old line.
    writeFileSync(path, original + '\nThe council will meet again in the spring to vote on the final budget.\n')
    await runFolder(base)
    writeFileSync(join(out, '.rinse', 'manifest.jsonl'), manifest)
    writeFileSync(join(out, 'report.json'), report)
    writeFileSync(path, original)
    utimesSync(path, mtime, mtime)
    const rerun = await runFolder(base)
    expect(rerun.resumed).toBe(5)
    expect(readFileSync(join(out, 'cleaned', name), 'utf8')).toBe(cleaned)
  })
})
