/** The progress bar `patch-audit audit` shows on stderr (the documents it prints are the core's). */
import { SingleBar } from 'cli-progress';
import { settledScopes, type AuditProgress } from '../../shared/auditPlan';

export function progressBar(enabled: boolean) {
  if (!enabled) return { update: (_p: AuditProgress) => {}, stop: () => {} };
  const bar = new SingleBar({
    format:
      ' {bar} {percentage}% | scopes {value}/{total} | {nodes} nodes | {calls} calls | {throttles} throttled | {errors} failed | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: false,
    stream: process.stderr,
  });
  let started = false;
  return {
    update: (p: AuditProgress) => {
      const c = p.scopeCounts;
      const payload = { nodes: p.nodes, calls: p.calls, throttles: p.throttles, errors: c.failed };
      if (!started && c.total > 0) {
        bar.start(c.total, settledScopes(c), payload);
        started = true;
      } else if (started) {
        // Scopes are known account by account as each is resolved, while the first ones already run.
        if (c.total !== bar.getTotal()) bar.setTotal(c.total);
        bar.update(settledScopes(c), payload);
      }
    },
    stop: () => started && bar.stop(),
  };
}
