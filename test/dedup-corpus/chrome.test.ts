/**
 * A copy is never dropped on the strength of site chrome only: posts of one
 * blog that share its long sidebar are different articles, while an article
 * syndicated to several sites (each adding its own site's footer) is still a
 * copy.
 */
import {describe, expect, it} from 'vitest'
import {collect, DedupIndex, resolveOptions, type DocSignature} from '../../src/stages/dedup/corpus/index.js'
import {loadArticles} from '../../bench/dedup/corpus.js'

const options = resolveOptions()
const sign = (path: string, blocks: string[]): DocSignature => collect({path, blocks}, options)

function decide(signatures: DocSignature[]) {
  const index = new DedupIndex(options)
  for (const signature of signatures) index.add(signature)
  return index.decisions()
}

// A blog's sidebar as boilerplate removal leaves it: long blocks of prose that every page prints.
const sidebar = [
  'About the author: Mara writes about small boats, coastal towns and the people who keep both running. She has sailed the northern coast for twenty years and still gets lost in fog at least once a season.',
  'Books: Tides and Timetables, her guide to the ferries, harbours and island crossings of the north, is out now in paperback and as an e-book. Below is the table of contents, so you can see what is inside before you buy a copy of your own.',
  'Newsletter: once a month, a letter with the best of the blog, new routes to try, a few photographs that did not make it into a post and the questions readers sent in. No advertising, and you can leave whenever you like.',
  'Recent posts: the winter timetable explained, what to pack for a crossing in March, a short history of the island post boat, and why the old pier at Port Alden is worth a detour on your way to the ferry terminal.'
]

describe('copy guard: site chrome', () => {
  const {articles} = loadArticles()

  it('does not even match posts that share only the blog sidebar: their Jaccard is measured without it', () => {
    const long = sign('blog/long.txt', [...articles[0]!.paragraphs, ...sidebar])
    const posts = articles.slice(1, 6).map((article, i) => sign(`blog/post-${i}.txt`, [...article.paragraphs.slice(0, 2), ...sidebar]))
    const decisions = decide([long, ...posts])
    expect([...decisions.values()].filter((decision) => decision.action === 'drop' || decision.guarded)).toEqual([])
    expect([...decisions.values()].every((decision) => decision.clusterId === null)).toBe(true)
  })

  // With fewer words of their own than minWords, posts are measured with their sidebar: what the guard is left for.
  const measuredWithChrome = resolveOptions({minWords: 100})
  const withSidebar = (): DocSignature[] => [
    collect({path: 'blog/long.txt', blocks: [...articles[0]!.paragraphs, ...sidebar]}, measuredWithChrome),
    ...articles
      .slice(1, 6)
      .map((article, i) =>
        collect({path: `blog/post-${i}.txt`, blocks: [...article.paragraphs.slice(0, 2), ...sidebar]}, measuredWithChrome)
      )
  ]

  it('keeps short posts that match a long one through the sidebar only, and says why', () => {
    const index = new DedupIndex(measuredWithChrome)
    for (const signature of withSidebar()) index.add(signature)
    const decisions = index.decisions()
    expect([...decisions.values()].filter((decision) => decision.action === 'drop')).toEqual([])
    const guarded = [...decisions.values()].filter((decision) => decision.guarded)
    expect(guarded.length).toBeGreaterThan(0)
    for (const decision of guarded) {
      expect(decision.guarded).toMatchObject({rule: 'site-chrome'})
      expect(decision.guarded!.reason).toMatch(/are each in 3 or more documents \(passage.chromeDocs\)/)
    }
  })

  it('still drops an article syndicated to three sites, each with its own footer that its other pages share', () => {
    const article = articles[6]!.paragraphs
    const footers = [
      'This story first appeared in a partner newspaper and is republished here under a content sharing agreement between regional titles.',
      'Regional Wire distributes stories from partner newspapers to more than forty websites, as provided, with the views of the original publisher.',
      'Metro Digest selects the best local journalism from around the country every day so that you do not have to search for it yourself.'
    ]
    const signatures = [sign('origin/story.txt', article)]
    footers.forEach((footer, site) => {
      signatures.push(sign(`site-${site}/story.txt`, [...article, footer]))
      // The site's other pages: different articles, the same footer.
      for (const other of [7 + 2 * site, 8 + 2 * site])
        signatures.push(sign(`site-${site}/other-${other}.txt`, [...articles[other]!.paragraphs, footer]))
    })
    const decisions = decide(signatures)
    const stories = ['origin/story.txt', ...footers.map((_, site) => `site-${site}/story.txt`)].map((path) => decisions.get(path)!)
    expect(new Set(stories.map((decision) => decision.clusterId)).size).toBe(1)
    expect(stories.filter((decision) => decision.action === 'drop')).toHaveLength(3)
    expect([...decisions.values()].filter((decision) => decision.action === 'drop')).toHaveLength(3)
  })

  it('drops those short posts with the guard off', () => {
    const index = new DedupIndex({...measuredWithChrome, guard: false})
    for (const signature of withSidebar()) index.add(signature)
    expect([...index.decisions().values()].filter((decision) => decision.action === 'drop').length).toBeGreaterThan(0)
  })

  it('refuses chromeDocs below 3: a paragraph two documents share is what a copy is', () => {
    expect(() => resolveOptions({passage: {chromeDocs: 2}})).toThrow(/passage.chromeDocs/)
  })
})

