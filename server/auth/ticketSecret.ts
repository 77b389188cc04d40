/**
 * The secret that signs WebSocket tickets: the configured one, or a random one generated on first start
 * and kept in the store, so tickets issued before a restart stay valid after it.
 */
import { randomBytes } from 'node:crypto';
import type { AppStore } from '../store/types.ts';

const SETTING_KEY = 'ticket_secret';

/** Returns config.ticketSecret, else the persisted secret, creating and storing one if there is none. */
export async function resolveTicketSecret(config: { ticketSecret?: string | undefined }, store: AppStore): Promise<string> {
  if (config.ticketSecret) return config.ticketSecret;
  const existing = await store.getSetting(SETTING_KEY);
  if (existing && existing.length >= 32) return existing;
  await store.setSetting(SETTING_KEY, randomBytes(32).toString('base64url'));
  // Read back what was stored. Known gap: two nodes starting for the first time at the same instant can
  // still pick different secrets (setSetting is last-write-wins); multi-node setups should set TICKET_SECRET.
  const stored = await store.getSetting(SETTING_KEY);
  if (!stored) throw new Error('Could not persist the ticket secret');
  return stored;
}
