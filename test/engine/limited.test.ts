import pLimit from 'p-limit'
import {describe, expect, it} from 'vitest'
import {forEachLimited, mapLimited} from '../../src/engine/limited.js'

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1))

describe('bounded concurrency over a long list', () => {
  it('keeps at most the bound in flight and takes items only as slots free up', async () => {
    let running = 0
    let most = 0
    let pulled = 0
    let pulledWhileFirstRan = 0
    function* items(): Generator<number> {
      for (let i = 0; i < 50; i++) {
        pulled++
        yield i
      }
    }
    await forEachLimited(items(), pLimit(4), async (item) => {
      running++
      most = Math.max(most, running)
      if (item === 0) pulledWhileFirstRan = pulled
      await tick()
      running--
    })
    expect(most).toBe(4)
    expect(pulled).toBe(50)
    // Not every item was taken before the first one ran.
    expect(pulledWhileFirstRan).toBeLessThanOrEqual(4)
  })

  it('stops taking items once its signal aborts (a JSONL dump is not read to its end)', async () => {
    let pulled = 0
    async function* records(): AsyncGenerator<number> {
      for (let i = 0; i < 1000; i++) {
        pulled++
        yield i
      }
    }
    const stop = new AbortController()
    const done: number[] = []
    await forEachLimited(
      records(),
      pLimit(2),
      async (item) => {
        await tick()
        done.push(item)
        if (item === 3) stop.abort()
      },
      stop.signal
    )
    expect(pulled).toBeLessThan(10)
    // What was started finishes.
    expect(done).toContain(3)
  })

  it('returns results in item order whatever order they finish in', async () => {
    const results = await mapLimited([30, 10, 20, 0], pLimit(2), async (ms, index) => {
      await new Promise((resolve) => setTimeout(resolve, ms))
      return `${index}:${ms}`
    })
    expect(results).toEqual(['0:30', '1:10', '2:20', '3:0'])
  })

  it('stops starting new items after a failure and reports it', async () => {
    const started: number[] = []
    const run = forEachLimited(
      Array.from({length: 20}, (_, i) => i),
      pLimit(2),
      async (item) => {
        started.push(item)
        await tick()
        if (item === 3) throw new Error('item 3 failed')
      }
    )
    await expect(run).rejects.toThrow('item 3 failed')
    expect(started.length).toBeLessThan(20)
  })

  it('reports a failure of a task no one was waiting on (fewer items than the bound), after the others settle', async () => {
    const finished: number[] = []
    const run = forEachLimited([0, 1, 2], pLimit(8), async (item) => {
      if (item === 0) throw new Error('item 0 failed')
      await tick()
      finished.push(item)
    })
    await expect(run).rejects.toThrow('item 0 failed')
    expect(finished.sort()).toEqual([1, 2])
  })
})
