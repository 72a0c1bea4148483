/**
 * Idempotency on whole pages: cleaning the cleaned output of a batch again changes
 * nothing. The batch is bench/quality/pages (labelled pages written for this project);
 * corpus stages are prepared over each pass's inputs, as `rinse run` on the output
 * folder would do. The fixtures check the same on their own inputs.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {createPipeline, formatEdit, type Document} from '../src/index.js'

const root = join(import.meta.dirname, '..', 'bench', 'quality', 'pages')

async function pass(documents: Document[]): Promise<Document[]> {
  const pipeline = createPipeline()
  await pipeline.prepare(() => documents)
  return documents
    .map((document) => ({path: document.path, text: pipeline.clean(document.text, document.path).text}))
    .filter((document) => !pipeline.stages.some((stage) => stage.corpus?.drop?.(document.path)))
}

describe('idempotency', () => {
  it('cleaning the cleaned pages again changes nothing', async () => {
    const names = readdirSync(root)
      .filter((name) => name.endsWith('.raw.txt'))
      .sort()
    expect(names.length).toBeGreaterThanOrEqual(12)
    const first = await pass(names.map((name) => ({path: name, text: readFileSync(join(root, name), 'utf8')})))
    const pipeline = createPipeline()
    await pipeline.prepare(() => first)
    const changes = first.flatMap((document) =>
      pipeline.clean(document.text, document.path).edits.map((edit) => `${document.path} ${formatEdit(edit)}`)
    )
    expect(changes).toEqual([])
  })
})
