/** Words and sentences that stand only after a free limit in tests/fixtures/site. */
export const PAID = [
  'Paid sentence charlie',
  'Paid heading delta',
  'Paid image alt echo',
  'Paid image title foxtrot',
  'quintessentialwombat',
  'Paid item juliet',
  'Paid item kilo',
  'marmaladeoctopus',
  'Paid quote november',
  'tangerinezeppelin',
  'Paid paragraph sierra',
  'Paid table tango',
  'Paid cell uniform',
  'pumpernickelgalaxy',
  'velvetcrankshaft',
  'lighthousebanjo',
  'Paid sentence yankee',
  'saxophonecarousel',
  'accordionmeteor',
  'harpsichordnebula',
  // A link's address defined after the cut is paid: the free part shows the link's words without it.
  'cellodrizzle',
  'trombonevolcano',
  'clarinetglacier',
  'oboehurricane',
  'bassoontornado',
  'fluteavalanche',
  'piccolomonsoon',
  'kettledrumspectre',
  'Paid point five',
  'harmoniumwhirlwind',
  'glockenspielmirage',
  // tests/fixtures/site/articles/2024/pictures.md: a paid paragraph, a paid figure's alt text, caption and file name.
  'hollyhockzeppelin',
  'Paid picture alt marigoldcomet',
  'Paid caption larkspurtrombone',
  'paid-lighthouse-foxglove',
  'gooseberryanvil',
];

/** Sentences from the free parts of the same articles, which must stay visible. */
export const FREE = ['Free sentence alpha', 'Free paragraph romeo', 'Free item india', 'Free quote mike'];
