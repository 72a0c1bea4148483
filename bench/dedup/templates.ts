/**
 * Site templates for the benchmark: each site wraps the articles it publishes
 * in its own header and footer. Copies of one article on different sites, and
 * different articles on one site, are the hard cases: the first must match,
 * the second must not. Written for this benchmark.
 */
export interface SiteTemplate {
  name: string
  slug: string
  header: (title: string, date: string) => string[]
  footer: (title: string) => string[]
  readMore: (title: string) => string
}

export const ORIGIN: SiteTemplate = {
  name: 'The Coastline Gazette',
  slug: 'gazette',
  header: (title, date) => [
    'THE COASTLINE GAZETTE',
    'News | Sport | Opinion | Weather | Letters',
    title,
    `Published ${date} by the newsroom`
  ],
  footer: () => [
    'Share this story: Facebook · Email · Print',
    'The Coastline Gazette is an independent newspaper owned by its readers, and every subscription pays for local reporting across the whole region.',
    '© The Coastline Gazette. All rights reserved.'
  ],
  readMore: () => 'Read more'
}

export const SITES: SiteTemplate[] = [
  {
    name: 'Northshore Daily',
    slug: 'northshore',
    header: (title, date) => ['Northshore Daily', 'Home › Local › Community', title, `${date} · 4 min read`],
    footer: () => [
      'Sign up for our morning newsletter',
      'This story first appeared in The Coastline Gazette and is republished here under a content sharing agreement between regional titles.',
      'Tags: community, local news, region',
      '© 2024 Northshore Daily Media Ltd'
    ],
    readMore: () => 'Read more…'
  },
  {
    name: 'Valley Voice',
    slug: 'valleyvoice',
    header: (title) => ['VALLEY VOICE — your neighbourhood online', 'Menu  Search  Subscribe', `» ${title}`],
    footer: () => [
      'Comments are closed for this article.',
      'Advertise with us | Contact | Privacy policy | Cookie settings',
      'Valley Voice'
    ],
    readMore: (title) => `Continue reading “${title}” on The Coastline Gazette →`
  },
  {
    name: 'Regional Wire',
    slug: 'wire',
    header: (title, date) => [`REGIONAL WIRE ${date}`, title, '(Syndicated content)'],
    footer: () => [
      'Regional Wire distributes stories from partner newspapers to more than forty websites. Content is provided as is and reflects the views of the original publisher.',
      'More from Regional Wire: Weather warnings · Traffic · Jobs'
    ],
    readMore: () => '[Read the full story]'
  },
  {
    name: 'Harbour Town Blog',
    slug: 'htblog',
    header: (title) => ['Harbour Town Blog', 'Posted in: Around town', title],
    footer: () => ['Like this post? Buy us a coffee!', '12 comments', 'Powered by a free blogging platform · Theme by Seaside'],
    readMore: () => '... Read more »'
  },
  {
    name: 'Metro Digest',
    slug: 'metrodigest',
    header: (title, date) => ['Metro Digest', 'Today’s top stories', title, date],
    footer: () => [
      'Recommended for you',
      'Metro Digest selects the best local journalism from around the country every day so that you do not have to search for it yourself.',
      'Download our app'
    ],
    readMore: (title) => `Read more: ${title}`
  }
]
