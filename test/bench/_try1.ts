import { auditAtSize, efficiencyFigures } from '/work/main/test/bench/audit';
import { formatTable } from '/work/main/test/bench/figures';
const n = Number(process.argv[2] ?? 10000);
const r = await auditAtSize(n);
console.log(formatTable(efficiencyFigures(r)));
console.log(
  JSON.stringify({
    resolve: r.run.resolveMs,
    collect: r.run.collectMs,
    total: r.run.totalMs,
    rss: r.run.maxRssBytes / 2 ** 20,
    calls: r.run.outcome.calls,
    scopes: r.run.outcome.scopes.map((s) => [s.nodes, s.calls, s.throttles]),
  }),
);
