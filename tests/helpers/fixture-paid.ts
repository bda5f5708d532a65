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
  'trombonevolcano',
  'clarinetglacier',
  'oboehurricane',
  'bassoontornado',
  'fluteavalanche',
  'piccolomonsoon',
];

/** Sentences from the free parts of the same articles, which must stay visible. */
export const FREE = ['Free sentence alpha', 'Free paragraph romeo', 'Free item india', 'Free quote mike'];
