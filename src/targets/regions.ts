// Places named in a text, read as the short names of the lexicon's places (src/lexicon/places.ts):
// 广州市, 广州 and 廣州 (after folding) are the same place.
import { alternation } from '../lexicon/pattern.ts';
import { NATION, NATION_QUERY_WORDS, NATION_WORDS, NOT_A_PLACE_AFTER, PLACES, PLACE_SUFFIXES } from '../lexicon/places.ts';

export { NATION };

/** Short names of the places, longest first so 黑龙江 wins over a shorter match. */
export const REGION_NAMES: readonly string[] = PLACES.map((p) => p.name).sort((a, b) => b.length - a.length);

export interface RegionMention {
  region: string;
  start: number;
  end: number;
}

const REGION_PATTERN = new RegExp(`(${alternation(REGION_NAMES)})(${alternation(PLACE_SUFFIXES)})?`, 'g');
const NOT_A_PLACE = new RegExp(`^\\p{Script=Han}{0,4}?(?:${alternation(NOT_A_PLACE_AFTER)})`, 'u');

/** Every place named in the text, in order, as short names. */
export function findRegionMentions(text: string): RegionMention[] {
  const mentions: RegionMention[] = [];
  for (const match of text.matchAll(REGION_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (NOT_A_PLACE.test(text.slice(end, end + 6))) continue;
    mentions.push({ region: match[1]!, start, end });
  }
  return mentions;
}

/** True when the text speaks of the nation as a whole (全国, 我国, 国家 …). */
export function mentionsNation(text: string): boolean {
  return NATION_WORDS.some((word) => text.includes(word));
}

/** The short name for a place as a user may write it (广州市 → 广州, 廣東省 after folding → 广东). */
export function normalizeRegion(name: string): string | null {
  const trimmed = name.trim();
  if (NATION_WORDS.includes(trimmed) || NATION_QUERY_WORDS.includes(trimmed)) return NATION;
  const mention = findRegionMentions(trimmed)[0];
  return mention && mention.start === 0 ? mention.region : null;
}
