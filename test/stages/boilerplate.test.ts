import {describe, expect, it} from 'vitest'
import {boilerplate, cleanDocument, createPipeline} from '../../src/index.js'
import {summarizeRun} from '../../src/report/build-report.js'
import {summarize} from '../../src/report/summarize.js'

const pipeline = createPipeline({stages: ['normalize', 'boilerplate']})
const prose = (n: number): string => `This is sentence number ${n} of the article, long enough to read as real prose for the tests.`

function removedRules(text: string): string[] {
  return pipeline
    .clean(text)
    .edits.filter((edit) => edit.stage === 'boilerplate')
    .map((edit) => edit.rule)
}

describe('boilerplate', () => {
  it('removes the patterns of scraped news pages, each under its own rule', () => {
    const page = [
      'The Daily Ledger',
      'Home News Council backs tram depot plan after...',
      prose(1),
      '  • Airport strike called off after a last-minute deal',
      prose(2),
      'Mayor opens the new bridge (2022) 2:20',
      'Anna Kovacs/AP',
      prose(3),
      'Liking what you read? Click here to subscribe for full access.',
      prose(4),
      'Maria Lindqvist Tomas Berg Gothenburg',
      'Source: countyherald',
      'You may like',
      'News/Business 2024-05-02T10:11:12.345Z',
      '© Harbour Post 2021 - Privacy',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *'
    ].join('\n\n')
    expect(removedRules(page)).toEqual([
      'masthead',
      'breadcrumb',
      'related-bullet',
      'video-caption',
      'photo-credit',
      'subscription-nag',
      'tag-line',
      'source-link',
      'related-header',
      'archive-line',
      'copyright',
      'comment-form',
      'comment-form'
    ])
  })

  it('removes slideshows, photo captions, footer notes and announced comment threads', () => {
    const page = [
      prose(1),
      'A crowd outside the town hall on Monday (Photo: Jane Doe/AP)',
      prose(2),
      'PHOTO: Officials inspect the new bridge before it opens.',
      prose(3),
      'A version of this article appeared in print on May 2, 2024, on page A9 of the New York edition.',
      'This entry was posted in News and tagged bridges. Bookmark the permalink.',
      'Media requires JavaScript and Adobe Flash to play.',
      'Harbour at dawn from the pier Harbour at dawn from the pier',
      'Also on Harbour Post:',
      'Loading Slideshow...',
      '  • The old bridge',
      'The old bridge stood for ninety years before the council decided that it had to be replaced.',
      '  • The new bridge',
      'The new bridge opened in May after two years of work, and the ferry will stop running in June.',
      '[widget]',
      '{ 3 comments… read them below or add one }',
      'Jermaine 07 Nov 12',
      'Great piece, thanks for writing it up, I had no idea the old bridge was that old.',
      'Ana Ruiz 07 Nov 12',
      'I walked across it on Sunday and the view from the middle is wonderful at sunset.',
      'Tom B 08 Nov 12',
      'Does anyone know whether the ferry will keep running on weekends during the summer?'
    ].join('\n\n')
    const rules = removedRules(page)
    expect(rules.slice(0, 8)).toEqual([
      'photo-caption',
      'photo-caption',
      'post-footer',
      'post-footer',
      'site-notice',
      'image-alt',
      'related-header',
      'slideshow'
    ])
    expect(rules.filter((rule) => rule === 'slideshow')).toHaveLength(5)
    expect(rules.filter((rule) => rule === 'comment-thread')).toHaveLength(6)
    const kept = pipeline.clean(page).text
    for (const n of [1, 2, 3]) expect(kept).toContain(prose(n))
  })

  it('keeps content that resembles boilerplate', () => {
    const page = [
      'ANALYSIS | The tram depot vote was closer than ever... and that is a problem',
      'RIVERSIDE (Metro Desk) --',
      prose(1),
      "'A Long Road'",
      'The meeting starts at 10:30',
      prose(2),
      'Residents can leave a reply on the consultation website until Friday, officials said.',
      'Sources close to the minister said the plan would change.',
      '• Preheat the oven.',
      '• Mix the flour and butter.',
      '• Bake for twenty minutes.',
      prose(3),
      'The company filed a copyright dispute over the design in March, court papers show.'
    ].join('\n\n')
    expect(removedRules(page)).toEqual([])
  })

  it('removes a consent dialog kept as text, and keeps articles about cookies and privacy', () => {
    const dialog = [
      'We and our 31 partners store cookies on your device to personalise ads and measure traffic on our site.',
      'Always Active',
      'Create profiles for personalised advertising 40 partners can use this purpose',
      'Information about what you read on this service can be combined with your advertising profile.',
      'Accept all'
    ]
    expect(removedRules([prose(1), prose(2), ...dialog].join('\n\n'))).toEqual(dialog.map(() => 'consent-dialog'))
    const reporting = [
      'Regulators said on Tuesday that websites must ask before setting cookies that track visitors for advertising.',
      'You may have noticed more banners asking for your consent, and the agency says our data shows most people click accept without reading.',
      'Critics said the rules do little for privacy because browsers already let users block third-party cookies.',
      prose(1)
    ]
    const recipe = [
      'These cookies keep for a week in a tin, and you can freeze the dough for a month if our kitchen is anything to go by.',
      'Preheat the oven to 180 degrees and line two trays with baking paper before you start on the dough.',
      prose(2)
    ]
    const policy = [
      'Privacy statement: this is the website of Harbour Knits. We keep your address only to ship your order, and with respect to cookies, we set one so that you keep your basket, and no other.',
      'We never sell or share your details with partners, and you can ask us at any time what we hold about you.'
    ]
    expect(removedRules([...reporting, ...recipe, ...policy].join('\n\n'))).toEqual([])
  })

  it('tells a menu whose links lost their separators from a headline of capitalized words', () => {
    const menus = [
      'Home Recipes Baking Weeknight Dinners About Contact Shop',
      'News Sport Weather Travel Culture',
      'HOME ABOUT Blog Book Contact'
    ]
    const headlines = [
      'Home Office Announces New Rules',
      'Home Truths About Money',
      'Science Business Health Travel Writers Honoured',
      'Food Wishes Video Recipes',
      'Home Sales Climb Again.'
    ]
    for (const line of menus) expect(removedRules(`${line}\n\n${prose(1)}\n\n${prose(2)}\n`), line).toEqual(['menu-line'])
    for (const line of headlines) expect(removedRules(`${line}\n\n${prose(1)}\n\n${prose(2)}\n`), line).toEqual([])
  })

  it('takes custom patterns and rule switches from the pipeline', () => {
    const custom = createPipeline({
      stages: [
        {
          boilerplate: {
            rules: {'comment-form': false},
            patterns: [{id: 'follow-us', pattern: '^Follow us on', reason: 'social follow prompt'}]
          }
        }
      ]
    })
    const result = custom.clean(`${prose(1)}\n\nFollow us on Mastodon\n\nLeave a Reply\n`)
    expect(result.edits.map((edit) => [edit.rule, edit.reason])).toEqual([['follow-us', 'social follow prompt']])
    expect(result.text).toBe(`${prose(1)}\n\nLeave a Reply\n`)
  })
})

