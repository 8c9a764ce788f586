import { runScenarios } from './scenarios.js';
import type { TargetRun } from './report/tables.js';
import type { TargetSpec } from './targets/catalog.js';

/**
 * One round of one target: start it, run every scenario, stop it. A peer that does not install or start
 * is skipped with `peer skipped: <why>`; a Helix target that fails is reported as failed.
 */
export async function measureTarget(spec: TargetSpec, mockOrigin: string, seconds: number, warmup: number, installFailure?: string): Promise<TargetRun> {
  if (installFailure) {
    console.log(`peer skipped: ${spec.name}: ${installFailure}`);
    return { name: spec.name, note: '', skipped: installFailure };
  }
  console.log(`${spec.name} ...`);
  let target;
  try {
    target = await spec.start(mockOrigin);
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0]!;
    console.log(spec.helix ? `${spec.name} failed to start: ${(err as Error).message}` : `peer skipped: ${spec.name}: ${reason}`);
    return { name: spec.name, note: '', skipped: reason };
  }
  try {
    const { results, sent } = await runScenarios(target, seconds, warmup, console.log);
    const extra = await target.afterRun?.(sent);
    if (extra) console.log(`  ${extra}`);
    return { name: target.name, note: target.note, results, extra };
  } catch (err) {
    console.log(`  ${spec.name} failed: ${(err as Error).message}`);
    return { name: target.name, note: target.note, skipped: (err as Error).message.split('\n')[0]! };
  } finally {
    await target.stop();
  }
}
