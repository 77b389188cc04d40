import { describe, expect, it } from 'vitest';
import { draftRoomOf, draftsRoomOf, splitDraftRoom } from './privateMode.ts';
import { controlRoomOf, splitFacilitationRoom } from './control.ts';

describe('private mode room names', () => {
  const room = 's_AbC-dEf_ghIJklmn';
  const user = '0f8b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  it('splits a draft room into its session room and author', () => {
    expect(splitDraftRoom(draftRoomOf(room, user))).toEqual({ base: room, author: user });
    expect(splitFacilitationRoom(draftRoomOf(room, user))).toEqual({ base: room, kind: 'draft', author: user });
    expect(splitFacilitationRoom(draftsRoomOf(room))).toEqual({ base: room, kind: 'drafts' });
    expect(splitFacilitationRoom(controlRoomOf(room))).toEqual({ base: room, kind: 'ctl' });
    expect(splitFacilitationRoom(room)).toEqual({ base: room, kind: null });
    expect(splitDraftRoom(`${room}-draft-`)).toBeNull();
  });
  it('fits the room name pattern (64 characters) with a UUID author', () => {
    expect(draftRoomOf(room, user).length).toBeLessThanOrEqual(64);
  });
});
