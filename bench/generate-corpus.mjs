// A deterministic generator of scraped-style articles (our own synthetic text):
// prose paragraphs with site furniture around them, glued words, doubled
// punctuation, and a share of near-duplicate copies with other headers.
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const SUBJECTS = [
  'The council',
  'The minister',
  'Local residents',
  'The company',
  'Researchers',
  'The mayor',
  'Union leaders',
  'The hospital trust',
  'Investors',
  'The regulator',
  'Farmers',
  'The airline'
]
const VERBS = [
  'said on Monday that',
  'warned that',
  'argued that',
  'confirmed that',
  'told reporters that',
  'announced that',
  'insisted that',
  'suggested that'
]
const CLAUSES = [
  'the new plan would cost far more than first expected',
  'work on the bridge could start before the end of the year',
  'prices had risen sharply over the past six months',
  'the decision would be reviewed after a public consultation',
  'more staff were needed to clear the backlog of cases',
  'the scheme had already saved hundreds of jobs in the region',
  'water levels in the reservoir were the lowest in a decade',
  'the results of the trial would be published in the spring',
  'several schools would close early because of the heat',
  'the ferry timetable would return to normal next week',
  'the figures did not include spending on temporary housing',
  'the vote was closer than most observers had predicted'
]
const HEADS = ['Home News', 'Home Business', 'Home World', 'Home Sport']
const JUNK = [
  'Leave a Reply',
  'Please enter your comment!',
  'Share on Facebook Share on Twitter Share via Email',
  'Source link',
  'You may like',
  'Trends 24h',
  '© Metro Desk 2024 - Privacy',
  'Sign up for our daily newsletter to get every story first.'
]

export function random(seed) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    return s / 2 ** 32
  }
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)]

function sentence(rand, n) {
  return `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, CLAUSES)}, according to document ${n}.`
}

export function article(seed, minBytes, maxBytes) {
  const rand = random(seed)
  const target = minBytes + Math.floor(rand() * (maxBytes - minBytes))
  const title = `${pick(rand, SUBJECTS)} ${pick(rand, ['faces', 'backs', 'rejects', 'delays'])} plan number ${seed}`
  const lines = [`${pick(rand, HEADS)} ${title.slice(0, 30)}...`, title, '']
  let size = 0
  let n = 0
  while (size < target) {
    let paragraph = Array.from({length: 3 + Math.floor(rand() * 4)}, () => sentence(rand, seed * 1000 + n++)).join(' ')
    if (rand() < 0.2) paragraph = paragraph.replace('. ', '.') // missing space after a full stop
    if (rand() < 0.1) paragraph = paragraph.replace(/ (\w+)\. /, ' $1. . ') // doubled full stop
    if (rand() < 0.15) paragraph = paragraph.replace(/ (the|a) /, (m, w) => (` ${w}` === ' the' ? ' theBridge ' : m)) // glued words
    lines.push(paragraph, '')
    size += paragraph.length + 2
    if (rand() < 0.1) lines.push(`  • ${pick(rand, SUBJECTS)} ${pick(rand, VERBS).split(' ')[0]} over plan ${Math.floor(rand() * 1e6)}`, '')
    if (rand() < 0.05) lines.push('Jane Doe/AP', '')
  }
  for (const junk of JUNK) if (rand() < 0.5) lines.push(junk, '')
  return lines.join('\n')
}

/** Write `count` articles of `minKb`..`maxKb` into `dir`; `duplicates` of them are copies with another header. */
export function writeCorpus(dir, count, {minKb = 2, maxKb = 20, duplicates = 0.05} = {}) {
  mkdirSync(dir, {recursive: true})
  const rand = random(12345)
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const copyOf = i > 10 && rand() < duplicates ? Math.floor(rand() * i) : -1
    const text = copyOf >= 0 ? `The Daily Ledger\n\n${article(copyOf, minKb * 1000, maxKb * 1000)}` : article(i, minKb * 1000, maxKb * 1000)
    writeFileSync(join(dir, `doc-${String(i).padStart(6, '0')}.txt`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}
