import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/index.js'
import {lineTrim} from '../../src/stages/normalize/rules/line-trim.js'

const normalizeOnly = createPipeline({stages: ['normalize']})
const norm = (text: string): string => normalizeOnly.clean(text).text

describe('normalize', () => {
  it('decodes entities, strips tag remnants and invisible characters', () => {
    expect(norm('Q&amp;A with AT&T&nbsp;staff &#8217; &amp;rsquo;\n')).toBe('Q&A with AT&T staff ’ ’\n')
    expect(norm('p class=”td-ad-inline ng-hide”>Enjoy the text.\n')).toBe('Enjoy the text.\n')
    expect(norm('a <br> b and a < b > c\n')).toBe('a b and a < b > c\n')
    expect(norm('zero\u200bwidth soft\u00adhyphen\ufeff\n')).toBe('zerowidth softhyphen\n')
    expect(norm('mechanic 👩\u200d🔧 stays\n')).toBe('mechanic 👩\u200d🔧 stays\n')
  })

  it('regularises whitespace and blank lines', () => {
    expect(norm('\n\n  Title  \r\n\r\n\r\n\r\nBody   text\there.\n\n\n')).toBe('Title\n\nBody text here.\n')
  })

  it('joins hard-wrapped paragraphs and mends hyphenated breaks, but not one-line paragraphs or lists', () => {
    const wrapped = [
      'The council approved the new budget on Tuesday evening after a long',
      'debate about the cost of repairing the old bridge and the state of the',
      'roads, which officials say will need new infra-',
      'structure money within five years, and a long-',
      'term plan.'
    ].join('\n')
    expect(norm(wrapped + '\n')).toBe(
      'The council approved the new budget on Tuesday evening after a long debate about the cost of repairing the old bridge and the state of the roads, which officials say will need new infrastructure money within five years, and a long-term plan.\n'
    )
    const list =
      'Steps:\n• Preheat the oven to 200C and line a tray with paper.\n• Rub the butter into the flour.\n• Bake for twenty minutes.\n'
    expect(norm(list)).toBe(list)
    const short = 'Hong Kong\nCNN\n—\nChinese leader Xi Jinping will welcome Vladimir Putin to China on Thursday.\n'
    expect(norm(short)).toBe(short)
  })

  it('leaves code lines unjoined even when they fill a wrap width', () => {
    const code = [
      '// Reset the marker when the parser leaves a select element here:',
      'case select: resetMarker(parser, depth) and return to the loop now',
      'name = appendIfMissing(name, user.lastName, separator); // a space'
    ].join('\n')
    expect(norm(code + '\n')).toBe(code + '\n')
    // Prose with a `);` or one call in it is still joined.
    const prose = [
      'The panel heard from three witnesses (two economists and a union',
      'official); each argued that the plan would cost more than forecast and',
      'that the digitalWrite() analogy the minister used did not hold at all.'
    ]
    expect(norm(prose.join('\n') + '\n')).toBe(prose.join(' ') + '\n')
  })

  it('trims each line as the multiline pattern /^[ \\t]+|[ \\t]+$/ would, whatever the line breaks', () => {
    const pattern = /^[ \t]+|[ \t]+$/gm
    const expected = (text: string): Array<[number, number]> => [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length])
    const found = (text: string): Array<[number, number]> =>
      lineTrim
        .propose({path: 't', text, blocks: () => [], originalPoint: () => ({line: 1, column: 1, offset: 0}), warn: () => {}}, undefined)
        .map((edit) => [edit.start, edit.end])
    const pieces = [' ', '\t', '\n', 'a b', '\r\n', '\u2028', '  ']
    let checked = 0
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces)
          for (const d of pieces) {
            const text = a + b + c + d
            expect(found(text), JSON.stringify(text)).toEqual(expected(text))
            checked++
          }
    expect(checked).toBe(pieces.length ** 4)
    expect(found('  Title  \nBody\n \t\n')).toEqual([
      [0, 2],
      [7, 9],
      [15, 17]
    ])
  })
})
