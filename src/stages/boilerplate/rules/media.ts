/** Leftovers of embedded media: video titles with durations and photo credits. */
import type {BlockRule} from '../block-rule.js'

const DURATION = /\s\(?(\d{1,2}):([0-5]\d)(?::[0-5]\d)?\)?$/
// A clock time reads "at 10:30"; a clip's duration follows a title.
const BEFORE_TIME = /\b(?:at|by|from|until|till|to|before|after|around|about|since|between|and|or|is|was|opens|closes|starts|ends|begins)$/i

/** `Mayor opens the new bridge (2022) 2:20`: a video's title and duration. */
export const videoCaption: BlockRule = {
  id: 'video-caption',
  reason: 'video title with its duration',
  example: '`Firefighters rescue a horse from a ditch 1:45`',
  match(block) {
    const text = block.text
    if (/^(?:Video|Watch|WATCH|VIDEO|Listen|Podcast)\s*[:|–-]\s*\S/.test(text) && block.words <= 20) return {reason: 'video or audio link'}
    if (block.words > 25) return false
    const duration = DURATION.exec(text)
    if (!duration) return false
    const head = text.slice(0, duration.index).trimEnd()
    if (/[.!?;:,]$/.test(head) || BEFORE_TIME.test(head) || /\b(?:a\.m|p\.m)\.?$/i.test(head)) return false
    return head.split(/\s+/).length >= 2
  }
}

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

const SLIDESHOW_LOADER =
  /^(?:Loading (?:the )?(?:slideshow|gallery|photos|images)|This (?:slideshow|gallery) requires JavaScript|(?:Launch|Start|Play|Open|View) (?:the )?(?:full )?(?:photo |image )?(?:slideshow|gallery))(?:\s*(?:\.\.\.|…|\.|»|→))?$/i

/**
 * `Loading Slideshow...` and the slides under it: a slide's title as a list item,
 * then its caption, up to the first short line that is neither (the page's next
 * widget). Slideshows sit beside or under the article; their captions read like
 * prose, so the classifier alone keeps them.
 */
export const slideshow: BlockRule = {
  id: 'slideshow',
  reason: 'slideshow and its captions',
  example: '`Loading Slideshow...` and the slides that follow',
  match(block, context) {
    if (block.words > 8 || !SLIDESHOW_LOADER.test(block.text)) return false
    const {blocks} = context
    let extend = 0
    let slides = 0
    for (let k = block.index + 1; k < blocks.length; k++) {
      const next = blocks[k]!
      if (next.kind === 'list-item' && next.words <= 20) slides++
      else if (next.words < 8 || slides === 0) break
      extend++
    }
    return {extend}
  }
}

const CAPTION_LABEL = /^(?:PHOTO|Photo|IMAGE|Image|PICTURE|Picture|Pictured|CAPTION|Caption)\s*:\s+\S/u
const CREDIT_END =
  /(?:\((?:Copyright|Photo|Image|Credit|Picture|Photograph|Courtesy)s?\s*:\s*[^()]{1,60}\)|\b(?:Photo|Image|Credit)s?\s*:\s*[\p{L}\d.&' -]{1,40}\s?\/\s?[\p{L}\d.&' -]{1,40})$/u

/** `PHOTO: Officials at the site on Monday.`, `A crowd outside (Credit: Jane Doe/AP)`: a photo caption. */
export const photoCaption: BlockRule = {
  id: 'photo-caption',
  reason: 'photo caption',
  example: '`The bridge at dawn (Photo: Jane Doe/AP)`',
  match(block) {
    if (block.words > 60) return false
    return CAPTION_LABEL.test(block.text) || CREDIT_END.test(block.text)
  }
}

/** The line is one phrase of two or more words written twice, with or without a space between. */
function isDoubled(text: string): boolean {
  const n = text.length
  if (n < 24) return false
  const half = n >> 1
  const first = text.slice(0, half)
  const second = n % 2 === 0 ? text.slice(half) : text[half] === ' ' ? text.slice(half + 1) : undefined
  return second !== undefined && first === second && first.includes(' ')
}

/** `Harbour at dawn Harbour at dawn`: an image's alt and title text, printed one after the other. */
export const imageAlt: BlockRule = {
  id: 'image-alt',
  reason: 'image text printed twice (alt and title)',
  example: '`Harbour at dawn Harbour at dawn`',
  match: (block) => block.words <= 60 && isDoubled(block.text)
}
