/**
 * The Commonplace server process: reads the config, starts the server, and shuts down gracefully on
 * SIGTERM/SIGINT (flushing every pending update before exit).
 */
import { loadConfig } from './config/config.ts';
import { createLogger } from './log.ts';
import { startServer } from './startServer.ts';

const config = loadConfig();
const log = createLogger(config.logLevel, { service: 'commonplace', pid: process.pid });

process.on('unhandledRejection', (err) => log.error('process.unhandled_rejection', { err }));
process.on('uncaughtException', (err) => {
  log.error('process.uncaught_exception', { err });
  process.exitCode = 1;
});

const running = await startServer(config, log);
// Parent processes (tests, the cluster launcher) read this line to learn the port.
if (process.send) process.send({ type: 'listening', url: running.url, port: running.port });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping', { signal });
    const force = setTimeout(() => {
      log.error('server.shutdown_timeout', {});
      process.exit(1);
    }, 9_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('server.shutdown_failed', { err });
        process.exit(1);
      },
    );
  });
}
