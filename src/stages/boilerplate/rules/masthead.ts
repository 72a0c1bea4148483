import {inHead, type BlockRule} from '../block-rule.js'

const OUTLET = String.raw`(?:Times|Post|News|Herald|Daily|Journal|Tribune|Gazette|Chronicle|Review|Today|Online|Media|Press|Observer|Telegraph|Express|Mirror|Independent|Insider|Wire|Weekly|Monthly|Magazine|Ledger|Courier|Sentinel|Standard|Register|Examiner|Dispatch|Bulletin|Globe|Network|Digest)`

const MASTHEAD = new RegExp(String.raw`^(?:The\s+)?(?:[\p{Lu}][\p{L}'&.-]*\s+){0,3}${OUTLET}$`, 'u')

/** `The Daily Ledger` at the top of the page, before the article starts. */
export const masthead: BlockRule = {
  id: 'masthead',
  reason: 'site name banner',
  example: '`The Daily Ledger`',
  needsContext: true,
  match(block, context) {
    if (!inHead(block, context) || block.words > 5) return false
    return MASTHEAD.test(block.text)
  }
}
