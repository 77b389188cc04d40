/**
 * `npm run cluster`: N identical nodes plus the load balancer, for trying the scale-out setup on one
 * machine. Nodes share the store (DATABASE_URL for PostgreSQL, else the SQLite file in DATA_DIR, which
 * WAL mode lets several local processes share) and Redis (REDIS_URL, default the local one).
 *   NODES=3 PORT=3000 REDIS_URL=redis://127.0.0.1:6379 npm run cluster
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { LoadBalancer } from './LoadBalancer.ts';

const nodes = Number(process.env.NODES ?? 3);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const env = {
  ...process.env,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
};

const children: ChildProcess[] = [];
const backends = Array.from({ length: nodes }, (_, i) => ({ host: '127.0.0.1', port: port + 1 + i }));

function startNode(i: number) {
  const child = fork(path.join(import.meta.dirname, '../main.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...env, PORT: String(backends[i].port), HOST: '127.0.0.1', NODE_NAME: `node-${i + 1}` },
  });
  children[i] = child;
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`node-${i + 1} exited (${signal ?? code}); restarting in 1 s`);
    setTimeout(() => startNode(i), 1000);
  });
}

let stopping = false;
// The first node migrates the store; the others start once it listens, so they never race the migration.
startNode(0);
await new Promise<void>((resolve) => children[0].once('message', () => resolve()));
for (let i = 1; i < nodes; i++) startNode(i);

const lb = new LoadBalancer(backends);
await lb.listen(port, host);
console.log(`Commonplace cluster: ${nodes} nodes behind http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await lb.close();
    process.exit(0);
  });
}
