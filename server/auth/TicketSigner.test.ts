import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TicketSigner } from './TicketSigner.ts';

const SECRET = 'a'.repeat(40);
const claims = { userId: 'user-1', room: 's_AbCdEfGhIjKlMnOp', role: 'member' as const };

describe('TicketSigner', () => {
  it('issues a ticket that verifies to the same claims until it expires', () => {
    const signer = new TicketSigner(SECRET, 60_000);
    const now = 1_700_000_000_000;
    const { token, expiresAt } = signer.issue(claims, now);
    expect(expiresAt.getTime()).toBe(now + 60_000);
    const v = signer.verify(token, now + 1000);
    expect(v).toMatchObject({ userId: 'user-1', room: claims.room, role: 'member', expiresAt: now + 60_000 });
    expect(v?.jti).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(signer.verify(token, now + 60_000)).toBeNull();
    expect(signer.verify(token, now + 120_000)).toBeNull();
  });

  it('gives each ticket its own id', () => {
    const signer = new TicketSigner(SECRET, 60_000);
    expect(signer.verify(signer.issue(claims).token)?.jti).not.toBe(signer.verify(signer.issue(claims).token)?.jti);
  });

  it('refuses a tampered payload or signature', () => {
    const signer = new TicketSigner(SECRET, 60_000);
    const { token } = signer.issue(claims);
    const [body, sig] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, role: 'host' })).toString('base64url');
    expect(signer.verify(`${forged}.${sig}`)).toBeNull();
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expect(signer.verify(`${body}.${flipped}`)).toBeNull();
    expect(signer.verify(`${body}.${sig.slice(0, -4)}`)).toBeNull();
  });

  it('refuses a ticket signed with another secret', () => {
    const { token } = new TicketSigner('b'.repeat(40), 60_000).issue(claims);
    expect(new TicketSigner(SECRET, 60_000).verify(token)).toBeNull();
  });

  it('refuses garbage without throwing', () => {
    const signer = new TicketSigner(SECRET, 60_000);
    for (const junk of ['', '.', 'abc', 'a.b.c', '..', '%%%.%%%', 'x'.repeat(5000), null, undefined, 42, {}]) {
      expect(signer.verify(junk)).toBeNull();
    }
  });

  it('refuses a correctly signed payload with invalid claims', () => {
    // Payloads signed with the right key but carrying claims the signer would never issue.
    const signer = new TicketSigner(SECRET, 60_000);
    const sign = (payload: unknown) => {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    };
    const exp = Date.now() + 60_000;
    expect(signer.verify(sign({ u: 'u', r: 's_room', role: 'member', exp, jti: 'j' }))).not.toBeNull();
    expect(signer.verify(sign({ u: 'u', r: '../etc', role: 'member', exp, jti: 'j' }))).toBeNull();
    expect(signer.verify(sign({ u: 'u', r: 's_room', role: 'admin', exp, jti: 'j' }))).toBeNull();
    expect(signer.verify(sign({ u: '', r: 's_room', role: 'member', exp, jti: 'j' }))).toBeNull();
    expect(signer.verify(sign({ u: 'u', r: 's_room', role: 'member', exp: String(exp), jti: 'j' }))).toBeNull();
    expect(signer.verify(sign(['not', 'an', 'object']))).toBeNull();
    expect(signer.verify(sign(null))).toBeNull();
  });

  it("a guest's ticket names its guest, and only a guest ticket does (SPEC R15)", () => {
    const signer = new TicketSigner(SECRET, 60_000);
    const { token } = signer.issue({ userId: 'guest:g1', room: claims.room, role: 'guest', guestHash: 'hash-of-cookie' });
    expect(signer.verify(token)).toMatchObject({ userId: 'guest:g1', role: 'guest', guestHash: 'hash-of-cookie' });
    const sign = (payload: unknown) => {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
    };
    const exp = Date.now() + 60_000;
    expect(signer.verify(sign({ u: 'u', r: 's_room', role: 'guest', exp, jti: 'j' }))).toBeNull();
    expect(signer.verify(sign({ u: 'u', r: 's_room', role: 'member', exp, jti: 'j', g: 'h' }))).toBeNull();
  });

  it('insists on a long secret', () => {
    expect(() => new TicketSigner('short', 1000)).toThrow();
  });
});
