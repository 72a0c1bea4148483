import {gunzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {packForScript, packForScriptStream} from '../../src/report/html/util.js'

async function streamed(value: object): Promise<{base64: string; pieces: number}> {
  const pieces: string[] = []
  await packForScriptStream(value, async (piece) => {
    pieces.push(piece)
  })
  return {base64: pieces.join(''), pieces: pieces.length}
}

const unpack = (base64: string): string => gunzipSync(Buffer.from(base64, 'base64')).toString('utf8')

describe('packForScriptStream', () => {
  it('writes, in pieces, one base64 encoding of the same JSON as packForScript', async () => {
    // Documents enough to pass the 1 MiB piece size several times, with text outside Latin-1
    // and lengths that leave 1 or 2 compressed bytes over a 3-byte group.
    const docs = Array.from({length: 4000}, (_, i) => ({
      p: `site/page-${i}.txt`,
      t: `Überschrift ${i} — ${'Näher am Text. '.repeat(i % 97)}`,
      e: [[i, 2, 'x']]
    }))
    const value = {v: 1, run: 'r1', skipped: undefined, stages: ['normalize'], docs, clusters: [{id: 'c1', m: [['a', 0.9, 1]]}], empty: []}
    const {base64, pieces} = await streamed(value)
    expect(pieces).toBeGreaterThan(2)
    expect(base64).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(unpack(base64)).toBe(JSON.stringify(value))
    expect(unpack(base64)).toBe(unpack(packForScript(value)))
  })

  it('packs an object without arrays, and empty arrays, as JSON.stringify does', async () => {
    for (const value of [{}, {a: []}, {a: 'x', b: [null, 0, 'y'], c: {d: [1]}}])
      expect(unpack((await streamed(value)).base64)).toBe(JSON.stringify(value))
  })
})
