import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {describe, expect, it} from 'vitest'
import {clean, createPipeline, rinseBoilerplate, rinseNormalize, rinseRepair} from '../../src/index.js'

describe('library', () => {
  it('cleans a string with the default pipeline and returns a vfile of messages', () => {
    const result = clean('Home News A title that goes on...\n\nThe summit ended.Leaders left.\n')
    expect(result.text).toBe('The summit ended. Leaders left.\n')
    expect(result.file.messages.map((message) => [message.source, message.ruleId, message.actual, message.expected])).toEqual([
      ['rinse-boilerplate', 'breadcrumb', 'Home News A title that goes on...\n\n', ['']],
      ['rinse-repair', 'glued-full-stop', '', [' ']]
    ])
    expect(String(result.file)).toBe(result.text)
  })

  it('cleans documents from a stream one at a time', async () => {
    const pipeline = createPipeline({stages: ['repair']})
    async function* documents() {
      yield {path: 'a.txt', text: 'One.Two'}
      yield {path: 'b.txt', text: 'Three , four'}
    }
    const cleaned: string[] = []
    for await (const document of pipeline.cleanStream(documents())) cleaned.push(`${document.path}: ${document.result.text}`)
    expect(cleaned).toEqual(['a.txt: One. Two', 'b.txt: Three, four'])
  })

  it('runs each stage as a unified plugin next to retext-english, with positions in the original', async () => {
    const processor = unified().use(retextEnglish).use(rinseNormalize).use(rinseBoilerplate).use(rinseRepair)
    const file = new VFile({path: 'page.txt', value: 'Q&amp;A with the mayor.\n\nLeave a Reply\n\nIt rained.The end.\n'})
    await processor.run(processor.parse(file), file)
    expect(file.data.rinseText).toBe('Q&A with the mayor.\n\nIt rained. The end.\n')
    const lines = file.messages.map(
      (message) =>
        `${message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}` : ''} ${message.source}/${message.ruleId}`
    )
    expect(lines).toEqual(['1:2 rinse-normalize/html-entity', '2:1 rinse-boilerplate/comment-form', '5:11 rinse-repair/glued-full-stop'])
    expect(reporter([file])).toContain('glued-full-stop')
  })
})