describe('the prose guard: the classifier alone does not gut a document', () => {
  const menu = Array.from({length: 30}, (_, i) => `  • Section ${i + 1}`)
  const prose = Array.from(
    {length: 6},
    (_, i) =>
      `Paragraph ${i + 1} tells the story of the harbour in plain words, and it goes on for a while so that it reads like the prose of an article that a person wrote for the paper.`
  )
  const text = [...menu, '', ...prose.flatMap((paragraph) => [paragraph, '']), 'Harbour News'].join('\n')
  // A model that calls every line boilerplate (content probability 0.007).
  const model = {line: {bias: -5}, context: {bias: -5}, threshold: 0.5}
  const clean = (proseGuard: {maxProseRemoved: number; maxProseRemovedWithin?: number; minProseWords: number} | false) =>
    cleanDocument(
      text,
      [
        boilerplate({
          classifier: {model, protectProseTokens: 0, longProseTokens: 0, minBlocks: 10},
          proseGuard,
          emptyGuard: false,
          recurring: false
        })
      ],
      'page.txt'
    )

  it('keeps the prose and warns when the classifier would remove most of it', () => {
    const result = clean({maxProseRemoved: 0.5, minProseWords: 100})
    for (const paragraph of prose) expect(result.text).toContain(paragraph)
    const warnings = result.warnings.filter((warning) =>
      warning.includes('boilerplate/kept-prose: kept: the classifier would have removed')
    )
    expect(warnings).toHaveLength(1)
    expect(result.text).not.toContain('Section 7')
  })

  it('removes the prose with the guard off (what the guard prevents)', () => {
    const result = clean(false)
    expect(prose.filter((paragraph) => result.text.includes(paragraph))).toHaveLength(0)
    expect(result.warnings.some((warning) => warning.includes('kept-prose'))).toBe(false)
  })
})

