/**
 * Encoding repair in normalize: each family of damage is repaired under its own
 * rule id with the library's plan in the edit's detail, edits cover only the
 * changed characters, text that merely looks odd is left alone, and a repaired
 * text is not repaired again. The damaged texts are made here from clean ones,
 * by encoding them as UTF-8 and decoding the bytes with the wrong codec.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyEdits, createPipeline} from '../../src/index.js'
import {windows1252Char} from '../../src/lexicon/windows-1252.js'

const normalizeOnly = createPipeline({stages: ['normalize']})
const clean = (text: string) => normalizeOnly.clean(text + '\n')

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

/** `text` as a reader with the wrong codec shows its UTF-8 bytes. */
function misread(text: string, codec: string): string {
  const bytes = new TextEncoder().encode(text)
  if (codec === 'windows-1252') return [...bytes].map(windows1252Char).join('')
  if (codec === 'cp437') return [...bytes].map((byte) => (byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]!)).join('')
  return new TextDecoder(codec).decode(bytes)
}

interface Family {
  name: string
  damaged: string
  repaired: string
  rules: string[]
  reason?: string
  plan?: string
}

const families: Family[] = [
  {
    name: 'UTF-8 read as Windows-1252',
    damaged: misread('The mayor’s “plan” — approved on Tuesday', 'windows-1252'),
    repaired: 'The mayor’s “plan” — approved on Tuesday',
    rules: ['mojibake', 'mojibake', 'mojibake', 'mojibake'],
    reason: 'UTF-8 text decoded as Windows-1252',
    plan: 'encode sloppy-windows-1252 → decode utf-8'
  },
  {
    name: 'UTF-8 read as Latin-1',
    damaged: misread('Zürich’s café reopened', 'latin1'),
    repaired: 'Zürich’s café reopened',
    rules: ['mojibake', 'mojibake', 'mojibake'],
    reason: 'UTF-8 text decoded as Latin-1',
    plan: 'encode latin-1 → decode utf-8'
  },
  {
    name: 'Russian read as Windows-1251',
    damaged: misread('Совет принял бюджет', 'windows-1251'),
    repaired: 'Совет принял бюджет',
    rules: ['mojibake', 'mojibake', 'mojibake'],
    reason: 'UTF-8 text decoded as Windows-1251',
    plan: 'encode sloppy-windows-1251 → decode utf-8'
  },
  {
    name: 'Czech read as Windows-1250',
    damaged: misread('Příliš žluťoučký kůň', 'windows-1250'),
    repaired: 'Příliš žluťoučký kůň',
    // Czech words keep their ASCII letters: one edit per damaged stretch.
    rules: Array(7).fill('mojibake'),
    reason: 'UTF-8 text decoded as Windows-1250'
  },
  {
    name: 'Greek read as Windows-1253',
    damaged: misread('Ο δήμαρχος είπε', 'windows-1253'),
    repaired: 'Ο δήμαρχος είπε',
    rules: ['mojibake', 'mojibake', 'mojibake'],
    reason: 'UTF-8 text decoded as Windows-1253'
  },
  {
    name: 'French read as MacRoman',
    damaged: misread('Le café crème coûte trois euros', 'macintosh'),
    repaired: 'Le café crème coûte trois euros',
    rules: ['mojibake', 'mojibake', 'mojibake'],
    reason: 'UTF-8 text decoded as MacRoman',
    plan: 'encode macroman → decode utf-8'
  },
  {
    name: 'German read as CP437',
    damaged: misread('Die Brücke über den Fluß', 'cp437'),
    repaired: 'Die Brücke über den Fluß',
    rules: ['mojibake', 'mojibake', 'mojibake'],
    reason: 'UTF-8 text decoded as CP437'
  },
  {
    name: 'two layers of Windows-1252',
    damaged: misread(misread('It doesn’t rain', 'windows-1252'), 'windows-1252'),
    repaired: 'It doesn’t rain',
    rules: ['mojibake'],
    reason: 'UTF-8 text decoded as Windows-1252 (2 layers)',
    plan: 'encode sloppy-windows-1252 → decode utf-8 → encode sloppy-windows-1252 → decode utf-8'
  },
  {
    name: 'symbols and emoji read as Windows-1252',
    damaged: misread('Tested ✔ and loved ❤ by readers 😍', 'windows-1252'),
    repaired: 'Tested ✔ and loved ❤ by readers 😍',
    rules: ['mojibake', 'mojibake', 'mojibake']
  },
  {
    name: 'an emoji as CESU-8 (two encoded surrogates) read as Windows-1252',
    damaged: 'Readers ' + [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x8d].map(windows1252Char).join('') + ' it',
    repaired: 'Readers 😍 it',
    rules: ['mojibake'],
    plan: 'encode latin-1 → decode utf-8-variants'
  },
  {
    name: 'Windows-1252 quotes left as C1 controls',
    damaged: '\u0084Handwerk hat goldenen Boden\u0093, sagte sie.',
    repaired: '„Handwerk hat goldenen Boden“, sagte sie.',
    rules: ['c1-control', 'c1-control'],
    reason: 'Windows-1252 character read as a C1 control character',
    plan: 'encode latin-1 → decode windows-1252'
  },
  {
    name: 'mojibake and C1 controls mixed in one word',
    damaged: 'under pressure\u00e2\u0080\u0099\u0085 again',
    repaired: 'under pressure’… again',
    rules: ['mojibake'],
    reason: 'UTF-8 text decoded with the wrong encoding, in places'
  },
  {
    name: 'a no-break space byte turned into a space',
    damaged: 'Il reste Ã faire',
    repaired: 'Il reste à faire',
    rules: ['lost-no-break-space'],
    plan: 'encode latin-1 → transcode restore_byte_a0 → decode utf-8'
  },
  {
    name: 'a lost byte replaced by a question mark',
    damaged: 'We donâ€?t know',
    repaired: 'We don\ufffdt know',
    rules: ['lossy-mojibake']
  },
  {
    name: 'a lone surrogate',
    damaged: 'cut emoji \ud83d here',
    repaired: 'cut emoji \ufffd here',
    rules: ['lone-surrogate'],
    plan: 'apply fix_surrogates'
  },
  {
    name: 'a closing quote whose last byte was dropped',
    damaged: 'â€œWe will,â€ she said.',
    repaired: '“We will,” she said.',
    rules: ['clipped-quote', 'mojibake']
  }
]

