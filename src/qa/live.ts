// An engine that follows its seeds folder (src/indexing/live.ts): every question is answered by
// the engine over the index as it stands, and a new engine takes over once an update is in place.
import { liveIndex, type LiveIndex, type LiveIndexOptions, type UpdateOutcome } from '../indexing/live.ts';
import { openIndex } from '../indexing/open.ts';
import { createEngine, type EngineOptions, type OpenedEngine } from './engine.ts';
import type { Engine } from './types.ts';

export interface LiveEngine extends Engine {
  /** The engine answering now. */
  readonly current: OpenedEngine;
  /** Looks at the seeds folder now (the watch does so by itself); resolves when up to date. */
  refresh(): Promise<UpdateOutcome>;
  onUpdate(listener: (engine: OpenedEngine, outcome: UpdateOutcome) => void): void;
  close(): Promise<void>;
}

/** Whether an engine follows its seeds folder (and can be asked to look at it now). */
export function isLiveEngine(engine: Engine): engine is LiveEngine {
  const candidate = engine as Partial<LiveEngine>;
  return typeof candidate.refresh === 'function' && typeof candidate.onUpdate === 'function';
}

export type LiveEngineOptions = EngineOptions & Pick<LiveIndexOptions, 'debounceMs' | 'readerIdleMs' | 'watch'>;

export async function openLiveEngine(options: LiveEngineOptions): Promise<LiveEngine> {
  const opened = await openIndex(options);
  let engine = createEngine(opened);
  const live: LiveIndex = liveIndex(opened, options);
  const listeners: ((engine: OpenedEngine, outcome: UpdateOutcome) => void)[] = [];
  live.onUpdate((index, outcome) => {
    engine = createEngine(index);
    for (const listener of listeners) listener(engine, outcome);
  });
  return {
    get current() {
      return engine;
    },
    ask: (question) => engine.ask(question),
    targets: (filter) => engine.targets(filter),
    checkClaims: (text) => engine.checkClaims(text),
    summary: () => engine.summary(),
    coverage: () => engine.coverage(),
    refresh: () => live.refresh(),
    onUpdate(listener) {
      listeners.push(listener);
    },
    close: () => live.close(),
  };
}
