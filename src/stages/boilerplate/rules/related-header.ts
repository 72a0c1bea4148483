import {type BlockRule} from '../block-rule.js'

const HEADERS = [
  String.raw`You (?:may|might) (?:also )?(?:like|enjoy|be interested in)`,
  String.raw`Related(?: (?:Articles?|Posts?|Stories|Story|News|Content|Coverage|Topics|Reading|Links))?`,
  String.raw`Read (?:more|next|also)`,
  String.raw`More (?:from|on|in) [\p{L} ]{1,30}`,
  String.raw`(?:Also|Related) on [\p{L}\d .'’&-]{1,30}:`,
  String.raw`More (?:stories|news|articles|like this)`,
  String.raw`Recommended(?: for you| stories| articles)?`,
  String.raw`Trending(?: now| stories| today)?`,
  String.raw`Trends(?: \d+h| now| today)?`,
  String.raw`Most (?:popular|read|viewed|shared|commented)(?: stories| articles)?`,
  String.raw`Popular (?:now|posts|stories|articles)`,
  String.raw`Don'?t miss`,
  String.raw`See also`,
  String.raw`Also read`,
  String.raw`Latest (?:news|stories|posts|articles)`,
  String.raw`Top stories`,
  String.raw`Editor'?s picks?`,
  String.raw`Further reading`,
  String.raw`(?:Previous|Next) (?:article|post|story)`
]
const HEADER = new RegExp(`^(?:${HEADERS.join('|')})\\s*:?$`, 'iu')

/** `You may like`, `Trends 24h`, `Most Popular`: headers of link lists. */
export const relatedHeader: BlockRule = {
  id: 'related-header',
  reason: 'header of a related-links list',
  example: '`You may like`',
  match: (block) => block.words <= 6 && HEADER.test(block.text)
}
