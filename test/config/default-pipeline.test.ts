import {describe, expect, it} from 'vitest'
import {createPipeline, DEFAULT_PIPELINE} from '../../src/index.js'

describe('pipelines/default.yaml', () => {
  it('states every option at the value its stage defaults it to, so the two cannot drift apart', () => {
    const written = createPipeline(DEFAULT_PIPELINE).stages
    const bare = createPipeline({stages: written.map((stage) => stage.name)}).stages
    expect(written.map((stage) => stage.name)).toEqual(['normalize', 'boilerplate', 'repair', 'dedup'])
    for (const [index, stage] of written.entries()) expect(stage.options, stage.name).toEqual(bare[index]!.options)
  })
})
