import {describe, expect, it} from 'vitest'
import {createPipeline, type Pipeline} from '../../src/index.js'

const repairOnly = createPipeline({stages: ['repair']})
const fix = (text: string): string => repairOnly.clean(text).text

/** A page whose second paragraph is `lines`, cleaned once by the default pipeline, and what a second clean changes. */
function cleanTwice(lines: readonly string[]): {once: ReturnType<Pipeline['clean']>; again: number} {
  const pipeline = createPipeline()
  const once = pipeline.clean(['Saving for a home', lines.join('\n'), 'Write to us.'].join('\n\n') + '\n')
  return {once, again: pipeline.clean(once.text).edits.length}
}

describe('repair', () => {
  it('splits glued words at a lost boundary', () => {
    expect(fix('the talks in LondonThe mayor said')).toBe('the talks in London The mayor said')
    expect(fix('Ruth OkaforReporter on transport')).toBe('Ruth Okafor Reporter on transport')
    expect(fix('cuts to the budgetOfficials said')).toBe('cuts to the budget Officials said')
  })

  it('joins wrapped lines that boilerplate left next to each other, as a second clean would', () => {
    // What a table layout's article column is once its side column's cells are removed.
    const wrapped = [
      'The council approved the new budget on Tuesday evening after a long',
      'debate about the cost of repairing the old bridge and the state of the',
      'roads, which officials say will need new money within five years.'
    ]
    const result = repairOnly.clean(wrapped.join('\n') + '\n')
    expect(result.text).toBe(wrapped.join(' ') + '\n')
    expect(result.edits.map((edit) => edit.rule)).toEqual(['rewrap', 'rewrap'])
    expect(fix(result.text)).toBe(result.text)
    const list = 'Opening hours:\n• Monday to Friday from nine in the morning until six in the evening\n• Saturday from ten until four\n'
    expect(fix(list)).toBe(list)
  })

  it("joins lines by normalize's wrap widths, declared once in the pipeline", () => {
    // Lines of about 70 characters: wrapped prose by the default widths (40 to 100),
    // paragraphs of one line each when normalize is told no wrap is wider than 60.
    const wrapped = [
      'The council approved the new budget on Tuesday evening after a long',
      'debate about the cost of repairing the old bridge and the state of the',
      'roads, which officials say will need new money within five years.'
    ].join('\n')
    expect(createPipeline({stages: ['normalize', 'repair']}).clean(wrapped + '\n').text).not.toContain('\n' + 'debate')
    const narrow = createPipeline({stages: [{normalize: {hardWrap: {maxWidth: 60}}}, 'repair']})
    expect(narrow.clean(wrapped + '\n').text).toBe(wrapped + '\n')
  })

  it('joins a wrapped paragraph to a fixed point: a joined line widens its paragraph and is judged again', () => {
    // Normalize joins the first two lines (the second's first word does not fit the
    // width the long last line sets); the joined line is then the widest, and the
    // last line's first word does not fit after it either, as a second clean sees.
    const lines = [
      'We looked at every way to put money aside for a house, and',
      'found that the plain old savings account',
      'is best, with no fees, no lock-in and no surprises at the end.'
    ]
    const {once, again} = cleanTwice(lines)
    expect(once.text).toContain(lines.join(' ') + '\n')
    expect(once.edits.map((edit) => `${edit.stage}/${edit.rule}`)).toEqual(['normalize/hard-wrap', 'repair/rewrap'])
    expect(again).toBe(0)
  })

  it('joins wrapped lines again after the punctuation fixes, which change the width a re-run would see', () => {
    // The widest line loses two spaces before punctuation; then the first line's
    // next word no longer fits, and a second clean's normalize would join them.
    const lines = [
      'We looked at every way to put money aside for a house,',
      'and found that the plain savings account',
      'is best : no fees , no lock-in and no surprises at the end.'
    ]
    const {once, again} = cleanTwice(lines)
    expect(once.text).toContain('for a house, and found that the plain savings account is best: no fees, no lock-in')
    expect(once.edits.filter((edit) => edit.rule === 'rewrap').map((edit) => edit.stage)).toEqual(['repair', 'repair'])
    expect(again).toBe(0)
  })

  it('spaces brackets before the sentence ends and again after the glued words, as a second clean would', () => {
    // `( ppm ).If`: glued-full-stop sees `(ppm).If` only once the bracket's inner spaces are gone.
    const units = 'The meters read between 500 and 2000 parts per million ( ppm ).If the reading is high, add water.'
    expect(fix(units)).toBe('The meters read between 500 and 2000 parts per million (ppm). If the reading is high, add water.')
    // `[shareThis]Share`: the brackets hold a phrase only once glued-words has split it.
    const label = 'Tap [shareThis]Share to send the recipe to a friend.'
    expect(fix(label)).toBe('Tap [share This] Share to send the recipe to a friend.')
    for (const text of [units, label]) expect(fix(fix(text))).toBe(fix(text))
  })

  it('leaves real camel-case words, names and repeated brands alone', () => {
    const text =
      'McDonald opened an iPhone app on YouTube, written in JavaScript for PowerPoint and LinkedIn users of eBay; DeSantis and MacArthur agreed.'
    expect(fix(text)).toBe(text)
    expect(fix('FooBar is new. FooBar ships today.')).toBe('FooBar is new. FooBar ships today.')
  })

  it('does not count a copy that dedup removes next as a repeat of a glued token', () => {
    // A repeated token is left alone (a name tends to repeat), but here the second
    // occurrence is in a paragraph printed twice: dedup removes it, and a second
    // clean would then see the token once and split it.
    const paragraph = 'The ferry left at noon, and the crew said the trip to the islandThe weather was fine all the way across the bay.'
    const text = ['Ferry news', paragraph, 'Other news of the day follows here in a paragraph of its own.', paragraph].join('\n\n') + '\n'
    const pipeline = createPipeline()
    const once = pipeline.clean(text)
    expect(once.text).toContain('to the island The weather')
    expect(once.edits.map((edit) => `${edit.stage}/${edit.rule}`)).toEqual(['repair/glued-words', 'dedup/repeated-block'])
    expect(pipeline.clean(once.text).edits).toEqual([])
    // Without a dedup stage after it, both stay and so does the token.
    expect(createPipeline({stages: ['normalize', 'repair']}).clean(text).text).toBe(text)
  })

  it('splits only where the right half starts what follows', () => {
    // A function word starts a sentence even when it is short.
    expect(fix('not to anger RussiaSo as not to')).toBe('not to anger Russia So as not to')
    expect(fix('the leader of RussiaChinese leader Xi said')).toBe('the leader of Russia Chinese leader Xi said')
    // Short words that start sentences, and a sentence that goes on after a dash.
    expect(fix('on TuesdayNew figures show')).toBe('on Tuesday New figures show')
    expect(fix('late on MondayTwo people were hurt')).toBe('late on Monday Two people were hurt')
    expect(fix('talks in GenevaNegotiators — who met — said')).toBe('talks in Geneva Negotiators — who met — said')
    expect(fix('By Amanda FurrerUpdated: Dec 19, 2025')).toBe('By Amanda Furrer Updated: Dec 19, 2025')
    expect(fix('Red Hat OpenShift: a guide')).toBe('Red Hat OpenShift: a guide')
    // Prose with its own `);` and `=` is not code.
    expect(fix('Apple (AAPL); Microsoft (MSFT) and Alphabet rose on TuesdayThe index closed higher.')).toBe(
      'Apple (AAPL); Microsoft (MSFT) and Alphabet rose on Tuesday The index closed higher.'
    )
    expect(fix('The rate (1 USD = 0.92 EUR) held in LondonOfficials said')).toBe(
      'The rate (1 USD = 0.92 EUR) held in London Officials said'
    )
    // Brands: a short right half, nothing after it on the line, or a comma after it.
    for (const text of [
      'we used the pasta roller on our KitchenAid (as shown).',
      'Product in focus: Red Hat OpenShift\nIt runs containers.',
      'Ashley Ismailovski, director at SmartSites, a marketing agency.',
      'Why Trust GearLab'
    ])
      expect(fix(text)).toBe(text)
  })

  it('leaves camel case in lines that read as code alone', () => {
    for (const code of ['let speed = baseSpeed with { boost = 2 };', 'rows.map(row => rowTotal plus tax)']) expect(fix(code)).toBe(code)
    // The same words in prose are split.
    expect(fix('the new baseSpeed with a boost')).toBe('the new base Speed with a boost')
  })

  it('honours an allow-list from the pipeline', () => {
    const allowing = createPipeline({stages: [{repair: {allow: ['LondonThe']}}]})
    expect(allowing.clean('A LondonThe story.').text).toBe('A LondonThe story.')
  })

  it('adds the space missing after a sentence end but not inside abbreviations, numbers or domains', () => {
    expect(fix('after the vote.The council said')).toBe('after the vote. The council said')
    expect(fix('It was said.”The next day')).toBe('It was said.” The next day')
    const text = 'The U.S. economy grew 3.5 percent, see example.com or Node.js at 9 a.m. today, e.g. Mr. Smith.'
    expect(fix(text)).toBe(text)
  })

  it('removes doubled punctuation and dashes, keeping ellipses', () => {
    expect(fix('on the plan. . It may be')).toBe('on the plan. It may be')
    // Adjacent and spaced marks in one run: one pass leaves nothing for a second one.
    expect(fix('build [S:, :S] layouts')).toBe('build [S:S] layouts')
    expect(fix(fix('build [S:, :S] layouts'))).toBe('build [S:S] layouts')
    expect(fix('a hard sell— — some say')).toBe('a hard sell — some say')
    expect(fix('Wait... and then… more.')).toBe('Wait... and then… more.')
    expect(fix('from 2024–2025 and --dry-run')).toBe('from 2024–2025 and --dry-run')
  })

  it('spaces glued brackets and trims spaces before punctuation', () => {
    expect(fix('the rules[that were set last year]while well meant')).toBe('the rules [that were set last year] while well meant')
    expect(fix('Section 3(b) and f(x) and a[0] stay')).toBe('Section 3(b) and f(x) and a[0] stay')
    // Calls in prose about code: a camel-case or dotted name glued to its arguments.
    const calls = 'add helpers like validateRange(from, to) and os.path.join( root, name ) instead'
    expect(fix(calls)).toBe(calls)
    // A phrase in brackets glued to a name is not a call.
    expect(fix('two officials(who asked not to be named) said')).toBe('two officials (who asked not to be named) said')
    expect(fix('the first iPhone(the 2007 model) sold')).toBe('the first iPhone (the 2007 model) sold')
    expect(fix('Beijing , he said .')).toBe('Beijing, he said.')
  })

  it('reports every repair with its rule and a zero-width place for insertions', () => {
    const result = repairOnly.clean('vote.The council')
    expect(result.edits).toMatchObject([{stage: 'repair', rule: 'glued-full-stop', before: '', after: ' ', start: {line: 1, column: 6}}])
  })
})
