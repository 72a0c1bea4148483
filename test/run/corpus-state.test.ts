/** Saved corpus indexes are used only for the batch, pipeline and rinse version they were built for. */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {serialize} from 'node:v8'
import {describe, expect, it} from 'vitest'
import {loadCorpus, saveCorpus, tryRestore} from '../../src/run/corpus-state.js'
import {corpusClusters, corpusSnapshots, dropDecision} from '../../src/engine/corpus.js'
import {createPipeline} from '../../src/library/pipeline.js'
import {VERSION} from '../../src/version.js'
import {tempDir} from '../helpers.js'

describe('saved corpus indexes', () => {
  it('come back for the same batch and pipeline, and restore the recurring lines they held', async () => {
    const built = createPipeline()
    const footer = 'Follow us on social media for more updates'
    const stories = [
      'The council voted to close the old bridge for repairs over the summer months.',
      'A local bakery won a national prize for its sourdough after ten years of trying.',
      'Heavy rain flooded three streets near the river on Tuesday night, residents said.',
      'The museum reopened its east wing with a show of maps from the eighteenth century.',
      'Students at the high school built a small satellite that will launch next spring.',
      'The tram line extension is two months late, the transport authority admitted.'
    ]
    await built.prepare(() => stories.map((story, i) => ({path: `${i}.txt`, text: `${story}\n\n${footer}\n`})))
    const file = join(tempDir(), 'corpus.v8')
    saveCorpus(file, {batch: 'b1', pipeline: 'p1', fingerprint: 'f1', snapshots: corpusSnapshots(built.stages)})

    const saved = await loadCorpus(file, 'b1', 'p1')
    expect(saved?.fingerprint).toBe('f1')
    const fresh = createPipeline()
    expect(fresh.clean(`Another story.\n\n${footer}\n`).text).toContain(footer)
    expect(tryRestore(fresh.stages, saved!.snapshots)).toBe(true)
    expect(fresh.clean(`Another story.\n\n${footer}\n`).text).not.toContain(footer)
  })

  it('are not used for another batch, another pipeline, another rinse version, or a damaged file', async () => {
    const dir = tempDir()
    const file = join(dir, 'corpus.v8')
    saveCorpus(file, {batch: 'b1', pipeline: 'p1', fingerprint: 'f1', snapshots: []})
    expect(await loadCorpus(file, 'b2', 'p1')).toBeUndefined()
    expect(await loadCorpus(file, 'b1', 'p2')).toBeUndefined()
    writeFileSync(file, serialize({version: 1, rinse: `${VERSION}-other`, batch: 'b1', pipeline: 'p1', fingerprint: 'f1', snapshots: []}))
    expect(await loadCorpus(file, 'b1', 'p1')).toBeUndefined()
    writeFileSync(file, 'not a v8 serialization')
    expect(await loadCorpus(file, 'b1', 'p1')).toBeUndefined()
    expect(await loadCorpus(join(dir, 'missing.v8'), 'b1', 'p1')).toBeUndefined()
    // Snapshots for a stage that is not a corpus stage do not fit.
    expect(tryRestore(createPipeline().stages, [[0, {}]])).toBe(false)
  })

  it('for worker threads, leave out the drops and clusters that the main thread decides and reports', async () => {
    const built = createPipeline()
    const story =
      'The harbour authority said on Monday that the new ferry terminal would open in May, two months later than planned, because the steel for its roof arrived late from the mill.'
    const other =
      'A family of otters has returned to the canal for the first time in forty years, and volunteers who cleared the banks last winter say the water is now clean enough for fish.'
    await built.prepare(() => [
      {path: 'a.txt', text: `${story}\n\n${other}\n`},
      {path: 'b.txt', text: `${story}\n\n${other}\n`}
    ])
    expect(dropDecision(built.stages, 'b.txt')?.rule).toBe('duplicate-document')
    expect(corpusClusters(built.stages)).toHaveLength(1)

    const whole = createPipeline()
    expect(tryRestore(whole.stages, corpusSnapshots(built.stages))).toBe(true)
    expect(dropDecision(whole.stages, 'b.txt')?.detail?.keptPath).toBe('a.txt')
    expect(corpusClusters(whole.stages)).toHaveLength(1)

    const cleaning = createPipeline()
    expect(tryRestore(cleaning.stages, corpusSnapshots(built.stages, 'cleaning'))).toBe(true)
    expect(dropDecision(cleaning.stages, 'b.txt')).toBeUndefined()
    expect(corpusClusters(cleaning.stages)).toHaveLength(0)
  })
})
