import {describe, expect, it} from 'vitest'
import {coalesce} from '../../src/run/pool.js'
import type {BatchResult} from '../../src/run/worker-protocol.js'

describe('batching tasks for the worker pool', () => {
  it('sends the tasks of one turn in batches of at most the size, in order', async () => {
    const batches: number[][] = []
    const run = coalesce<number>(async (tasks) => {
      batches.push(tasks)
      return tasks.map((task) => ({value: task * 10}))
    }, 4)
    const results = await Promise.all(Array.from({length: 10}, (_, i) => run(i)))
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    expect(batches).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9]
    ])
    // A later turn starts a new batch.
    expect(await run(11)).toBe(110)
    expect(batches.at(-1)).toEqual([11])
  })

  it('fails a task alone when the worker reports its error, and a whole batch when sending fails', async () => {
    const run = coalesce<string>(async (tasks): Promise<BatchResult[]> => {
      if (tasks.includes('crash')) throw new Error('worker died')
      return tasks.map((task) => (task === 'bad' ? {error: `cannot clean ${task}`} : {value: task.toUpperCase()}))
    }, 3)
    const settled = await Promise.allSettled(['a', 'bad', 'c', 'crash', 'e'].map(run))
    expect(settled.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([
      'A',
      'cannot clean bad',
      'C',
      'worker died',
      'worker died'
    ])
  })
})
