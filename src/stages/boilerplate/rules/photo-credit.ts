import type {BlockRule} from '../block-rule.js'

const AGENCY = String.raw`(?:AP|AFP|Reuters|Getty(?: Images)?|EPA|EPA-EFE|Bloomberg|Shutterstock|Alamy|iStock|Xinhua|TASS|Sputnik|ANP|DPA|PA|PA Images|ZUMA(?: Press)?|SOPA Images|LightRocket|NurPhoto|Anadolu(?: Agency)?|Sipa|Corbis|Wikimedia Commons|Unsplash|Pexels|NASA|Handout|Pool|File|Kyodo|Yonhap|Imago|Redux|The New York Times|The Washington Post)`
const NAME = String.raw`(?:[\p{Lu}][\p{L}.'’-]*|de|van|von|la|le|da|di|del|bin)`
// Names joined by single spaces: a name runs on over capitals (`AnnaKovacs`), so one
// run of letters has one way to match and the pattern stays linear. (`(?:NAME\s?){1,5}`
// split such a run every possible way: 100 s on one 300-letter protein sequence.)
const NAMES = (most: number): string => String.raw`${NAME}(?:\s${NAME}){0,${most - 1}}\s?`
// `Anna Kovacs/AP`, `Stringer/AFP/Getty Images`, `AP Photo/Jane Doe`.
const SLASH_CREDIT = new RegExp(String.raw`^\(?${NAMES(5)}(?:\/\s?${NAMES(4)}){1,3}\)?$`, 'u')
// `Photo: Reuters`, `Image credit: NASA`, `Photo by Jane Doe`; not `Graphic Design Courses`.
const AGENCY_OR_SLASH = new RegExp(AGENCY + '|/', 'u')
const AGENCY_ONLY = new RegExp(`^\\(?${AGENCY}\\)?$`, 'u')
const LABELLED_CREDIT =
  /^\(?(?:Photo|Photograph|Image|Picture|Illustration|Video|Graphic)s?(?:\s*credits?)?\s*[:|–—-]\s*\S.{0,80}$|^\(?(?:Photo|Photograph|Image|Picture|Illustration)s?\s+(?:credits?|by)\s+\S.{0,80}$|^\(?Credits?\s*:\s*\S.{0,80}$/i

/** `Jane Doe/AP`, `Photo: Reuters`: a credit line under a picture. */
export const photoCredit: BlockRule = {
  id: 'photo-credit',
  reason: 'photo credit',
  example: '`Stringer/AFP/Getty Images`',
  match(block) {
    if (block.words > 12) return false
    const text = block.text
    if (SLASH_CREDIT.test(text) && AGENCY_OR_SLASH.test(text) && !/\s\/\s\S+\s\/\s/.test(text)) return true
    if (LABELLED_CREDIT.test(text) && !/[.!?]$/.test(text)) return true
    return AGENCY_ONLY.test(text)
  }
}
