/**
 * Sign-up, sign-in, sign-out and "who am I". Unknown email and wrong password are indistinguishable
 * (same message, same scrypt work); failures are rate limited per account and per IP.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { hashPassword, verifyDummyPassword, verifyPassword } from '../../auth/passwords.ts';
import { serializeClearedSessionCookie, serializeSessionCookie } from '../../auth/cookies.ts';
import { StoreConflictError } from '../../store/types.ts';
import type { AppDeps } from '../createApp.ts';
import { requireUser, type AppEnv } from '../AppEnv.ts';
import { HttpError } from '../HttpError.ts';
import { toUserDto } from '../dto.ts';
import { clientIp, wantsSecureCookie } from '../requestInfo.ts';
import { ROUTES, registerRoute } from '../routeTable.ts';

const EMAIL_TAKEN = 'An account with this email already exists';
const BAD_CREDENTIALS = 'Email or password is incorrect';

/** Routes under /api/auth plus /api/me. */
export function authRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store, sessions, loginLimiter } = deps;
  const app = new Hono<AppEnv>();

  /** Starts a session and sets its cookie; a session the browser already had is ended (no fixation). */
  async function signIn(c: Context<AppEnv>, userId: string): Promise<void> {
    await sessions.revoke(c.get('sessionToken'));
    const { token } = await sessions.create(userId);
    const cookie = serializeSessionCookie(token, {
      maxAgeSeconds: config.sessionTtlMs / 1000,
      secure: wantsSecureCookie(c, config),
    });
    c.header('Set-Cookie', cookie, { append: true });
  }

  registerRoute(app, ROUTES.signup, async (c, body) => {
    if (await store.getUserByEmail(body.email)) throw new HttpError('conflict', EMAIL_TAKEN);
    const user = {
      id: randomUUID(),
      name: body.name,
      email: body.email,
      passwordHash: await hashPassword(body.password, config.scryptLogN),
      createdAt: new Date().toISOString(),
    };
    try {
      await store.createUser(user);
    } catch (err) {
      // Two sign-ups with one email at the same moment: the store's unique index decides.
      if (err instanceof StoreConflictError) throw new HttpError('conflict', EMAIL_TAKEN);
      throw err;
    }
    await signIn(c, user.id);
    return c.json({ user: toUserDto(user) }, 201);
  });

  registerRoute(app, ROUTES.login, async (c, body) => {
    const ip = clientIp(c, config.trustProxy);
    const decision = loginLimiter.check(body.email, ip);
    if (!decision.allowed) {
      throw new HttpError('rate_limited', 'Too many failed sign-in attempts. Try again later.', {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }
    const user = await store.getUserByEmail(body.email);
    const ok = user
      ? await verifyPassword(body.password, user.passwordHash)
      : await verifyDummyPassword(body.password, config.scryptLogN);
    if (!user || !ok) {
      loginLimiter.recordFailure(body.email, ip);
      throw new HttpError('unauthenticated', BAD_CREDENTIALS);
    }
    loginLimiter.recordSuccess(body.email);
    await signIn(c, user.id);
    return c.json({ user: toUserDto(user) }, 200);
  });

  registerRoute(app, ROUTES.logout, async (c) => {
    const user = c.get('user');
    await sessions.revoke(c.get('sessionToken'));
    if (user) deps.authEvents?.userLoggedOut(user.id);
    c.header('Set-Cookie', serializeClearedSessionCookie({ secure: wantsSecureCookie(c, config) }), { append: true });
    return c.body(null, 204);
  });

  registerRoute(app, ROUTES.me, async (c) => c.json({ user: toUserDto(requireUser(c)) }, 200));

  return app;
}
