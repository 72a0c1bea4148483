/**
 * Importing rinse (a stage, a plugin) loads no native module and no queue
 * client: SQLite, BullMQ and the worker pool load only when a run needs them.
 */
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

const DIST = join(import.meta.dirname, '..', '..', 'dist', 'index.js')

/** The packages a fresh process has loaded through the CommonJS loader (ESM imports of CommonJS land there too) after importing rinse. */
function loadedAfterImport(script: string): string[] {
  const program = `
    ${script}
    const {createRequire} = await import('node:module')
    const loaded = Object.keys(createRequire(import.meta.url).cache).map((path) => path.split('node_modules/').at(-1).split('/')[0])
    console.log(JSON.stringify([...new Set(loaded)]))`
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', program], {encoding: 'utf8'})) as string[]
}

describe('light imports', () => {
  it('importing rinse and cleaning a text loads neither better-sqlite3, bullmq (nor its Redis client) nor the worker pool', () => {
    const loaded = loadedAfterImport(`const {rinseRepair, clean} = await import(${JSON.stringify(DIST)}); clean('One.Two\\n')`)
    for (const heavy of ['better-sqlite3', 'bullmq', 'ioredis', 'piscina']) expect(loaded).not.toContain(heavy)
  })

  it('a run with a persistent index does load SQLite (the check above can fail)', () => {
    const loaded = loadedAfterImport(`
      const {createPipeline} = await import(${JSON.stringify(DIST)})
      const {mkdtempSync} = await import('node:fs')
      const {join} = await import('node:path')
      const {tmpdir} = await import('node:os')
      const index = join(mkdtempSync(join(tmpdir(), 'rinse-light-')), 'index.db')
      const pipeline = createPipeline({stages: [{dedup: {documents: {index, batch: 'b1'}}}]})
      await pipeline.prepare(() => [{path: 'a.txt', text: 'A document long enough to be signed by the index.\\n'}])`)
    expect(loaded).toContain('better-sqlite3')
  })
})