describe('encoding repair', () => {
  for (const family of families) {
    it(`repairs ${family.name}`, () => {
      const result = clean(family.damaged)
      expect(result.text).toBe(family.repaired + '\n')
      expect(result.edits.map((edit) => edit.rule).sort()).toEqual([...family.rules].sort())
      expect(applyEdits(family.damaged + '\n', result.edits)).toBe(result.text)
      for (const edit of result.edits) {
        expect(edit.stage).toBe('normalize')
        if (family.reason && edit.rule === family.rules[0]) expect(edit.reason).toBe(family.reason)
        if (edit.rule !== 'clipped-quote') expect(edit.detail?.['plan']).toEqual(family.plan ?? expect.stringMatching(/\S/))
      }
      // Repaired once: a second clean changes nothing.
      expect(clean(family.repaired).edits).toEqual([])
    })
  }

  it('edits only the changed characters, at their places in the original', () => {
    const damaged = 'cafÃ© and thÃ©Ã¢tre'
    const result = clean(damaged)
    expect(result.text).toBe('café and théâtre\n')
    expect(result.edits.map((edit) => [edit.start.offset, edit.end.offset, edit.before, edit.after])).toEqual([
      [3, 5, 'Ã©', 'é'],
      [12, 16, 'Ã©Ã¢', 'éâ']
    ])
  })

  it('repairs a long line in pieces with the same result', () => {
    const sentence = 'The council’s plan — “approved” on Tuesday — costs €5m. '
    const line = misread(sentence.repeat(200), 'windows-1252')
    const result = clean(line)
    expect(result.text).toBe(sentence.repeat(200).trimEnd() + '\n')
    expect(applyEdits(line + '\n', result.edits)).toBe(result.text)
  })

  it('leaves text that only looks like mojibake as it is', () => {
    const negatives = [
      'MARQUÉ… and AHÅ™ and 10 Å— and Ã’s',
      'Ça coûte 10 €, naïve façade, Ñandú, ¿Qué?, ¡Olé!',
      '“Quoted” — a dash… and ‘single’ quotes',
      'Привет, мир. «Газпром». Їжак і єнот.',
      '東京都の人口. Ελληνικά. Łódź. Dvořák. œuvre. Éire. São Paulo.',
      '© 2024 Société Générale. Ærø and Øresund. Ölçüm 5 µm. ½ cup.',
      '├──┼──┤ │ a table │',
      '👩\u200d🔧 and 😍 stay, √2 ≈ 1.41',
      'MÉXICO, D.F. and ÉCOLE ÀLAMODE'
    ]
    for (const text of negatives) expect(clean(text).edits).toEqual([])
  })

  it('turns the no-break spaces of a negative into spaces under odd-space only', () => {
    const result = clean('SELKÄ\u00a0EDELLÄ')
    expect(result.text).toBe('SELKÄ EDELLÄ\n')
    expect(result.edits.map((edit) => edit.rule)).toEqual(['odd-space'])
  })

  it('leaves C1 controls to c1-control: invisible-character deletes only the five Windows-1252 leaves undefined', () => {
    const result = clean('a\u0081b \u0093quoted\u0094')
    expect(result.text).toBe('ab “quoted”\n')
    expect(result.edits.map((edit) => edit.rule).sort()).toEqual(['c1-control', 'c1-control', 'invisible-character'])
  })

  it('keeps C1 punctuation when c1-control is switched off, rather than deleting it', () => {
    const pipeline = createPipeline({stages: [{normalize: {rules: {'c1-control': false}}}]})
    expect(pipeline.clean('\u0093quoted\u0094\n').text).toBe('\u0093quoted\u0094\n')
  })

  it('has a rule id of its own for each kind, each switchable', () => {
    const pipeline = createPipeline({stages: [{normalize: {rules: {mojibake: false}}}]})
    const damaged = misread('café', 'windows-1252') + ' \u0093quoted\u0094\n'
    const result = pipeline.clean(damaged)
    expect(result.text).toBe('cafÃ© “quoted”\n')
    expect(result.edits.map((edit) => edit.rule)).toEqual(['c1-control', 'c1-control'])
  })

  it('runs on a repair library pinned to one version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>
    }
    expect(manifest.dependencies['@photostructure/ftfy']).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
