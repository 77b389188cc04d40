/**
 * ServerMetrics' document-store wrapper on a real SqliteStore: loads and batch writes are timed, failed
 * loads and compactions are counted, and every result and error passes through unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/sqlite/SqliteStore.ts';
import { ServerMetrics } from './ServerMetrics.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function setup() {
  const store = SqliteStore.open({ filename: ':memory:' });
  stores.push(store);
  const metrics = new ServerMetrics();
  return { store, metrics, docs: metrics.docStore(store) };
}

/** The value of one sample line (`name{labels}`) in the rendered registry, or undefined. */
function sample(metrics: ServerMetrics, series: string): number | undefined {
  const line = metrics.registry
    .render()
    .split('\n')
    .find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('ServerMetrics.docStore', () => {
  it('times loads and batch writes, passing results through', async () => {
    const { metrics, docs } = setup();
    await docs.appendUpdates([{ room: 'r', update: textUpdate('hello') }]);
    await docs.appendUpdates([{ room: 'r', update: textUpdate('again') }]);
    const stored = await docs.loadDoc('r');
    expect(stored.updates).toHaveLength(2);
    expect(await docs.countUpdates('r')).toBe(2);
    expect(await docs.listRooms()).toEqual(['r']);
    expect(sample(metrics, 'commonplace_write_batch_duration_seconds_count')).toBe(2);
    expect(sample(metrics, 'commonplace_write_batch_duration_seconds_bucket{le="+Inf"}')).toBe(2);
    expect(sample(metrics, 'commonplace_room_load_duration_seconds_count')).toBe(1);
    expect(sample(metrics, 'commonplace_room_load_duration_seconds_sum')).toBeGreaterThan(0);
    await docs.compact('r', Y.mergeUpdates);
    expect(await docs.countUpdates('r')).toBe(0);
    expect(sample(metrics, 'commonplace_errors_total{kind="compaction_failed"}')).toBe(0);
  });

  it('counts a failed load as room_load_failed and rethrows the original error', async () => {
    const { store, metrics, docs } = setup();
    await store.close();
    const direct = await store.loadDoc('r').catch((e: unknown) => e);
    const wrapped = await docs.loadDoc('r').catch((e: unknown) => e);
    expect(wrapped).toBeInstanceOf(Error);
    expect((wrapped as Error).message).toBe((direct as Error).message);
    expect(sample(metrics, 'commonplace_errors_total{kind="room_load_failed"}')).toBe(1);
    expect(sample(metrics, 'commonplace_room_load_duration_seconds_count')).toBeUndefined();
    await expect(docs.appendUpdates([{ room: 'r', update: textUpdate('x') }])).rejects.toThrow();
    expect(sample(metrics, 'commonplace_write_batch_duration_seconds_count')).toBeUndefined(); // failures are the writer's counter
  });

  it('counts a failed compaction and leaves the log intact', async () => {
    const { metrics, docs } = setup();
    await docs.appendUpdates([{ room: 'r', update: textUpdate('keep me') }]);
    await expect(
      docs.compact('r', () => {
        throw new Error('merge failed');
      }),
    ).rejects.toThrow('merge failed');
    expect(sample(metrics, 'commonplace_errors_total{kind="compaction_failed"}')).toBe(1);
    expect(await docs.countUpdates('r')).toBe(1);
  });
});