describe('the prose guard: prose taken from within the article', () => {
  // A town paper's report, laid out with a side column; its figures make a model that
  // dislikes digits score three of its middle paragraphs as boilerplate.
  const menu = Array.from({length: 30}, (_, i) => `  • Ward ${i + 1}`)
  const words = [
    'The town council voted on Tuesday night to keep the old swimming baths open for another summer, after a long evening of speeches from residents who packed the public gallery.',
    'Councillors had been told in the spring that the building needed a new roof and new pumps, and that the money would have to come from the budget for parks and libraries.',
    'The repairs are now priced at 412,000 pounds, against 380,000 in the first survey, and the council will borrow 150,000 of it over 12 years at a rate of 4.1 per cent.',
    'Ticket prices rise from 3.50 to 4.20 pounds for adults on 1 May, while children under 16 and residents over 65 keep the rate of 2 pounds they paid in 2023 and 2024.',
    'The baths drew 61,300 swimmers last year, up from 48,900 in 2022, and the 7 am lane sessions sold out on 9 days in 10 according to the figures in the report.',
    'Several speakers said the baths were the only place in town where their children could learn to swim, and that the nearest other pool was a long bus ride away.',
    'The leader of the council said the vote was not the end of the matter, and that a decision on the future of the building would have to be taken before next winter.'
  ]
  const page = (paragraphs: string[]): string =>
    [...menu, '', ...paragraphs.flatMap((paragraph) => [paragraph, '']), 'Riverside Courier'].join('\n')
  const model = {line: {bias: 5, digit_ratio: -100}, context: {own_score: 4}, threshold: 0.5}
  const clean = (text: string, maxProseRemovedWithin: number) =>
    cleanDocument(
      text,
      [
        boilerplate({
          classifier: {model, protectProseTokens: 0, longProseTokens: 0, minBlocks: 10},
          proseGuard: {maxProseRemoved: 0.5, maxProseRemovedWithin, minProseWords: 100},
          emptyGuard: false,
          recurring: false
        })
      ],
      'page.txt'
    )

  it('keeps paragraphs the classifier would take from between the paragraphs it keeps, and warns', () => {
    const result = clean(page(words), 0.35)
    for (const paragraph of words) expect(result.text).toContain(paragraph)
    expect(result.text).not.toContain('Ward 7')
    expect(result.warnings.filter((warning) => warning.includes('more than maxProseRemovedWithin 0.35'))).toHaveLength(1)
  })

  it('leaves them to the classifier without it (3 of 7 paragraphs: under maxProseRemoved)', () => {
    const result = clean(page(words), 1)
    expect(words.filter((paragraph) => !result.text.includes(paragraph))).toEqual(words.slice(2, 5))
    expect(result.warnings.some((warning) => warning.includes('kept-prose'))).toBe(false)
  })

  it('does not count prose removed after the last paragraph kept (a trail of comments or teasers)', () => {
    const trail = [...words.slice(0, 2), ...words.slice(5), ...words.slice(2, 5)]
    const result = clean(page(trail), 0.35)
    expect(trail.filter((paragraph) => !result.text.includes(paragraph))).toEqual(words.slice(2, 5))
    expect(result.warnings.some((warning) => warning.includes('kept-prose'))).toBe(false)
  })
})

