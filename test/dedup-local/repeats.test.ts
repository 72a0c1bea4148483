/**
 * In-document repeats through the default pipeline: a title printed two or
 * three times, or a lead repeated as a summary or teaser, leaves exactly one
 * copy — the most complete one — and never none. Every variant on each of our
 * own articles (bench/dedup/texts).
 */
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/index.js'
import {loadArticles} from '../../bench/dedup/corpus.js'

const pipeline = createPipeline()
const linesEqual = (text: string, line: string): number => text.split('\n').filter((candidate) => candidate.trim() === line).length

interface Variant {
  blocks: string[]
  /** Shorter copies that must be gone. */
  gone?: string[]
}

function variants(title: string, paragraphs: string[]): Record<string, Variant> {
  const lead = paragraphs[0]!
  const rest = paragraphs.slice(1)
  const summary = lead.split(/(?<=[.!?])\s+/)[0]!
  const teaser = `${lead.split(' ').slice(0, 20).join(' ')}…`
  return {
    'title twice': {blocks: [title, title, ...paragraphs]},
    'title three times': {blocks: [title, title, title, ...paragraphs]},
    'title three times on consecutive lines': {blocks: [`${title}\n${title}\n${title}`, ...paragraphs]},
    'title, dateline, title': {blocks: [title, 'March 6, 2024', title, ...paragraphs]},
    'title with a site name, then plain': {
      blocks: [`${title} - Northshore Daily`, title, ...paragraphs],
      gone: [`${title} - Northshore Daily`]
    },
    'title again at the end': {blocks: [title, ...paragraphs, title]},
    'title between paragraphs, three times': {blocks: [title, lead, title, rest[0]!, title, ...rest.slice(1)]},
    'lead sentence as a summary above': {blocks: [title, summary, ...paragraphs], gone: [summary]},
    'lead sentence as a summary below': {blocks: [title, ...paragraphs, summary], gone: [summary]},
    'labelled summary': {blocks: [title, `Summary: ${summary}`, ...paragraphs], gone: [`Summary: ${summary}`]},
    'teaser of the lead above': {blocks: [title, teaser, ...paragraphs], gone: [teaser]},
    'teaser of the lead below': {blocks: [title, ...paragraphs, teaser], gone: [teaser]},
    'lead twice': {blocks: [title, lead, lead, ...rest]},
    'lead again at the end': {blocks: [title, ...paragraphs, lead]}
  }
}

describe('in-document repeats leave exactly one copy, the most complete', () => {
  const {articles} = loadArticles()

  for (const [name] of Object.entries(variants('t', ['l.']))) {
    it(name, () => {
      for (const {title, paragraphs} of articles) {
        const variant = variants(title, paragraphs)[name]!
        const text = pipeline.clean(variant.blocks.join('\n\n') + '\n').text
        expect(linesEqual(text, title), `${title}: the title once`).toBe(1)
        expect(linesEqual(text, paragraphs[0]!), `${title}: the lead once`).toBe(1)
        for (const paragraph of paragraphs.slice(1)) expect(linesEqual(text, paragraph), `${title}: each paragraph once`).toBe(1)
        for (const copy of variant.gone ?? []) expect(linesEqual(text, copy), `${title}: the shorter copy removed`).toBe(0)
      }
    })
  }
})
