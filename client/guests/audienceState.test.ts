import { describe, expect, it } from 'vitest';
import { heldByAudience } from './audienceState.ts';

describe('heldByAudience', () => {
  const on = { enabled: true, speakers: [{ id: 'sam', name: 'Sam' }] };
  it('holds members who are not speakers while audience mode is on', () => {
    expect(heldByAudience(on, { id: 'mia', facilitator: false }, true)).toBe(true);
    expect(heldByAudience(on, { id: 'sam', facilitator: false }, true)).toBe(false);
    expect(heldByAudience(on, { id: 'fay', facilitator: true }, true)).toBe(false);
    expect(heldByAudience({ enabled: false, speakers: [] }, { id: 'mia', facilitator: false }, true)).toBe(false);
  });
  it('says nothing about people who cannot edit anyway (viewers, view-only guests)', () => {
    expect(heldByAudience(on, { id: 'vic', facilitator: false }, false)).toBe(false);
  });
});
