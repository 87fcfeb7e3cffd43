// 核对来源 on a long message without holding up everyone else. Checking a figure costs far more than
// answering a question, and a message may state hundreds: so only as many are checked as the reply
// can show, a sentence at a time, and the sentences of all the checks under way take turns through
// one scheduler that spends about a millisecond per turn of the event loop (one sentence at least),
// then lets Node read and acknowledge other requests. (Measured with 50 checks at once: a 4 ms turn
// left acknowledgements at p99 0.7–0.9 s, a 1 ms turn at 0.45 s, the replies as fast.) (Yielding with setImmediate alone is not enough: Node runs every
// callback queued for a turn before it reads the network again, so fifty checks yielding at once
// would still make a turn of fifty sentences.) The engine checks each figure within its own
// sentence, so a sentence at a time gives the same checks as the whole text at once.
import type { ClaimCheck, Engine } from '../qa/types.ts';
import { findFigures } from '../text/figures.ts';
import { splitSentences } from '../text/sentences.ts';

export interface MessageChecks {
  checks: ClaimCheck[];
  /** How many figures the message states; more than checks.length when the cap was reached. */
  figuresInMessage: number;
}

interface Task {
  steps: Iterator<unknown, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs tasks made of steps (iterators), round-robin, steps for at most `budgetMs` per turn of the
 * event loop and at least one. Owned by the app; close() drops what is still waiting.
 */
export class SliceScheduler {
  readonly #budgetMs: number;
  readonly #tasks: Task[] = [];
  #pumping: NodeJS.Immediate | undefined;
  #closed = false;

  constructor(budgetMs = 1) {
    this.#budgetMs = budgetMs;
  }

  run<T>(steps: Iterator<unknown, T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the scheduler is closed'));
    return new Promise<T>((resolve, reject) => {
      this.#tasks.push({ steps, resolve: resolve as (value: unknown) => void, reject });
      this.#pumping ??= setImmediate(() => this.#pump());
    });
  }

  /** How many tasks are under way. */
  get pending(): number {
    return this.#tasks.length;
  }

  close(): void {
    this.#closed = true;
    if (this.#pumping !== undefined) clearImmediate(this.#pumping);
    for (const task of this.#tasks.splice(0)) task.reject(new Error('the scheduler was closed'));
  }

  #pump(): void {
    this.#pumping = undefined;
    const started = performance.now();
    // At least one step a turn, however small the budget.
    do {
      const task = this.#tasks.shift();
      if (task === undefined) break;
      let step: IteratorResult<unknown, unknown>;
      try {
        step = task.steps.next();
      } catch (error) {
        task.reject(error);
        continue;
      }
      if (step.done) task.resolve(step.value);
      else this.#tasks.push(task);
    } while (this.#tasks.length > 0 && performance.now() - started < this.#budgetMs);
    // The next turn starts after Node has read the network (setImmediate from here runs in the next loop).
    if (this.#tasks.length > 0) this.#pumping = setImmediate(() => this.#pump());
  }
}

/** One step per sentence: the first `maxChecks` figures checked, the rest only counted. */
function* checkSteps(engine: Engine, text: string, maxChecks: number): Generator<void, MessageChecks> {
  const checks: ClaimCheck[] = [];
  let figuresInMessage = 0;
  for (const sentence of splitSentences(text)) {
    if (checks.length < maxChecks) {
      const found = engine.checkClaims(sentence.text);
      figuresInMessage += found.length;
      for (const check of found.slice(0, maxChecks - checks.length)) {
        checks.push({ ...check, claim: { ...check.claim, start: check.claim.start + sentence.start, end: check.claim.end + sentence.start } });
      }
    } else {
      figuresInMessage += findFigures(sentence.text).length;
    }
    yield;
  }
  return { checks, figuresInMessage };
}

/** Checks the first `maxChecks` figures of the text, taking turns with the other work of `scheduler`. */
export function checkMessageClaims(engine: Engine, text: string, maxChecks: number, scheduler: SliceScheduler): Promise<MessageChecks> {
  return scheduler.run(checkSteps(engine, text, maxChecks));
}
