/**
 * The fuzz soak's attackers: several sockets sending seeded garbage as fast as the server answers, plus an
 * oversized frame every 2 s. They run in a child process of their own, so that their churn (about a
 * thousand connections a second) does not stall the canary clients' event loop and pass for server lag.
 */
import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { fuzzCorpus, prng } from './fuzzCorpus.ts';
import { openAttacker, unexpectedOutcome } from './Attacker.ts';

export interface AttackPlan {
  /** Collaboration URLs with tickets: rooms[room][person]. Room 0 is the canary room. */
  rooms: string[][];
  seconds: number;
  sockets: number;
  seed: number;
  /** MAX_MESSAGE_BYTES of the server: the oversized frames are one byte longer. */
  maxMessageBytes: number;
}

export interface AttackReport {
  connections: number;
  frames: number;
  /** Time from sending an oversized frame to the 1009 close, ms (Infinity: closed otherwise, or not). */
  oversizeMs: number[];
  /** Outcomes that are not an acceptable answer to hostile input ('timeout', an unexpected close code). */
  unexpected: string[];
}

/** Attacks for `plan.seconds` from this process. */
export async function runAttacks(plan: AttackPlan): Promise<AttackReport> {
  const report: AttackReport = { connections: 0, frames: 0, oversizeMs: [], unexpected: [] };
  const stopAt = Date.now() + plan.seconds * 1000;
  await Promise.all(
    Array.from({ length: plan.sockets }, async (_, k) => {
      const rand = prng(plan.seed + 100 + k);
      const corpus = fuzzCorpus(plan.seed + 1000 + k, Number.MAX_SAFE_INTEGER);
      let lastOversize = Date.now();
      while (Date.now() < stopAt) {
        // One connection in four attacks the canary room itself.
        const room = rand() < 0.25 ? 0 : 1 + Math.floor(rand() * (plan.rooms.length - 1));
        const urls = plan.rooms[room]!;
        const att = await openAttacker(urls[k % urls.length]!);
        report.connections++;
        if (k === 0 && Date.now() - lastOversize > 2000) {
          // Just over the limit: ws must close with 1009 at once, without buffering the frame.
          lastOversize = Date.now();
          const t0 = performance.now();
          att.send(new Uint8Array(plan.maxMessageBytes + 1));
          const code = await att.closed(5000);
          report.oversizeMs.push(code === CloseCode.MessageTooBig ? performance.now() - t0 : Infinity);
          att.terminate();
          continue;
        }
        for (let n = 1 + Math.floor(rand() * 20); n > 0 && att.open; n--) {
          att.send(corpus.next().value!.data);
          report.frames++;
        }
        const outcome = await att.probe(5000);
        if (unexpectedOutcome(outcome)) report.unexpected.push(String(outcome));
        att.terminate();
      }
    }),
  );
  return report;
}

/** Runs {@link runAttacks} in a child process (on the CPU this process is pinned to) and returns its report. */
export function attackInChildProcess(plan: AttackPlan): Promise<AttackReport> {
  const child = fork(import.meta.filename, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let report: AttackReport | null = null;
    child.once('message', (r: AttackReport) => (report = r));
    child.once('exit', (code) => (report ? resolve(report) : reject(new Error(`attack process exited with ${code} and no report`))));
    child.send(plan);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.once('message', (plan: AttackPlan) => {
    void runAttacks(plan).then((report) => {
      // Infinity does not survive JSON: report it as a number far over any bar.
      report.oversizeMs = report.oversizeMs.map((ms) => (Number.isFinite(ms) ? ms : Number.MAX_SAFE_INTEGER));
      process.send!(report, () => process.exit(0));
    });
  });
}
