import {describe, expect, it} from 'vitest'
import type {Trace} from '../../src/engine/clean-document.js'
import {decodeTrace, encodeTrace} from '../../src/run/trace-codec.js'

const trace: Trace = {
  stages: 2,
  passes: [
    [
      {start: 0, end: 3, replacement: '', rule: 'line-trim', reason: 'whitespace at the start or end of a line'},
      {start: 9, end: 12, replacement: '', rule: 'line-trim', reason: 'whitespace at the start or end of a line'}
    ],
    [],
    [
      {start: 4, end: 20, replacement: '', rule: 'block-classifier', reason: 'scored as boilerplate (menu-line)', detail: {score: 0.1}},
      {start: 30, end: 31, replacement: '"', rule: 'block-classifier', reason: 'scored as boilerplate (tag-line)'}
    ]
  ],
  conflicts: [],
  warnings: ['3:1 boilerplate/kept-prose: kept'],
  prepared: [{block: 1, kept: 0, exact: true}],
  text: [120, 987654]
}

describe('the spool encoding of a trace', () => {
  it('gives back every edit, in order, without its detail', () => {
    const decoded = decodeTrace(encodeTrace(trace))
    expect(decoded).toEqual({...trace, passes: trace.passes.map((pass) => pass.map(({detail: _detail, ...edit}) => edit))})
    expect(decoded.passes[2]![0]).not.toHaveProperty('detail')
  })

  it('writes each rule and reason once', () => {
    const encoded = encodeTrace(trace)
    expect(encoded.split('whitespace at the start or end of a line')).toHaveLength(2)
    expect(encoded).not.toContain('0.1')
  })
})
