import {wholeLine, type BlockRule} from '../block-rule.js'

const SOURCE = wholeLine([
  String.raw`Source link`,
  String.raw`Sources?\s*:\s*\S[^.!?]{0,60}`,
  String.raw`Via\s*:\s*\S[^.!?]{0,40}`,
  String.raw`Original (?:article|source|link|story)\s*:?\s*\S?[^.!?]{0,60}`,
  String.raw`Continue reading(?: the (?:main )?story)?\s*(?:…|\.\.\.|»|→)?`,
  String.raw`Read (?:more|the (?:full|rest of the) (?:article|story))\s*(?:…|\.\.\.|»|→)?`
])

/** `Source link`, `Source: countyherald`, `Continue reading...`. */
export const sourceLink: BlockRule = {
  id: 'source-link',
  reason: 'source or continue-reading link',
  example: '`Source: countyherald`',
  match: (block) => block.words <= 12 && SOURCE.test(block.text)
}
