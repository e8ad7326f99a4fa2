/**
 * Issue 21: who buys in the next 4 weeks? nextPurchaseDue against BG/NBD's conditional expectation
 * on CDNOW (calibration to 1997-09-30, holdout 1997-10-01 … 1997-10-28).
 *
 *   npx tsx scripts/due-vs-bgnbd.ts [path/to/CDNOW_master.txt]
 *
 * Both methods score every customer; the top K by score (K = the number of customers who did buy in
 * the holdout) are compared with the buyers: precision at K (the hit rate), and the AUC (the chance
 * that a random buyer outscores a random non-buyer). Scores: BG/NBD's expected purchases in the 4
 * weeks given (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10); for nextPurchaseDue, the predictive
 * probability that the next gap ends within the 4 weeks given that it has not ended yet,
 * P(G ≤ s + 28 | G > s) with log G ~ N(logGapMean, logGapSd²) and s the days since the last purchase.
 * Data: ../shared/data/CDNOW_master.txt (RELMARK_DATA_DIR), never copied into the repository.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bgNbdExpectedPurchases, fitBgNbd } from 'relmark/clv';
import { nextPurchaseDue } from 'relmark/contact';
import { readCdnowMaster } from '../test/helpers/cdnowMaster.js';

const dir = process.env.RELMARK_DATA_DIR ?? resolve(process.cwd(), '../shared/data');
const file = process.argv[2] ?? join(dir, 'CDNOW_master.txt');
if (!existsSync(file)) {
  console.log(`CDNOW_master.txt not found at ${file}: set RELMARK_DATA_DIR or pass the path`);
  process.exit(0);
}
const day = 86_400_000;
const calibrationEnd = Date.UTC(1997, 8, 30); // the last calibration day, 1997-09-30
const asOf = new Date(calibrationEnd + day - 1); // its end
const holdoutEnd = calibrationEnd + 28 * day; // through 1997-10-28

const rows = readCdnowMaster(file).map((r) => ({ customerId: String(r.customerId), at: Date.parse(String(r.at)) }));
const calibration = rows.filter((r) => r.at <= calibrationEnd);
const buyers = new Set(rows.filter((r) => r.at > calibrationEnd && r.at <= holdoutEnd).map((r) => r.customerId));

// BG/NBD on distinct purchase days, in weeks (the usual CDNOW set-up).
const days = new Map<string, number[]>();
for (const r of calibration) {
  const list = days.get(r.customerId) ?? [];
  list.push(Math.floor(r.at / day));
  days.set(r.customerId, list);
}
const ids = [...days.keys()].sort();
const endDay = Math.floor(calibrationEnd / day) + 1;
const histories = ids.map((id) => {
  const unique = [...new Set(days.get(id))].sort((a, b) => a - b);
  const first = unique[0] as number;
  const last = unique[unique.length - 1] as number;
  return { x: unique.length - 1, tx: (last - first) / 7, T: (endDay - first) / 7 };
});
const fit = fitBgNbd(histories, { timeUnit: 'week' });
const bg = new Map(ids.map((id, i) => [id, bgNbdExpectedPurchases(fit.params, histories[i] as (typeof histories)[number], 4)]));

const dues = nextPurchaseDue(
  calibration.map((r) => ({ customerId: r.customerId, at: new Date(r.at) })),
  { asOf },
);
const phi = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);
const due = new Map(
  dues.map((d) => {
    const s = d.daysSinceLast;
    const survive = 1 - phi((Math.log(Math.max(s, 1e-9)) - d.logGapMean) / d.logGapSd);
    const within = phi((Math.log(s + 28) - d.logGapMean) / d.logGapSd) - phi((Math.log(Math.max(s, 1e-9)) - d.logGapMean) / d.logGapSd);
    return [d.customerId, survive > 0 ? within / survive : 1];
  }),
);

function report(name: string, score: ReadonlyMap<string, number>): void {
  const ranked = ids.map((id) => ({ id, s: score.get(id) ?? 0 })).sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
  const k = buyers.size;
  const hits = ranked.slice(0, k).filter((r) => buyers.has(r.id)).length;
  // AUC by ranks (ties get half credit).
  let above = 0;
  let negatives = 0;
  let auc = 0;
  const ascending = [...ranked].reverse();
  for (let i = 0; i < ascending.length; ) {
    let j = i;
    while (j < ascending.length && (ascending[j] as { s: number }).s === (ascending[i] as { s: number }).s) j++;
    const group = ascending.slice(i, j);
    const pos = group.filter((r) => buyers.has(r.id)).length;
    const neg = group.length - pos;
    auc += pos * (negatives + neg / 2);
    negatives += neg;
    above += pos;
    i = j;
  }
  auc /= above * negatives;
  console.log(`${name.padEnd(34)} hits in top ${k}: ${String(hits).padStart(4)}  precision ${(hits / k).toFixed(3)}  AUC ${auc.toFixed(3)}`);
}

console.log(`CDNOW: ${ids.length} customers, calibration to 1997-09-30, ${buyers.size} bought in 1997-10-01 … 1997-10-28`);
console.log(`BG/NBD fit (weeks): r ${fit.params.r.toFixed(3)}, alpha ${fit.params.alpha.toFixed(3)}, a ${fit.params.a.toFixed(3)}, b ${fit.params.b.toFixed(3)}`);
report('BG/NBD conditional expectation', bg);
report('nextPurchaseDue P(next gap ends)', due);
const overdue = dues.filter((d) => d.overdue).length;
const inWindow = dues.filter((d) => d.dueFrom.getTime() <= holdoutEnd && d.dueUntil.getTime() >= asOf.getTime());
console.log(`nextPurchaseDue: ${overdue} overdue at asOf; ${inWindow.length} with a due window (80%) overlapping the 4 weeks, of whom ${inWindow.filter((d) => buyers.has(d.customerId)).length} bought`);

/** erfc by the Chebyshev fit `erfcc` of Numerical Recipes in C (2nd ed., §6.2): fractional error below 1.2e-7. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
