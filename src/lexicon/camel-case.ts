/**
 * Real words written in camel case, which the glued-words repair must never
 * split. Lower-cased; extend it from a pipeline file with `repair.allow`.
 */
export const CAMEL_CASE_WORDS: ReadonlySet<string> = new Set(
  `
  youtube javascript typescript coffeescript actionscript clojurescript purescript livescript webassembly webkit
  powerpoint sharepoint onedrive onenote linkedin paypal wordpress woocommerce github gitlab bitbucket playstation
  macbook airpods airtag airdrop facetime imessage icloud garageband fedex harpercollins dreamworks blackberry
  mastercard smackdown whatsapp tiktok soundcloud youtubetv deepmind huffpost buzzfeed wikileaks doordash wechat
  aliexpress bytedance easyjet autotrader carmax bestbuy gamestop livenation warnermedia oneplus thinkpad
  teamviewer hubspot bigcommerce godaddy digitalocean solidworks sketchup indesign blackrock cashapp opensea
  metamask pancakeswap sushiswap starcraft gameboy skyscanner postscript autozone duckduckgo freebsd openbsd
  netbsd myspace salesforce photoshop lightroom pagerank adsense adwords gmail hotmail instagram snapchat
  pinterest spacex skype kickstarter indiegogo crowdstrike palantir coinmarketcap bitfinex kraken nextdoor
  lyft grubhub instacart postmates trustpilot glassdoor ziprecruiter careerbuilder smartphone workbench
  reddit tumblr flickr dropbox evernote mailchimp squarespace shopify wix weebo firefox thunderbird
  chromecast androidtv appletv applecare applepay googlepay samsungpay fitbit gopro dji nvidia amd
  arcelormittal exxonmobil glaxosmithkline astrazeneca pricewaterhousecoopers biontech moderna pfizer
  jetblue southwest aeromexico aerolineas airasia cebupacific skywest expressjet
  sportscenter nascar motogp formulae ufc wwe nba nfl mlb nhl
  lebron demar deandre devante demarcus lamarcus lavar lamelo dejounte
  mcdonald mcdonalds mccain mcconnell mccarthy mcgregor mckinsey mcafee mcgraw mcintosh mckenzie mclaren
  macarthur mackenzie macdonald macleod macneil macmillan macgregor
  desantis dicaprio delorean devos dejesus
  `
    .split(/\s+/)
    .filter(Boolean)
)

/** Name prefixes that start real camel-case surnames: McDonald, MacArthur, DeSantis, VanHalen. */
export const NAME_PREFIXES: ReadonlySet<string> = new Set([
  'mc',
  'mac',
  'de',
  'di',
  'da',
  'du',
  'del',
  'della',
  'le',
  'la',
  'van',
  'von',
  'fitz',
  'o',
  'st',
  'san',
  'dos',
  'das'
])
