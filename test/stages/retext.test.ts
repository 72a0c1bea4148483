/**
 * retext plugins as rinse stages: fixes become edits named after the plugin and
 * its rule, other messages warnings; pipelines/retext.yaml through the CLI.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {applyEdits, createPipeline, formatEdit, loadPipelineFile} from '../../src/index.js'
import {readReport, rinse, tempDir} from '../helpers.js'

const RETEXT_PIPELINE = join(import.meta.dirname, '..', '..', 'pipelines', 'retext.yaml')

describe('retext stage', () => {
  it("turns a plugin's fix into an edit naming the plugin and its rule id", () => {
    const pipeline = createPipeline({stages: [{retext: {plugin: 'retext-repeated-words'}}]})
    const result = pipeline.clean('It was the the best.\n')
    expect(result.text).toBe('It was the best.\n')
    expect(result.edits.map(formatEdit)).toEqual([
      '1:8-1:15 retext/retext-repeated-words:the: Unexpected repeated `the`, remove one occurrence "the the" → "the"'
    ])
  })

  it('passes the plugin its options and works paragraph by paragraph', () => {
    const pipeline = createPipeline({stages: [{retext: {plugin: 'retext-sentence-spacing', options: {preferred: 1}}}]})
    const text = 'One sentence.  Two sentences.\n\nA second paragraph.   And more.\n'
    const result = pipeline.clean(text)
    expect(result.text).toBe('One sentence. Two sentences.\n\nA second paragraph. And more.\n')
    expect(result.edits.map((edit) => [edit.rule, edit.start.line])).toEqual([
      ['retext-sentence-spacing:space', 1],
      ['retext-sentence-spacing:space', 3]
    ])
    expect(applyEdits(text, result.edits)).toBe(result.text)
  })

  it("makes a message without a fix a warning, and loads a plugin from the user's project", async () => {
    const project = tempDir()
    writeFileSync(
      join(project, 'flag-very.mjs'),
      "export default function flagVery() {\n  return (tree, file) => {\n    if (/\\bvery\\b/.test(file.value)) file.message('Avoid “very”', {place: tree.position, ruleId: 'very'})\n  }\n}\n"
    )
    mkdirSync(join(project, 'in'))
    writeFileSync(join(project, 'in', 'a.txt'), 'It was a very good day.\n')
    writeFileSync(join(project, 'pipeline.yaml'), 'stages:\n  - retext:\n      plugin: ./flag-very.mjs\n')
    const result = await rinse(['run', 'in', '--out', 'out', '--pipeline', 'pipeline.yaml', '--quiet'], {cwd: project})
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const report = readReport(join(project, 'out'))
    expect(report.documents[0]!.warnings).toEqual(['1:1 retext/./flag-very.mjs:very: Avoid “very”'])
    expect(readFileSync(join(project, 'out', 'cleaned', 'a.txt'), 'utf8')).toBe('It was a very good day.\n')
  })

  it('fails on load, naming the pipeline file and the stage, when a plugin is not installed', async () => {
    const project = tempDir()
    writeFileSync(join(project, 'pipeline.yaml'), 'stages:\n  - retext:\n      plugin: retext-no-such-plugin\n')
    const result = await rinse(['clean', '--pipeline', join(project, 'pipeline.yaml')], {input: 'Text.\n'})
    expect(result.stderr).toBe(
      `rinse: ${join(project, 'pipeline.yaml')}: \`stages[0].retext\`: cannot load the retext plugin \`retext-no-such-plugin\`: not installed (install it next to rinse: npm install retext-no-such-plugin)\n`
    )
    expect(result.code).toBe(2)
  })

  it('runs pipelines/retext.yaml through rinse run and rinse clean: edits replay to the output, a second clean changes nothing', async () => {
    const text = 'Leave a Reply\n\nThe ferry was was late again.  Passengers waited.\n\nThe council met.The vote passed.\n'
    const project = tempDir()
    mkdirSync(join(project, 'in'))
    writeFileSync(join(project, 'in', 'page.txt'), text)
    const run = await rinse(['run', join(project, 'in'), '--out', join(project, 'out'), '--pipeline', RETEXT_PIPELINE, '--quiet'])
    expect(run.code).toBe(0)
    const cleaned = readFileSync(join(project, 'out', 'cleaned', 'page.txt'), 'utf8')
    expect(cleaned).toBe('The ferry was late again. Passengers waited.\n\nThe council met. The vote passed.\n')
    const report = readReport(join(project, 'out'))
    const edits = report.documents[0]!.edits!
    expect(edits.map((edit) => edit.rule)).toContain('retext-repeated-words:was')
    expect(applyEdits(text, edits)).toBe(cleaned)
    const viaClean = await rinse(['clean', '--pipeline', RETEXT_PIPELINE], {input: text})
    expect(viaClean.stdout).toBe(cleaned)
    const pipeline = createPipeline(await loadPipelineFile(RETEXT_PIPELINE))
    expect(pipeline.clean(cleaned).edits).toEqual([])
  })
})
