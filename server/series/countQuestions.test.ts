import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../shared/facilitation/control.ts';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { countQuestions, questionsByAuthor } from './countQuestions.ts';

const q = (id: string, authorId: string | null) => ({ id, text: 't', authorId, authorName: authorId, createdAt: 0, upvoters: [], answered: false, answer: null });

function controlDoc(questions: ReturnType<typeof q>[]): Y.Doc {
  const doc = new Y.Doc();
  getControl(doc).set(CONTROL_KEYS.questions, Object.fromEntries(questions.map((x) => [x.id, x])));
  return doc;
}

describe('countQuestions', () => {
  it('counts named questions per author and never anonymous ones', () => {
    const got = questionsByAuthor(controlDoc([q('1', 'ann'), q('2', 'ann'), q('3', null), q('4', 'bob')]));
    expect(Object.fromEntries(got)).toEqual({ ann: 2, bob: 1 });
  });

  it('sums stored control docs of several sessions; sessions without one count nothing', async () => {
    const store = SqliteStore.open({ filename: ':memory:' });
    try {
      await store.appendUpdates([
        { room: controlRoomOf('s_a'), update: Y.encodeStateAsUpdate(controlDoc([q('1', 'ann')])) },
        { room: controlRoomOf('s_b'), update: Y.encodeStateAsUpdate(controlDoc([q('2', 'ann'), q('3', 'bob')])) },
      ]);
      const got = await countQuestions(['s_a', 's_b', 's_none'], { store });
      expect(Object.fromEntries(got)).toEqual({ ann: 2, bob: 1 });
    } finally {
      await store.close();
    }
  });
});
