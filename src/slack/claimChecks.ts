// 核对来源 on a long message without holding up everyone else: the figures are checked a sentence
// at a time, yielding to the event loop between sentences, so that other requests are read and
// acknowledged meanwhile; and only as many are checked as the reply can show. The engine checks
// each figure within its own sentence, so a sentence at a time gives the same checks.
import type { ClaimCheck, Engine } from '../qa/types.ts';
import { findFigures } from '../text/figures.ts';
import { splitSentences } from '../text/sentences.ts';

export interface MessageChecks {
  checks: ClaimCheck[];
  /** How many figures the message states; more than checks.length when the cap was reached. */
  figuresInMessage: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// Finding the figures of a sentence (to count them) costs little beside checking one; the counting
// still yields now and then on a very long message.
const COUNT_SLICE = 50;

/** Checks the first `maxChecks` figures of the text, a sentence per turn of the event loop. */
export async function checkMessageClaims(engine: Engine, text: string, maxChecks: number): Promise<MessageChecks> {
  const checks: ClaimCheck[] = [];
  let figuresInMessage = 0;
  let counted = 0;
  for (const sentence of splitSentences(text)) {
    if (checks.length < maxChecks) {
      const found = engine.checkClaims(sentence.text);
      figuresInMessage += found.length;
      for (const check of found.slice(0, maxChecks - checks.length)) {
        checks.push({ ...check, claim: { ...check.claim, start: check.claim.start + sentence.start, end: check.claim.end + sentence.start } });
      }
      await yieldToEventLoop();
    } else {
      figuresInMessage += findFigures(sentence.text).length;
      if (++counted % COUNT_SLICE === 0) await yieldToEventLoop();
    }
  }
  return { checks, figuresInMessage };
}
