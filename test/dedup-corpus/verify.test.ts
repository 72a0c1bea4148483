/**
 * How a candidate pair is verified: a near copy is alike throughout, not only
 * in the paragraphs it shares verbatim with the other document.
 */
import {describe, expect, it} from 'vitest'
import {loadArticles} from '../../bench/dedup/corpus.js'
import {collect, DedupIndex, resolveOptions} from '../../src/stages/dedup/corpus/index.js'

const options = resolveOptions()
const {articles} = loadArticles()

function decide(docs: Array<{path: string; blocks: string[]}>) {
  const index = new DedupIndex(options)
  for (const doc of docs) index.add(collect(doc, options))
  return index.decisions()
}

describe('near copies', () => {
  // A press office's closing paragraphs, printed under two different announcements.
  const closing = articles[13]!.paragraphs.slice(0, 4)

  it('are not two announcements that share only their closing paragraphs', () => {
    const decisions = decide([
      {path: 'press/week-1.txt', blocks: [...articles[11]!.paragraphs.slice(0, 2), ...closing]},
      {path: 'press/week-2.txt', blocks: [...articles[12]!.paragraphs.slice(0, 2), ...closing]}
    ])
    for (const decision of decisions.values()) expect(decision).toMatchObject({action: 'keep', clusterId: null})
  })

  it('are still copies that share those paragraphs and whose other paragraphs are alike', () => {
    const own = articles[11]!.paragraphs.slice(0, 2)
    // The same announcement with a few words changed in its own paragraphs.
    const edited = own.map((p) => p.replace(/\bthe\b/g, 'this').replace(/\band\b/, 'as well as'))
    const decisions = decide([
      {path: 'press/week-1.txt', blocks: [...own, ...closing]},
      {path: 'press/week-1-again.txt', blocks: [...edited, ...closing]}
    ])
    expect([...decisions.values()].filter((decision) => decision.action === 'drop')).toMatchObject([{match: 'near'}])
  })
})
