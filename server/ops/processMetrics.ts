/**
 * Process-level metrics under the names Prometheus' own client libraries use, so that stock dashboards
 * and alerts for Node services work unchanged: memory, CPU time, start time.
 */
import type { MetricsRegistry } from './metrics.ts';

/** Registers memory, CPU and start-time metrics, all read at scrape time. */
export function registerProcessMetrics(metrics: MetricsRegistry): void {
  // One memoryUsage() call per scrape, shared by the gauges below (it walks the heap spaces).
  let memory: NodeJS.MemoryUsage | null = null;
  const mem = () => (memory ??= process.memoryUsage());
  metrics.gauge({
    name: 'process_resident_memory_bytes',
    help: 'Resident memory size in bytes.',
    collect: () => {
      memory = null; // the first gauge of a scrape refreshes the reading
      return mem().rss;
    },
  });
  metrics.gauge({ name: 'nodejs_heap_size_total_bytes', help: 'V8 heap size in bytes.', collect: () => mem().heapTotal });
  metrics.gauge({ name: 'nodejs_heap_size_used_bytes', help: 'V8 heap used in bytes.', collect: () => mem().heapUsed });
  metrics.gauge({ name: 'nodejs_external_memory_bytes', help: 'Memory of C++ objects bound to JavaScript objects, in bytes.', collect: () => mem().external });
  metrics.gauge({ name: 'nodejs_array_buffers_bytes', help: 'Memory of ArrayBuffers and Buffers (included in external), in bytes.', collect: () => mem().arrayBuffers });
  metrics.counter({
    name: 'process_cpu_seconds_total',
    help: 'User and system CPU time spent, in seconds.',
    collect: () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    },
  });
  const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
  metrics.gauge({ name: 'process_start_time_seconds', help: 'Start time of the process since the Unix epoch, in seconds.', collect: () => startSeconds });
}
