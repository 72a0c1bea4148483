import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/index.js'

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