describe('keep policy longest: site chrome does not count', () => {
  const {articles} = loadArticles()
  // A wire report of one match, as two sites ran it.
  const report = [
    'The Harbour City Gulls beat the Ridgeback Rams 6-2 on Saturday night, their fourth straight win at home and the first time this season they have scored six goals in a game.',
    'Tomas Wrede scored twice in the opening period and set up a third before the break, while goalie Eli Marchetti stopped 31 of the 33 shots he faced from the visitors.',
    'The Rams pulled within one early in the second period when Jonah Pike deflected a point shot past Marchetti, but the Gulls answered with two goals in ninety seconds.',
    '"We talked all week about starting fast, and tonight the guys did exactly that," Gulls coach Dana Okafor said after the game, adding that the power play had finally come alive.',
    'Harbour City went three for five with the man advantage, after scoring only twice on the power play in its previous six games, all of them losses on the road.',
    'Ridgeback has now lost five in a row and sits last in the eastern conference, four points behind the Lakeshore Herons with two games in hand on the rest of the division.',
    'The teams meet again on Tuesday in Ridgeback, where the Rams have not beaten the Gulls since the opening week of last season, a run of seven straight home defeats.'
  ]
  // The round-up adds two other games of the night, 70 words: the article with the most to lose.
  const roundup = [
    'Harbour City ran its home winning streak to four games on a busy Saturday in the league.',
    ...report,
    'Elsewhere, the Lakeshore Herons edged the Northgate Otters 3-2 in overtime when Priya Lund scored on a breakaway with forty seconds left in the extra period.',
    'And in Westfield, the Pines shut out the Coastal Stags 4-0 behind a 28-save performance from rookie goalie Sam Adeyemi, his first shutout in the league.'
  ]
  // The report's own site prints teaser links and a long notice on every page: site chrome, which boilerplate left.
  const chrome = [
    'More from the league: trade deadline tracker with every deal so far, the rookie rankings after the first month, and our power rankings for every team in both conferences.',
    'League Network is the official site of the league. All team names, logos and marks are trademarks of the league and its member clubs and may not be reproduced without written consent. All rights reserved.',
    'Watch every game live or on demand with a League Pass subscription, available on phones, tablets, computers and most smart televisions, with a free trial for new members.'
  ]

  it('keeps the round-up over the bare report whose page kept more chrome, and drops the report as its copy', () => {
    const signatures = [sign('wire-b/roundup.txt', roundup), sign('league/report.txt', [...report, ...chrome])]
    // The report site's other pages: other articles, the same chrome.
    for (const other of [1, 2, 3]) signatures.push(sign(`league/other-${other}.txt`, [...articles[other]!.paragraphs, ...chrome]))
    // Counting every word, the report's page is the longer of the two.
    expect(signatures[1]!.words).toBeGreaterThan(signatures[0]!.words)
    const index = new DedupIndex(options)
    for (const signature of signatures) index.add(signature)
    const decisions = index.decisions()
    expect(decisions.get('wire-b/roundup.txt')).toMatchObject({action: 'keep'})
    expect(decisions.get('league/report.txt')).toMatchObject({action: 'drop', keptPath: 'wire-b/roundup.txt'})
    const cluster = index.clusters().find((found) => found.kind === 'document')!
    expect(cluster.kept.reason).toMatch(/^longest \(\d+ words besides site chrome\)$/)
  })
})
