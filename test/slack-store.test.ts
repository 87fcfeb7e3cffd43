// The bot's embedded database: its versioned schema, and each thing it keeps (deliveries handled,
// conversation memory, feedback, recent questions), bounded, and kept across a reopen, which is
// what a restart does. Each test uses a folder of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from '../src/store/migrations.ts';
import { IN_MEMORY, openStore, storePath, StoreError, type Store } from '../src/store/store.ts';

const folders: string[] = [];
const stores: Store[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-store-'));
  folders.push(dir);
  return dir;
}

function open(options: Parameters<typeof openStore>[0]): Store {
  const store = openStore(options);
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the schema', () => {
  it('is created at the latest version in a new data folder, and a reopen keeps what was written', () => {
    const dir = join(dataDir(), 'nested', 'data');
    const store = openStore({ dataDir: dir });
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.path).toBe(join(dir, 'zhibiao.db'));
    store.conversations.remember('C1:1.1', { question: '广州汽车集群规模目标?', metric: '汽车产业集群规模' });
    store.close();
    store.close(); // a second close does nothing

    const again = open({ dataDir: dir });
    expect(again.conversations.recall('C1:1.1')).toEqual({ question: '广州汽车集群规模目标?', metric: '汽车产业集群规模' });
  });

  it('brings an older database up to date step by step, keeping its rows, and refuses a newer one', () => {
    const file = join(dataDir(), 'old.db');
    const steps: Migration[] = [
      { version: 1, does: 'notes', sql: 'CREATE TABLE note (text TEXT NOT NULL);' },
      { version: 2, does: 'notes get a time', sql: 'ALTER TABLE note ADD COLUMN at INTEGER NOT NULL DEFAULT 0;' },
    ];
    const db = new Database(file);
    try {
      expect(migrate(db, steps.slice(0, 1))).toEqual([1]);
      db.prepare("INSERT INTO note (text) VALUES ('kept')").run();
      expect(migrate(db, steps)).toEqual([2]);
      expect(migrate(db, steps)).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(db.prepare('SELECT text, at FROM note').all()).toEqual([{ text: 'kept', at: 0 }]);
      expect(() => migrate(db, steps.slice(0, 1))).toThrow(/schema version 2, newer than this version of zhibiao knows \(1\)/);
    } finally {
      db.close();
    }
  });

  it('refuses to open a database of a newer version, in one line', () => {
    const dir = dataDir();
    const db = new Database(storePath(dir));
    db.pragma('user_version = 99');
    db.close();
    expect(() => openStore({ dataDir: dir })).toThrow(StoreError);
    try {
      openStore({ dataDir: dir });
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('opens read-only only a database that exists at the current version, and reads while the bot writes', () => {
    const dir = dataDir();
    expect(() => openStore({ dataDir: dir, readonly: true })).toThrow(/cannot open/);
    const writer = open({ dataDir: dir });
    writer.feedback.record({ user: 'U1', channel: 'C1', messageTs: '1.1', verdict: 'up', reason: null, note: null, question: 'q', answer: 'a', citation: null });
    const reader = open({ dataDir: dir, readonly: true });
    expect(reader.feedback.list()).toHaveLength(1);
    expect(() => reader.feedback.record({ user: 'U2', channel: 'C1', messageTs: '1.1', verdict: 'up', reason: null, note: null, question: 'q', answer: 'a', citation: null })).toThrow(/readonly/);
  });
});

describe('deliveries', () => {
  it('says yes once for a delivery, whichever of its keys comes back, and across a reopen', () => {
    const dir = dataDir();
    const store = openStore({ dataDir: dir });
    expect(store.deliveries.firstSighting('event:Ev1', 'post:C1:1.1')).toBe(true);
    expect(store.deliveries.firstSighting('event:Ev1', 'post:C1:1.1')).toBe(false);
    expect(store.deliveries.firstSighting('event:Ev2', 'post:C1:1.1')).toBe(false);
    expect(store.deliveries.firstSighting('event:Ev1', 'post:C1:9.9')).toBe(false);
    expect(store.deliveries.firstSighting(undefined, 'post:C1:2.2')).toBe(true);
    store.close();
    expect(open({ dataDir: dir }).deliveries.firstSighting('event:Ev1')).toBe(false);
  });

  it('forgets keys after their time', () => {
    let now = 0;
    const store = open({ dataDir: IN_MEMORY, now: () => now, deliveries: { ttlMs: 1000 } });
    expect(store.deliveries.firstSighting('a')).toBe(true);
    now = 999;
    expect(store.deliveries.firstSighting('a')).toBe(false);
    now = 2000;
    expect(store.deliveries.firstSighting('a')).toBe(true);
  });

  it('keeps at most maxEntries keys, dropping the oldest', () => {
    let now = 0;
    const store = open({ dataDir: IN_MEMORY, now: () => ++now, deliveries: { maxEntries: 3 } });
    for (const key of ['a', 'b', 'c']) store.deliveries.firstSighting(key);
    store.deliveries.firstSighting('a');
    store.deliveries.firstSighting('d');
    store.deliveries.prune();
    expect(store.deliveries.size).toBe(3);
    expect(store.deliveries.firstSighting('b')).toBe(true);
    expect(store.deliveries.firstSighting('a')).toBe(false);
  });
});

describe('conversations', () => {
  it('remember the last question of each thread, bounded in count and age', () => {
    let now = 0;
    const store = open({ dataDir: IN_MEMORY, now: () => ++now, conversations: { maxEntries: 2, ttlMs: 100 } });
    store.conversations.remember('C1:1', { question: 'q1', metric: null });
    store.conversations.remember('C1:1', { question: 'q1b', metric: 'm' });
    store.conversations.remember('C1:2', { question: 'q2', metric: null });
    store.conversations.remember('D1', { question: 'q3', metric: null });
    store.conversations.prune();
    expect(store.conversations.size).toBe(2);
    expect(store.conversations.recall('C1:1')).toBeNull();
    expect(store.conversations.recall('D1')).toEqual({ question: 'q3', metric: null });
    now += 200;
    expect(store.conversations.recall('D1')).toBeNull();
  });
});

describe('recent questions', () => {
  it('lists a person’s last ten, newest first, a repeated one moved to the top', () => {
    const store = open({ dataDir: IN_MEMORY });
    for (let n = 1; n <= 12; n++) store.recentQuestions.add('U1', `问题${n}`);
    store.recentQuestions.add('U1', '问题5');
    store.recentQuestions.add('U2', '别人的问题');
    const listed = store.recentQuestions.list('U1');
    expect(listed).toHaveLength(10);
    expect(listed.slice(0, 3)).toEqual(['问题5', '问题12', '问题11']);
    expect(listed).not.toContain('问题1');
    expect(store.recentQuestions.list('U2')).toEqual(['别人的问题']);
  });
});

describe('feedback', () => {
  it('keeps one verdict per person and answer, the later replacing the earlier, with question, answer and citation', () => {
    const store = open({ dataDir: IN_MEMORY, now: () => Date.UTC(2025, 0, 2) });
    const base = { user: 'U1', channel: 'C1', messageTs: '1.1', question: '广州汽车集群规模目标?', answer: '广州：汽车产业集群规模 6000亿元', citation: { doc: 'a.txt', article: '标题', paragraph: 2 } };
    store.feedback.record({ ...base, verdict: 'up', reason: null, note: null });
    store.feedback.record({ ...base, verdict: 'down', reason: 'wrong_figure', note: '应为 5000亿元' });
    store.feedback.record({ ...base, user: 'U2', verdict: 'up', reason: null, note: null });
    const listed = store.feedback.list();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ ...base, verdict: 'down', reason: 'wrong_figure', note: '应为 5000亿元', givenAt: '2025-01-02T00:00:00.000Z' });
    expect(() => store.feedback.record({ ...base, verdict: 'down', reason: 'nonsense' as never, note: null })).toThrow();
  });
});
