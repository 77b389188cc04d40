import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META_KEYS, getAgenda, getBoard, getMeta, getNotes, toYMap } from '../../shared/doc/layout.ts';
import { extractContent } from '../knowledge/extractContent.ts';
import { replaceContent } from './replaceContent.ts';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

describe('replaceContent', () => {
  it('makes a live document show an old one, as changes another replica converges on', () => {
    const old = new Y.Doc();
    getAgenda(old).push([toYMap({ id: 'a1', title: 'Intro', minutes: 5, done: true })]);
    getNotes(old).insert(0, [paragraph('Old notes')]);
    getBoard(old).set('s1', toYMap({ id: 's1', type: 'sticky', text: 'Kept' }));
    getMeta(old).set(META_KEYS.currentAgendaItem, 'a1');

    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(old));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));
    live.on('update', (u: Uint8Array) => Y.applyUpdate(replica, u));
    Y.transact(live, () => {
      getAgenda(live).push([toYMap({ id: 'a2', title: 'Later', minutes: 5 })]);
      getNotes(live).insert(1, [paragraph('New notes')]);
      getBoard(live).set('s2', toYMap({ id: 's2', type: 'sticky', text: 'Later sticky' }));
      (getBoard(live).get('s1') as Y.Map<unknown>).set('text', 'Edited');
      getMeta(live).delete(META_KEYS.currentAgendaItem);
    });
    expect(extractContent(live)).not.toEqual(extractContent(old));

    Y.transact(live, () => replaceContent(live, old));
    expect(extractContent(live)).toEqual(extractContent(old));
    expect(extractContent(replica)).toEqual(extractContent(old));
  });

  it('leaves equal board items untouched (no change for what did not differ)', () => {
    const old = new Y.Doc();
    getBoard(old).set('s1', toYMap({ id: 's1', type: 'sticky', text: 'Same' }));
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(old));
    const before = Y.encodeStateVector(live);
    Y.transact(live, () => replaceContent(live, old));
    expect(Y.encodeStateVector(live)).toEqual(before);
  });
});
