/**
 * The headline stays, once: a title printed several times at the top of a page
 * leaves exactly one copy, the most complete one, and never none — whatever
 * else repeats its words (a dateline, the lead sentence, a summary).
 */
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/index.js'

const pipeline = createPipeline()
const TITLE = 'Council approves new cycle lane on Harbour Road'
const BODY = [
  'The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, ending a debate that has run for almost three years.',
  'Supporters said the lane would make the busy road safer for children riding to the two schools near the ferry terminal, while shop owners worried about losing parking spaces.',
  "Work is expected to start in the spring and to take about four months, according to the council's transport office."
]

const clean = (lines: string[]): string => pipeline.clean(lines.join('\n\n') + '\n').text
const linesEqual = (text: string, line: string): number => text.split('\n').filter((candidate) => candidate.trim() === line).length

describe('a repeated headline', () => {
  it('printed twice at the top leaves one copy', () => {
    const text = clean([TITLE, TITLE, ...BODY])
    expect(linesEqual(text, TITLE)).toBe(1)
    expect(text.startsWith(`${TITLE}\n\n${BODY[0]}`)).toBe(true)
  })

  it('printed three times on consecutive lines leaves one copy, not one line of three titles', () => {
    const text = pipeline.clean([TITLE, TITLE, TITLE].join('\n') + '\n\n' + BODY.join('\n\n') + '\n').text
    expect(linesEqual(text, TITLE)).toBe(1)
    expect(text).not.toContain(`${TITLE} ${TITLE}`)
  })

  it('with a dateline between the copies keeps the title once and the dateline', () => {
    for (const copies of [2, 3]) {
      const top = copies === 2 ? [TITLE, 'March 6, 2024', TITLE] : [TITLE, 'March 6, 2024', TITLE, TITLE]
      const text = clean([...top, ...BODY])
      expect(linesEqual(text, TITLE)).toBe(1)
      expect(linesEqual(text, 'March 6, 2024')).toBe(1)
    }
  })

  it('keeps the plain copy, not the one with a site name, and the byline', () => {
    const text = clean([`${TITLE} | Coastline Gazette - Breaking News`, TITLE, 'By Anna Berg', TITLE, ...BODY])
    expect(text.split('\n').filter((line) => line.includes(TITLE))).toEqual([TITLE])
    expect(linesEqual(text, 'By Anna Berg')).toBe(1)
  })

  it('keeps the headline when the lead is repeated as a summary above it', () => {
    const summary = 'The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road.'
    const text = clean([TITLE, summary, TITLE, ...BODY])
    expect(linesEqual(text, TITLE)).toBe(1)
    expect(linesEqual(text, summary)).toBe(0)
    expect(text).toContain(BODY[0])
  })

  it('keeps the headline whose words the lead sentence repeats', () => {
    const title = 'Take that, Real World; I made it!'
    const lead =
      'After five months as an account coordinator I can look back on my first job and say, as every graduate hopes to, take that, real world, I made it, and mean every word.'
    const text = clean([title, lead, BODY[1]!, BODY[2]!, title])
    expect(linesEqual(text, title)).toBe(1)
    expect(text).toContain(lead)
  })

  it('keeps the headline that holds the date, and the dateline', () => {
    const title = 'The Briefing, Wednesday, November 7, 2012'
    const text = clean([title, 'Wednesday, November 7, 2012', title, ...BODY])
    expect(linesEqual(text, title)).toBe(1)
    expect(linesEqual(text, 'Wednesday, November 7, 2012')).toBe(1)
  })

  it('leaves exactly one copy in a page whose furniture the rules and the classifier remove', () => {
    const nav = ['Skip to content', 'Menu', 'Home | News | Sport | Weather | Opinion', 'Search', 'Log in | Register']
    const share = ['Share on Facebook', 'Share on Twitter', 'Email this story']
    const related = Array.from({length: 12}, (_, i) => `• Harbour Road works: what changes for drivers, part ${i + 1}`)
    const footer = ['Related Posts', '© 2024 Coastline Gazette. All rights reserved.', 'Privacy Policy | Terms | Contact']
    for (const top of [
      [TITLE, ...nav, TITLE, ...share, TITLE, 'By Anna Berg'],
      [`${TITLE} - Coastline Gazette`, ...nav, TITLE, 'March 6, 2024', ...share, TITLE]
    ]) {
      const text = clean([...top, ...BODY, ...related, ...footer])
      expect(linesEqual(text, TITLE)).toBe(1)
      expect(text).toContain(BODY[0])
    }
  })

  it('comes out the same when cleaned again', () => {
    for (const lines of [
      [TITLE, TITLE, ...BODY],
      [TITLE, 'Wednesday, November 7, 2012', TITLE, ...BODY]
    ]) {
      const once = clean(lines)
      expect(pipeline.clean(once).text).toBe(once)
    }
  })
})
