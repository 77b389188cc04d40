/**
 * A small TCP load balancer for running several nodes locally (`npm run cluster`) and in tests. It
 * round-robins connections (HTTP and WebSocket alike: no sticky sessions are needed, rooms are shared
 * through Redis) over the backends that pass their /healthz check, and tries the next backend when a
 * connect fails, so clients of a killed node reconnect to a live one.
 */
import net from 'node:net';

export interface Backend {
  host: string;
  port: number;
}

export class LoadBalancer {
  private readonly server: net.Server;
  private readonly healthy: boolean[];
  private next = 0;
  private healthTimer: NodeJS.Timeout | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly backends: Backend[],
    private readonly healthIntervalMs = 500,
  ) {
    this.healthy = backends.map(() => true);
    this.server = net.createServer((client) => this.route(client));
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    this.healthTimer = setInterval(() => void this.checkHealth(), this.healthIntervalMs);
    this.healthTimer.unref();
    return (this.server.address() as net.AddressInfo).port;
  }

  private pickOrder(): number[] {
    const n = this.backends.length;
    const start = this.next++ % n;
    const order = Array.from({ length: n }, (_, i) => (start + i) % n);
    // Healthy backends first; unhealthy ones only as a last resort.
    return [...order.filter((i) => this.healthy[i]), ...order.filter((i) => !this.healthy[i])];
  }

  private route(client: net.Socket) {
    this.sockets.add(client);
    client.once('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const order = this.pickOrder();
    const attempt = (k: number) => {
      if (k >= order.length || client.destroyed) return client.destroy();
      const i = order[k];
      const upstream = net.connect(this.backends[i]);
      upstream.once('connect', () => {
        this.sockets.add(upstream);
        upstream.once('close', () => this.sockets.delete(upstream));
        upstream.on('error', () => client.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.resume();
      });
      upstream.once('error', () => {
        if (upstream.connecting || !upstream.remoteAddress) {
          this.healthy[i] = false;
          attempt(k + 1);
        }
      });
    };
    attempt(0);
  }

  private async checkHealth() {
    await Promise.all(
      this.backends.map(async (b, i) => {
        try {
          const res = await fetch(`http://${b.host}:${b.port}/healthz`, { signal: AbortSignal.timeout(this.healthIntervalMs) });
          this.healthy[i] = res.ok;
        } catch {
          this.healthy[i] = false;
        }
      }),
    );
  }

  async close() {
    if (this.healthTimer) clearInterval(this.healthTimer);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
