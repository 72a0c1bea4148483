/** A JSONL dump of 130,000 records: past the ~125,000 items at which spreading the documents into push() overflowed the stack. */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readReport, rinse, tempDir} from '../helpers.js'

const COUNT = 130_000

describe('a large JSONL dump', () => {
  it('is cleaned and resumed with every record in the report', {timeout: 300_000}, async () => {
    const work = tempDir()
    const dump = join(work, 'm.jsonl')
    let text = ''
    for (let i = 0; i < COUNT; i++) text += JSON.stringify({id: i, text: `x${i}`}) + '\n'
    writeFileSync(dump, text)
    const out = join(work, 'out')
    const args = ['run', dump, '--out', out, '--format', 'jsonl', '--pipeline', 'pipelines/minimal.yaml', '--quiet']
    const first = await rinse(args)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(readReport(out).documents).toHaveLength(COUNT)
    expect(readFileSync(join(out, 'cleaned', 'm.jsonl'), 'utf8').split('\n')).toHaveLength(COUNT + 1)
    const again = await rinse(args)
    expect(again.stderr).toBe('')
    expect(again.code).toBe(0)
    expect(readReport(out).documents).toHaveLength(COUNT)
  })
})
