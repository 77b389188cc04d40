/** One entry point for the scenarios: starts any benchmark server by kind (see launch.ts, ours.ts). */
import { launchOurs } from './ours.ts';
import { launchReference, type BenchServer, type LaunchOptions, type ServerKind } from './launch.ts';

export function launchServer(kind: ServerKind, opts: LaunchOptions = {}): Promise<BenchServer> {
  return kind === 'ours' ? launchOurs(opts) : launchReference(kind, opts);
}
