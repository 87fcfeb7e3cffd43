// Places named in a text, read as the names of the lexicon's places (src/lexicon/places.ts):
// 广州市, 广州 and 廣州 (after folding) are the same place; a county is read by its full name.
import {
  NATION,
  NATION_QUERY_WORDS,
  NATION_WORDS,
  NOT_A_PLACE_AFTER,
  PLACES,
  PLACE_SUFFIXES,
  type PlaceLevel,
} from '../lexicon/places.ts';
import { alternation } from '../lexicon/pattern.ts';
import { foldTraditional } from '../text/fold.ts';
import { createPrefixIndex, type PrefixIndex } from '../text/prefix-index.ts';

export { NATION };

export interface RegionMention {
  region: string;
  level: PlaceLevel;
  start: number;
  end: number;
}

interface WrittenForm {
  form: string;
  region: string;
  level: PlaceLevel;
}

/** Every form each place is written in (two characters or more), by its first two, longest first. */
const PLACE_FORMS: PrefixIndex<WrittenForm> = (() => {
  const forms = new Map<string, WrittenForm>();
  const add = (form: string, region: string, level: PlaceLevel) => {
    // The first place to claim a form keeps it: provinces come first in the table.
    if (form.length >= 2 && !forms.has(form)) forms.set(form, { form, region, level });
  };
  for (const place of PLACES) {
    // Questions are folded to simplified characters: 乾安县 is asked as 干安县.
    for (const name of new Set([place.name, foldTraditional(place.name)])) add(name, place.name, place.level);
    for (const form of place.written ?? []) add(form, place.name, place.level);
    if (place.level === 'province' || place.level === 'prefecture') {
      for (const suffix of PLACE_SUFFIXES) if (!place.name.endsWith(suffix)) add(place.name + suffix, place.name, place.level);
    }
  }
  return createPrefixIndex(forms.values(), (form) => form.form);
})();

/** The longest form of a place written at the position, if any. */
function placeFormAt(text: string, at: number): WrittenForm | undefined {
  return PLACE_FORMS.startingAt(text, at).find((candidate) => text.startsWith(candidate.form, at));
}

/** Every place's name, longest first (metric cleaning strips them from a clause's start). */
export const REGION_NAMES: readonly string[] = [...new Set(PLACES.map((p) => p.name))].sort((a, b) => b.length - a.length);

const NOT_A_PLACE = new RegExp(`^\\p{Script=Han}{0,4}?(?:${alternation(NOT_A_PLACE_AFTER)})`, 'u');

/** Every place named in the text, in order, leftmost and longest first. */
export function findRegionMentions(text: string): RegionMention[] {
  return scanPlaces(text, false);
}

/**
 * The places named only as part of an institution's or a site's name (兰州中川机场, 宁波舟山港):
 * not the subject of a figure, but where the thing asked about is.
 */
export function findInstitutionPlaces(text: string): RegionMention[] {
  return scanPlaces(text, true);
}

const PROVINCE_OF: ReadonlyMap<string, string> = new Map(
  PLACES.filter((p) => p.province !== undefined).map((p) => [p.name, p.province!]),
);

/** The short name of the province a place lies in (合肥 → 安徽), itself for a province, null if unknown. */
export function provinceOf(place: string): string | null {
  return PROVINCE_OF.get(place) ?? null;
}

function scanPlaces(text: string, institutions: boolean): RegionMention[] {
  const mentions: RegionMention[] = [];
  let i = 0;
  while (i < text.length) {
    const found = placeFormAt(text, i);
    if (found === undefined) {
      i++;
      continue;
    }
    const end = i + found.form.length;
    if (NOT_A_PLACE.test(text.slice(end, end + 6)) === institutions) mentions.push({ region: found.region, level: found.level, start: i, end });
    i = end;
  }
  return mentions;
}

/** The length of the place form the text starts with, 0 when it starts with none. */
export function leadingPlaceLength(text: string): number {
  const found = placeFormAt(text, 0);
  return found?.form.length ?? 0;
}

/** True when the text speaks of the nation as a whole (全国, 我国, 国家 …). */
export function mentionsNation(text: string): boolean {
  return NATION_WORDS.some((word) => text.includes(word));
}

/** The name of a place as a user may write it (广州市 → 广州, 廣東省 after folding → 广东). */
export function normalizeRegion(name: string): string | null {
  const trimmed = name.trim();
  if (NATION_WORDS.includes(trimmed) || NATION_QUERY_WORDS.includes(trimmed)) return NATION;
  const mention = findRegionMentions(trimmed)[0];
  return mention && mention.start === 0 ? mention.region : null;
}
