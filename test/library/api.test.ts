import {describe, expect, it} from 'vitest'
import {clean, createPipeline} from '../../src/index.js'

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
})
