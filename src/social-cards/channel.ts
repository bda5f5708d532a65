/**
 * Between pages and the social-card integration: a page asks for a card by
 * its words (`requestCard`) and prints the URL it gets back; the integration
 * draws every card asked for and writes them into the output.
 *
 * Pages render in another module graph than the integration, so the channel
 * is a slot of the build context (`src/context/build-context.ts`). The integration
 * puts the paper's colours and logo there first (`openCardChannel`), so every
 * card of a build has the same brand and pages need not read the logo themselves.
 */
import { buildSlot } from '../context/build-context';
import { cardFileName, type CardColours, type CardInput, type CardLogo } from './card';

/** What a page says on its card: only headline-level text, never a standfirst or body. */
export type CardText = Pick<CardInput, 'title' | 'label' | 'subtitle' | 'footer'>;

/** The same on every card of a build. */
export interface CardBrand {
  colours: CardColours;
  logo?: CardLogo | undefined;
}

/** Takes each card the first time a page asks for it, by its file name. */
export type CardReceiver = (file: string, input: CardInput) => void;

interface Channel {
  brand: CardBrand;
  receiver: CardReceiver;
  /** Every card asked for since the channel opened, by file name. */
  requested: Map<string, CardInput>;
}

declare module '../context/build-context' {
  interface BuildSlots {
    /** Social cards asked for by pages, for the social-card integration to draw. */
    cards: { channel?: Channel };
  }
}

const slot = () => buildSlot('cards', () => ({}));

/** Opens the channel with the build's brand; returns a function that closes it. */
export function openCardChannel(brand: CardBrand, receiver: CardReceiver): () => void {
  const channel: Channel = { brand, receiver, requested: new Map() };
  slot().channel = channel;
  return () => {
    if (slot().channel === channel) delete slot().channel;
  };
}

/**
 * A card's file name (inside `CARD_FOLDER`), asking the integration to draw
 * it; `undefined` when no integration listens (a page rendered outside
 * `astro build` and `astro dev`), and the page then has no card.
 */
export function requestCard(text: CardText): string | undefined {
  const { channel } = slot();
  if (!channel) return undefined;
  const input: CardInput = { ...text, ...channel.brand };
  const file = cardFileName(input);
  if (!channel.requested.has(file)) {
    channel.requested.set(file, input);
    channel.receiver(file, input);
  }
  return file;
}

/** The open channel's brand, for a page thread to name cards as this thread does; `undefined` when none is open. */
export function openChannelBrand(): CardBrand | undefined {
  return slot().channel?.brand;
}

/** A card asked for in this process, for the dev server, which draws cards when the browser asks. */
export function requestedCard(file: string): CardInput | undefined {
  return slot().channel?.requested.get(file);
}