describe('the empty guard: cleaning does not leave a document with text empty', () => {
  const menu = Array.from({length: 30}, (_, i) => `  • Board ${i + 1}`)
  const posts = [
    'Has anyone tried planting the winter beans before the first frost, and did they come up in spring',
    'We sowed ours in late October last year and almost all of them came through the cold without any cover',
    'Mine rotted in the wet clay, so this time I am going to raise the bed and mix in some grit first'
  ]
  const thread = [...menu, '', ...posts.flatMap((post) => [post, '']), 'Powered by a forum engine'].join('\n')
  const junk = [...menu, '', 'Log in', 'Register', 'Terms', 'Privacy'].join('\n')
  // A job board's listing: numbered posts of a few words each, none of which reads as a sentence.
  const jobs = [
    '1. Tidewater Labs (seed) is hiring a backend engineer (tidewater.dev)',
    '2. Orchard Health: Senior Data Analyst – remote in Canada (orchardhealth.com)',
    '3. Quillmark (Series A) Is Hiring a Founding Designer (quillmark.io)',
    '4. Ferrous Robotics is hiring firmware engineers in Lyon (ferrous.fr)',
    '5. Nimbus Freight (Series B) Is Hiring an Account Executive (jobs.nimbusfreight.com)',
    '6. Saltmarsh Energy: Grid Software Engineer – $140K-$180K (saltmarsh.energy)',
    '7. Paperkite Is Hiring Support Engineers for its API (paperkite.app)'
  ]
  const listing = [...menu, '', ...jobs.flatMap((job, i) => [job, `${i + 2} hours ago`]), '', 'Guidelines | FAQ | Lists | Contact'].join(
    '\n'
  )
  // A model that calls every line boilerplate (content probability 0.007).
  const model = {line: {bias: -5}, context: {bias: -5}, threshold: 0.5}
  const clean = (
    text: string,
    emptyGuard: {minKeptWords: number; minTextWords: number; minScoreShare: number; minItemWords?: number} | false
  ) =>
    cleanDocument(
      text,
      [
        boilerplate({
          classifier: {model, protectProseTokens: 0, longProseTokens: 0, minBlocks: 10},
          proseGuard: false,
          emptyGuard,
          recurring: false
        })
      ],
      'page.txt'
    )
  const guard = {minKeptWords: 10, minTextWords: 50, minScoreShare: 0.5}

  it('keeps the lines that read as text, with a warning, when the classifier would remove everything', () => {
    const result = clean(thread, guard)
    expect(result.text.trim()).toBe(posts.join('\n\n'))
    expect(result.warnings.filter((warning) => warning.includes('boilerplate/kept-text: kept: cleaning would have left 0'))).toHaveLength(1)
  })

  it("keeps a listing's items, with a warning, when no line reads as text", () => {
    const result = clean(listing, guard)
    for (const job of jobs) expect(result.text).toContain(job)
    expect(result.text).not.toContain('Board 7')
    expect(
      result.warnings.filter((warning) => warning.includes('boilerplate/kept-text') && warning.includes('no line reads as text'))
    ).toHaveLength(1)
    // With items required to be longer than its posts, the listing is emptied as before.
    expect(clean(listing, {...guard, minItemWords: 20}).text.trim()).toBe('')
  })

  it('still empties a page of menus and links', () => {
    const result = clean(junk, guard)
    expect(result.text.trim()).toBe('')
    expect(result.warnings.some((warning) => warning.includes('kept-text'))).toBe(false)
  })

  it('leaves too little text to the classifier, and empties the thread with the guard off', () => {
    expect(clean(thread, {...guard, minTextWords: 100}).text.trim()).toBe('')
    expect(clean(thread, false).text.trim()).toBe('')
  })
})

describe('documents a guard kept text or a copy in', () => {
  it('are counted in the run totals, for the summary line', () => {
    const entry = (path: string, warnings: string[]) => ({
      path,
      bytesIn: 1,
      bytesOut: 1,
      ms: 0,
      rules: [],
      edits: [],
      conflicts: [],
      warnings
    })
    const summaries = [
      summarize(entry('a.txt', ['3:1 boilerplate/kept-prose: kept: the classifier would have removed 300 of the 400 words of prose …'])),
      summarize(entry('b.txt', ["1:1 boilerplate/kept-text: kept: cleaning would have left 4 of the document's words …"])),
      summarize(entry('c.txt', ['1:1 dedup/kept-copy: kept: a near copy of a.txt …'])),
      summarize(entry('d.txt', []))
    ]
    const run = summarizeRun({source: 'p', hash: 'h', stages: []}, summaries, [], {skipped: 0, ms: 0})
    expect(run.totals.keptProse).toBe(2)
    expect(run.totals.keptCopies).toBe(1)
    const quiet = summarizeRun({source: 'p', hash: 'h', stages: []}, [summaries[3]!], [], {skipped: 0, ms: 0})
    expect([quiet.totals.keptProse, quiet.totals.keptCopies]).toEqual([undefined, undefined])
  })
})

describe("a classifier removal's detail", () => {
  const menu = Array.from({length: 20}, (_, i) => `Section ${i + 1}`)
  const text = [...menu, '', prose(1), '', prose(2)].join('\n')
  const model = {line: {bias: -5}, context: {bias: -5}, threshold: 0.5}
  const edits = cleanDocument(
    text,
    [boilerplate({classifier: {model, protectProseTokens: 0, minBlocks: 10}, proseGuard: false, recurring: false})],
    'page.txt'
  ).edits.filter((edit) => edit.rule === 'block-classifier')

  it('reads and serializes as the record it always was: explanation, label, score, features', () => {
    expect(edits.length).toBeGreaterThan(0)
    const detail = edits[0]!.detail!
    expect(detail.explanation).toMatch(/^2 words, no stop words, .*\(content probability 0\.01\)$/)
    expect(detail.label).toBe(edits[0]!.reason.match(/\((.+)\)$/)![1])
    const json = JSON.parse(JSON.stringify(detail)) as Record<string, unknown>
    expect(Object.keys(json)).toEqual(['explanation', 'label', 'score', 'features'])
    expect(json).toMatchObject({explanation: detail.explanation, label: detail.label, score: 0.007})
    expect(Object.keys(json.features as object)).toHaveLength(12)
  })
})
