/**
 * rinse's stages as unified transformer plugins: with retext-english as the
 * parser and retext-stringify as the compiler, the chain gives exactly what the
 * pipeline gives, one message per edit, and the tree it hands on is the cleaned
 * text's, so retext plugins after it see clean text.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import retextEnglish from 'retext-english'
import retextRepeatedWords from 'retext-repeated-words'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {
  createPipeline,
  DEFAULT_PIPELINE,
  formatEdit,
  prepareCorpus,
  rinseBoilerplate,
  rinseDedup,
  rinseNormalize,
  rinseRepair
} from '../../src/index.js'

// The default pipeline's options, its corpus halves left to prepareCorpus.
const options = Object.fromEntries(
  DEFAULT_PIPELINE.stages.map((entry) => (typeof entry === 'string' ? [entry, {}] : Object.entries(entry)[0]!))
) as Record<string, Record<string, unknown>>
const {documents: _documents, ...dedupOptions} = options['dedup']!
const {recurring: _recurring, ...boilerplateOptions} = options['boilerplate']!

const chain = () =>
  unified()
    .use(retextEnglish)
    .use(rinseNormalize, options['normalize'])
    .use(rinseBoilerplate, boilerplateOptions)
    .use(rinseRepair)
    .use(rinseDedup, dedupOptions)
    .use(retextStringify)

/** A message as the fixtures' messages.json spell an edit. */
function formatMessage(message: VFileMessage): string {
  const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
  const stage = message.source!.replace(/^rinse-/, '')
  const range = `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  return `${range} ${stage}/${message.ruleId}: ${message.reason} ${JSON.stringify(message.actual)} → ${JSON.stringify(message.expected![0])}`
}

const startOffset = (message: VFileMessage): number => (message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0)

const fixtures = join(import.meta.dirname, '..', 'fixtures')
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'input.txt')))

describe('unified plugins', () => {
  for (const name of cases) {
    it(`${name}: the chain gives the pipeline's text and one message per edit`, async () => {
      const input = readFileSync(join(fixtures, name, 'input.txt'), 'utf8')
      const file = await chain().process(new VFile({path: 'input.txt', value: input}))
      expect(String(file)).toBe(readFileSync(join(fixtures, name, 'output.txt'), 'utf8'))
      const infos = file.messages.filter((message) => message.fatal === undefined && message.source?.startsWith('rinse-'))
      const sorted = [...infos].sort((a, b) => startOffset(a) - startOffset(b))
      expect(sorted.map(formatMessage)).toEqual(JSON.parse(readFileSync(join(fixtures, name, 'messages.json'), 'utf8')))
      for (const message of infos) expect(message.url).toMatch(new RegExp(`docs/rules\\.md#${message.ruleId}$`))
    })
  }

  it('hands the cleaned tree on: a retext plugin after rinse does not see text that boilerplate removed', async () => {
    const text = 'Tags: harbour harbour ferry\n\nThe ferry ran again on Monday after a long repair.\n'
    const withoutRinse = await unified().use(retextEnglish).use(retextRepeatedWords).use(retextStringify).process(text)
    expect(withoutRinse.messages.map((message) => message.ruleId)).toContain('harbour')
    const pipeline = createPipeline({stages: [{boilerplate: {patterns: [{id: 'tags-line', pattern: '^Tags:', reason: 'tag list'}]}}]})
    const file = await unified()
      .use(retextEnglish)
      .use(rinseBoilerplate, {patterns: [{id: 'tags-line', pattern: '^Tags:', reason: 'tag list'}]})
      .use(retextRepeatedWords)
      .use(retextStringify)
      .process(text)
    expect(String(file)).toBe(pipeline.clean(text).text)
    expect(file.messages.map((message) => `${message.source}/${message.ruleId}`)).toEqual(['rinse-boilerplate/tags-line'])
  })

  it('keeps positions in the original text across plugins, and the edit log in file.data.rinse', async () => {
    const file = await unified()
      .use(retextEnglish)
      .use(rinseNormalize)
      .use(rinseBoilerplate)
      .use(rinseRepair)
      .use(retextStringify)
      .process(new VFile({path: 'page.txt', value: 'Q&amp;A with the mayor.\n\nLeave a Reply\n\nIt rained.The end.\n'}))
    expect(String(file)).toBe('Q&A with the mayor.\n\nIt rained. The end.\n')
    expect(
      file.messages.map(
        (message) =>
          `${message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}` : ''} ${message.source}/${message.ruleId}`
      )
    ).toEqual(['1:2 rinse-normalize/html-entity', '2:1 rinse-boilerplate/comment-form', '5:11 rinse-repair/glued-full-stop'])
    expect(file.data.rinse?.log?.text).toBe(String(file))
    expect(file.data.rinse?.edits.map(formatEdit)).toHaveLength(3)
  })

  it('checks options as a pipeline file does', () => {
    expect(() =>
      unified()
        .use(retextEnglish)
        .use(rinseRepair, {rules: {'no-such-rule': false}} as never)
        .freeze()
    ).toThrow(/^rinseRepair options: `rules.no-such-rule`: unknown rule; expected one of rewrap, doubled-punctuation/)
  })

  it('refuses a corpus option without the batch instead of doing nothing', () => {
    expect(() =>
      unified()
        .use(retextEnglish)
        .use(rinseDedup, {documents: {threshold: 0.5}})
        .freeze()
    ).toThrow(/rinseDedup: `documents` works across the documents of a batch: pass \{corpus: await prepareCorpus\(documents\)\}/)
  })

  it('finds copies across documents with a prepared corpus', async () => {
    const article =
      'The harbour ferry returned to service on Monday after a six-week repair of its engine and hull, the operator said.\n\n' +
      'Passengers queued from early morning, and the first crossing left on time with every seat taken.\n'
    const documents = [
      {path: 'a.txt', text: article},
      {path: 'b.txt', text: article + '\nRead more on our website.\n'},
      {path: 'c.txt', text: 'A different story about the library fines being dropped for children across the county this year.\n'}
    ]
    const corpus = await prepareCorpus(documents, {stages: ['normalize', {dedup: {documents: {policy: 'longest'}}}]})
    const results = await Promise.all(
      documents.map(async (document) => {
        const file = await unified()
          .use(retextEnglish)
          .use(rinseNormalize)
          .use(rinseDedup, {corpus})
          .use(retextStringify)
          .process(new VFile({path: document.path, value: document.text}))
        return [document.path, file.data.rinse?.dropped?.rule, file.messages.filter((message) => message.fatal === false).length] as const
      })
    )
    expect(results).toEqual([
      ['a.txt', 'duplicate-document', 1],
      ['b.txt', undefined, 0],
      ['c.txt', undefined, 0]
    ])
  })
})

describe('unified plugins with a corpus of several stages', () => {
  it('reports a dropped document once, from dedup, when boilerplate has the corpus too', async () => {
    const article =
      'The harbour ferry returned to service on Monday after a six-week repair of its engine and hull, the operator said.\n\n' +
      'Passengers queued from early morning, and the first crossing left on time with every seat taken.\n'
    const documents = [
      {path: 'a.txt', text: article},
      {path: 'b.txt', text: article + '\nRead more on our website.\n'}
    ]
    const corpus = await prepareCorpus(documents, {stages: ['normalize', 'boilerplate', {dedup: {documents: {policy: 'longest'}}}]})
    const file = await unified()
      .use(retextEnglish)
      .use(rinseNormalize)
      .use(rinseBoilerplate, {corpus})
      .use(rinseDedup, {corpus})
      .use(retextStringify)
      .process(new VFile({path: 'a.txt', value: article}))
    expect(file.data.rinse?.dropped?.rule).toBe('duplicate-document')
    expect(file.messages.filter((message) => message.fatal === false).map((message) => message.source)).toEqual(['rinse-dedup'])
  })
})
