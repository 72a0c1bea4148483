import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError, createPipeline, DEFAULT_PIPELINE_PATH, loadPipelineFile, parsePipeline} from '../../src/index.js'
import {rinse, tempDir} from '../helpers.js'

function configError(data: unknown): string {
  try {
    parsePipeline(data, 'p.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('pipeline files', () => {
  it('loads every example in pipelines/', async () => {
    for (const name of ['default.yaml', 'minimal.yaml', 'strict.yaml', 'lenient.yaml']) {
      const config = await loadPipelineFile(join(import.meta.dirname, '..', '..', 'pipelines', name))
      expect(config.stages.length).toBeGreaterThan(0)
      expect(config.hash).toMatch(/^[0-9a-f]{16}$/)
    }
  })

  it('builds the default pipeline from pipelines/default.yaml when given none', async () => {
    expect(createPipeline().config.hash).toBe((await loadPipelineFile(DEFAULT_PIPELINE_PATH)).hash)
  })

  it('switches stages off with false and names the file, the key and what was expected on mistakes', () => {
    expect(parsePipeline({stages: ['normalize', {repair: false}]}).stages.map((entry) => entry.stage)).toEqual(['normalize'])
    expect(configError({stages: ['normalise']})).toBe(
      'p.yaml: `stages[0]`: unknown stage `normalise`; expected one of normalize, boilerplate, repair, dedup, retext'
    )
    expect(configError({stages: [{dedup: {minWord: 3}}]})).toBe('p.yaml: `stages[0].dedup.minWord`: unknown option')
    expect(configError({stages: [{dedup: {minWords: 'three'}}]})).toBe('p.yaml: `stages[0].dedup.minWords`: expected number')
    // A choice names its own choices, not the stage's rules.
    expect(configError({stages: [{boilerplate: {keep: {title: 'maybe'}}}]})).toBe(
      'p.yaml: `stages[0].boilerplate.keep.title`: expected one of keep, auto, drop'
    )
    // Inside an option that is false or a mapping: the mapping's own mistake, not "Invalid input".
    expect(configError({stages: [{dedup: {documents: {treshold: 0.5}}}]})).toBe(
      'p.yaml: `stages[0].dedup.documents.treshold`: unknown option'
    )
    expect(configError({stages: [{dedup: {documents: {policy: 'best'}}}]})).toBe(
      'p.yaml: `stages[0].dedup.documents.policy`: expected one of longest, earliest, first-seen'
    )
    expect(configError({stages: [{boilerplate: {classifier: {threshold: 2}}}]})).toMatch(
      /`stages\[0\]\.boilerplate\.classifier\.threshold`: Too big/
    )
    // A check that spans options names the option, with the defaults of the others filled in.
    expect(configError({stages: [{dedup: {documents: {bands: 50}}}]})).toBe(
      'p.yaml: `stages[0].dedup.documents.bands`: bands × rows (150) exceeds numHashes (128)'
    )
    // What the file does not say stays unsaid in the pipeline (its hash and report), though defaults apply.
    expect(parsePipeline({stages: [{dedup: {documents: {threshold: 0.6}}}]}).stages[0]!.options).toEqual({documents: {threshold: 0.6}})
    expect(configError({stages: [{dedup: {documents: 5}}]})).toBe(
      'p.yaml: `stages[0].dedup.documents`: expected false (off) or a mapping of options'
    )
    expect(configError({stages: [{boilerplate: {rules: {'vidoe-caption': false}}}]})).toMatch(
      /^p\.yaml: `stages\[0\]\.boilerplate\.rules\.vidoe-caption`: unknown rule; expected one of comment-form, breadcrumb, /
    )
    expect(configError({stages: [{boilerplate: {patterns: [{id: 'x', pattern: '(', reason: 'r'}]}}]})).toBe(
      'p.yaml: `stages[0].boilerplate.patterns.0.pattern`: expected a pattern RE2 can run, not `(`: missing ): ( (rinse runs pipeline patterns with RE2, in time linear in the line, so that no line can hang a batch; RE2 has no backreferences or lookaround)'
    )
    expect(configError({stages: [{boilerplate: {patterns: [{id: 'x', pattern: '(?<=Photo )by', reason: 'r'}]}}]})).toMatch(
      /^p\.yaml: `stages\[0\]\.boilerplate\.patterns\.0\.pattern`: expected a pattern RE2 can run, not `\(\?<=Photo \)by`: invalid perl operator: \(\?<=/
    )
    expect(configError({stage: []})).toBe('p.yaml: `stage`: unknown key; expected `stages` and optionally `site`')
    expect(configError({stages: [], site: 3})).toBe('p.yaml: `site`: expected a regular expression over document paths (a string)')
    expect(configError({stages: [], site: '(unclosed'})).toMatch(/^p\.yaml: `site`: not a regular expression: /)
    expect(configError({stages: [{normalize: {}, repair: {}}]})).toMatch(/`stages\[0\]`: expected a stage name or a mapping/)
  })

  it('fails before reading any input when the pipeline file is wrong', async () => {
    const work = tempDir()
    const pipeline = join(work, 'bad.yaml')
    writeFileSync(pipeline, 'stages:\n  - boilerplate:\n      rules:\n        masthed: false\n')
    const result = await rinse(['run', join(work, 'does-not-exist'), '--out', join(work, 'out'), '--pipeline', pipeline])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${pipeline}: \`stages[0].boilerplate.rules.masthed\`: unknown rule`)
    writeFileSync(pipeline, 'stages: [normalize\n')
    const broken = await rinse(['run', work, '--out', join(work, 'out'), '--pipeline', pipeline])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain(`${pipeline}: not valid YAML`)
  })
})
