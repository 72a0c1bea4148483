/** The progress line: which pass of how many, what it is doing, and how long is left of it. */
import {describe, expect, it} from 'vitest'
import {progressLine} from '../../src/cli/progress.js'
import {createPipeline} from '../../src/library/pipeline.js'
import {passCounter, type Progress} from '../../src/run/batch.js'

const base: Progress = {phase: 'clean', pass: 3, passes: 3, done: 100, total: 400, bytes: 8e6, path: 'a.txt', failed: false}

describe('progress', () => {
  it('numbers one pass per corpus stage collected, then the cleaning pass', () => {
    const {stages} = createPipeline()
    const boilerplate = stages.findIndex((stage) => stage.name === 'boilerplate')
    const dedup = stages.findIndex((stage) => stage.name === 'dedup')
    const passes = passCounter(stages, true)
    expect([passes.of(boilerplate), passes.of(dedup), passes.cleaning]).toEqual([
      {pass: 1, passes: 3},
      {pass: 2, passes: 3},
      {pass: 3, passes: 3}
    ])
    // A resumed batch that needs no collection only cleans.
    expect(passCounter(stages, false).cleaning).toEqual({pass: 1, passes: 1})
    expect(passCounter(createPipeline({stages: ['normalize', 'repair']}).stages, true).cleaning).toEqual({pass: 1, passes: 1})
  })

  it('shows the pass, what it does, the files done, the rate and the time left', () => {
    expect(progressLine(base, 4, 10)).toBe('pass 3/3 cleaning [###       ] 100/400 files  2.0 MB/s  0:12 left')
    expect(progressLine({...base, phase: 'collect', stage: 'boilerplate', pass: 1}, 2, 10)).toBe(
      'pass 1/3 collecting for boilerplate [###       ] 100/400 files  4.0 MB/s  0:06 left'
    )
    // Half a second into a pass: too early to estimate.
    expect(progressLine(base, 0.5, 10)).toBe('pass 3/3 cleaning [###       ] 100/400 files  16.0 MB/s')
    // 300 of 400 done, 200 of them taken from an earlier run: 100 in 4 s, so 4 s left.
    expect(progressLine({...base, done: 300, skipped: 200, bytes: 1e6}, 4, 10)).toBe(
      'pass 3/3 cleaning [########  ] 300/400 files  0.3 MB/s  0:04 left'
    )
    // Done: no estimate; no bytes known (distributed jobs): no rate.
    expect(progressLine({...base, done: 400, bytes: 0}, 4000, 10)).toBe('pass 3/3 cleaning [##########] 400/400 files')
    expect(progressLine({...base, done: 1, total: 4000, bytes: 0}, 3, 10)).toBe('pass 3/3 cleaning [          ] 1/4000 files  3:19:57 left')
    // Before the passes: which files an earlier run finished.
    expect(progressLine({...base, phase: 'check', pass: 0, passes: 0, bytes: 0}, 1, 10)).toBe(
      'checking what an earlier run finished [###       ] 100/400 files'
    )
  })
})
