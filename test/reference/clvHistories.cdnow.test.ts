import { describe, expect, it } from 'vitest';
import { splitCalibrationHoldout, summarizeHistories } from 'relmark/clv';
import { missingDataReason } from '../helpers/sharedData.js';
import { cdnowMonetaryFile, cdnowSampleFile, cdnowSummaryFile, readCdnowSample, readNumericCsv } from './clvSharedData.js';

const ready = cdnowSampleFile !== undefined && cdnowSummaryFile !== undefined && cdnowMonetaryFile !== undefined;
const reason = ready ? '' : missingDataReason('CDNOW_sample.txt and the CDNOW summaries');
const round2 = (v: number) => Math.round(v * 100) / 100;

describe('summarizeHistories on CDNOW_sample.txt', () => {
  it.skipIf(!ready)(`reproduces cdnow_customers_summary.csv (asOf 1997-09-30, weeks, by day; equal after rounding to 2 dp) ${reason}`, () => {
    const rows = readCdnowSample(cdnowSampleFile as string).filter((row) => row.at <= '1997-09-30');
    const histories = summarizeHistories(rows, { asOf: '1997-09-30', timeUnit: 'week', period: 'day' });
    const expected = readNumericCsv(cdnowSummaryFile as string);
    expect(histories.length).toBe(2357);
    const byId = new Map(histories.map((h) => [h.customerId, h]));
    const mismatches = expected.filter((row) => {
      const h = byId.get(String(row.ID));
      return !h || h.x !== row.frequency || round2(h.tx) !== row.recency || round2(h.T) !== row.T;
    });
    // ref: shared/data/README.md (lifetimes summary_data_from_transaction_data, freq='D', multiplier 7).
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!ready)(`matches zbar of cdnow_customers_summary_with_transactions.csv within 0.005 ${reason}`, () => {
    const rows = readCdnowSample(cdnowSampleFile as string).filter((row) => row.at <= '1997-09-30');
    const byId = new Map(summarizeHistories(rows, { asOf: '1997-09-30' }).map((h) => [h.customerId, h]));
    const expected = readNumericCsv(cdnowMonetaryFile as string);
    // ref: shared/data/README.md, zbar = mean value of repeat purchases (0 if x = 0), rounded to 2 dp
    // in the file: atol 0.005 (half a cent) plus 1e-9 for the binary representation of e.g. 22.345.
    const off = expected.filter((row) => !(Math.abs((byId.get(String(row.ID))?.monetaryMean ?? Number.NaN) - (row.zbar as number)) <= 0.005 + 1e-9));
    expect(off).toEqual([]);
  });

  it.skipIf(!ready)(`splits calibration and holdout at 1997-09-30 / 1998-06-30 ${reason}`, () => {
    const rows = readCdnowSample(cdnowSampleFile as string);
    const split = splitCalibrationHoldout(rows, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
    const direct = summarizeHistories(rows.filter((row) => row.at <= '1997-09-30'), { asOf: '1997-09-30' });
    expect(split.calibration).toEqual(direct);
    expect(split.newInHoldout).toEqual([]);
    // Conservation: every occasion is either in calibration (x + 1 per customer) or in holdout.
    const allDays = new Set(rows.map((row) => `${row.customerId} ${row.at}`)).size;
    const counted = split.calibration.reduce((s, h) => s + h.x + 1, 0) + split.holdout.reduce((s, h) => s + h.purchases, 0);
    expect(counted).toBe(allDays);
    expect(split.holdout[0]?.duration).toBeCloseTo(39, 0);
  });

  it.skipIf(!ready)(`rejects transactions after asOf with future_date ${reason}`, () => {
    const rows = readCdnowSample(cdnowSampleFile as string);
    expect(() => summarizeHistories(rows, { asOf: '1997-09-30' })).toThrow(expect.objectContaining({ code: 'future_date' }));
  });
});
