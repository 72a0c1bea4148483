// Development check: how each kind of hostile line scales through the whole default
// pipeline (in process). A backtracking pattern shows as a ratio far above 8 when the
// line grows 8 times. Prints one row per shape; run after `npm run build`.
import {createPipeline, DEFAULT_PIPELINE} from '../dist/index.js'

const pipeline = createPipeline(DEFAULT_PIPELINE)
const random = (seed) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648)
const pick = (alphabet, n, next) => Array.from({length: n}, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
const repeat = (unit) => (n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)
const SHAPES = {
  'protein sequence': (n) => pick('ACDEFGHIKLMNPQRSTVWY', n, random(3)),
  ACGT: repeat('ACGT'),
  WordWord: repeat('Word'),
  'capitals and slashes': repeat('AB/'),
  'capitals and dots': repeat('A.'),
  'capitals and spaces': repeat('A '),
  spaces: (n) => 'a' + ' '.repeat(n) + 'b',
  'tabs and spaces': (n) => 'a' + repeat(' \t')(n) + 'b',
  dots: repeat('.'),
  'dot space': repeat('. '),
  dashes: repeat('- '),
  'em dashes': repeat('— '),
  'digits and colons': repeat('1:2'),
  brackets: repeat('(['),
  'html-ish': repeat('<a b="'),
  attributes: repeat('a="b" '),
  entities: repeat('&a'),
  'url-ish': repeat('http://a/'),
  pipes: repeat('a | '),
  bullets: repeat('• a '),
  'mojibake-ish': repeat('Ã©â€'),
  camelCase: repeat('aB'),
  lowercase: repeat('ab'),
  'comment prompts': repeat('Leave a Reply '),
  'names with dashes': repeat("O'-"),
  quotes: repeat('"“”'),
  'mixed punctuation': (n) => pick('.,;:!?-—()[]"\'/ ', n, random(7))
}

function cost(text) {
  const start = process.hrtime.bigint()
  pipeline.clean(text + '\n', 'x.txt')
  return Number(process.hrtime.bigint() - start) / 1e6
}

const small = Number(process.argv[2] ?? 200)
console.log(`shape\t${small} chars (ms)\t${small * 8} chars (ms)\tratio`)
for (const [name, make] of Object.entries(SHAPES)) {
  cost(make(small)) // warm
  const a = Math.min(cost(make(small)), cost(make(small)))
  const b = Math.min(cost(make(small * 8)), cost(make(small * 8)))
  console.log(
    `${name}\t${a.toFixed(2)}\t${b.toFixed(2)}\t${(b / Math.max(a, 0.05)).toFixed(1)}${b / Math.max(a, 0.05) > 24 ? '\tSUPERLINEAR' : ''}`
  )
}
