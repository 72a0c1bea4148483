/** A batch copied or touched since it was cleaned (new mtimes, the same bytes) is not collected or cleaned again. */
import {cpSync, readdirSync, readFileSync, rmSync, utimesSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DEFAULT_PIPELINE_PATH, loadPipelineFile, runFolder, type Progress} from '../../src/index.js'
import {tempDir} from '../helpers.js'

const SAMPLE = join(import.meta.dirname, '..', '..', 'input')

function files(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

describe('resuming a copied batch', () => {
  it('takes the corpus indexes as saved when every file is one the batch finished, and collects again when one is gone', async () => {
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const work = tempDir()
    const input = join(work, 'in')
    const out = join(work, 'out')
    cpSync(SAMPLE, input, {recursive: true})
    const base = {input, out, pipeline, workers: 1, html: false}
    const first = await runFolder(base)
    const cleaned = Object.fromEntries(files(join(out, 'cleaned')).map((name) => [name, readFileSync(join(out, 'cleaned', name), 'utf8')]))

    const later = new Date(Date.now() + 60_000)
    for (const name of files(input)) utimesSync(join(input, name), later, later)
    const phases = new Set<string>()
    const track = (progress: Progress): void => void phases.add(`${progress.phase} ${progress.pass}/${progress.passes}`)
    const touched = await runFolder({...base, onProgress: track})
    expect([...phases]).toEqual(['check 0/0', 'clean 1/1'])
    expect(touched.resumed).toBe(6)
    expect(touched.report.clusters).toEqual(first.report.clusters)
    for (const [name, text] of Object.entries(cleaned)) expect(readFileSync(join(out, 'cleaned', name), 'utf8')).toBe(text)

    // A file gone from the batch changes the corpus: it is collected again.
    rmSync(join(input, files(input)[0]!))
    phases.clear()
    const smaller = await runFolder({...base, onProgress: track})
    expect([...phases]).toContain('collect 1/3')
    expect(smaller.report.documents).toHaveLength(5)
  })
})
