import type { RfmSegmentDetails, RfmSegmentMap } from './rfmSegmentMap.js';

type About = Omit<RfmSegmentDetails, 'name'>;

// One description and action per customer situation, shared by the presets that name it (each map
// names the segment its own way). relmark's own wording.
const about = {
  champions: {
    description: 'Bought recently, buy often and spend the most.',
    action: 'Reward and involve them: early access, loyalty perks, referral invitations and requests for reviews.',
  },
  loyal: {
    description: 'Buy regularly and spend well.',
    action: 'Recognise their loyalty with tier benefits and personal recommendations; offer upgrades.',
  },
  potentialLoyalist: {
    description: 'Recent customers with average frequency and spend.',
    action: 'Invite them into the loyalty programme and suggest related products to build the habit.',
  },
  newCustomers: {
    description: 'Bought very recently, but only once or twice.',
    action: 'Onboard them: a welcome series, help to get value from the purchase, and a reason for a second one.',
  },
  promising: {
    description: 'Recent buyers who have not spent much yet.',
    action: 'Show them the range with light-touch content and modest offers; avoid deep discounts.',
  },
  needAttention: {
    description: 'Above-average recency, frequency and spend, but starting to slip.',
    action: 'Send a time-limited offer personalised from their past purchases.',
  },
  aboutToSleep: {
    description: 'Below-average recency and frequency: they will lapse without a nudge.',
    action: 'Reconnect with popular products and a small incentive; ask what they need.',
  },
  atRisk: {
    description: 'Spent well and bought often, but not for a long time.',
    action: 'Personal win-back contact: a tailored message or call from a person, and a renewal offer.',
  },
  cannotLose: {
    description: 'Among the biggest and most frequent buyers, but have not returned for a long time.',
    action: 'Win them back personally and fast: learn why they left and give a strong reason to return.',
  },
  hibernating: {
    description: 'Last bought long ago, with few orders and low spend.',
    action: 'Include them in low-cost reactivation campaigns; otherwise lower the contact pressure.',
  },
  lost: {
    description: 'The lowest recency, frequency and spend.',
    action: 'Try one reactivation campaign, then stop spending contacts on them.',
  },
  unclassified: {
    description: 'Scores that no segment of this map covers.',
    action: 'Review the map: score with the bins it was written for, or add a segment.',
  },
} satisfies Record<string, About>;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The 11-segment map that covers all 125 codes of 5-bin RFM scores, as published by Bloomreach
 * (Exponea) and Spotler: the default map of relmark.
 *
 * @remarks
 * Provenance: the code lists of the RFM segmentation used by Bloomreach and Spotler, as quoted in
 * relmark's RFM issue (#9); descriptions and actions are relmark's own. Every one of the 125 codes
 * `111`…`555` is in exactly one list, so with 5 bins every customer gets a named segment;
 * other bin counts reach the fallback `'Unclassified'` for codes with a 6 or more.
 * The object is frozen: copy it to change a segment (see the guide).
 *
 * @example
 * ```ts
 * import { bloomreachRfmSegments, validateSegmentMap } from 'relmark/rfm';
 * bloomreachRfmSegments.segments.map((s) => s.codes?.length);
 * //=> [7, 8, 24, 7, 16, 8, 8, 22, 8, 11, 6]
 * validateSegmentMap(bloomreachRfmSegments, 5).valid;
 * //=> true
 * ```
 * @category RFM
 */
export const bloomreachRfmSegments: RfmSegmentMap = deepFreeze({
  name: 'bloomreach-11',
  provenance: 'Bloomreach / Spotler 11-segment RFM map, 125 codes (code lists as quoted in relmark issue #9)',
  segments: [
    { ...about.champions, name: 'Champions', codes: ['555', '554', '544', '545', '454', '455', '445'] },
    { ...about.loyal, name: 'Loyal', codes: ['543', '444', '435', '355', '354', '345', '344', '335'] },
    { ...about.potentialLoyalist, name: 'Potential Loyalist', codes: ['553', '551', '552', '541', '542', '533', '532', '531', '452', '451', '442', '441', '431', '453', '433', '432', '423', '353', '352', '351', '342', '341', '333', '323'] },
    { ...about.newCustomers, name: 'New Customers', codes: ['512', '511', '422', '421', '412', '411', '311'] },
    { ...about.promising, name: 'Promising', codes: ['525', '524', '523', '522', '521', '515', '514', '513', '425', '424', '413', '414', '415', '315', '314', '313'] },
    { ...about.needAttention, name: 'Need Attention', codes: ['535', '534', '443', '434', '343', '334', '325', '324'] },
    { ...about.aboutToSleep, name: 'About To Sleep', codes: ['331', '321', '312', '221', '213', '231', '241', '251'] },
    { ...about.atRisk, name: 'At Risk', codes: ['255', '254', '245', '244', '253', '252', '243', '242', '235', '234', '225', '224', '153', '152', '145', '143', '142', '135', '134', '133', '125', '124'] },
    { ...about.cannotLose, name: 'Cannot Lose Them', codes: ['155', '154', '144', '214', '215', '115', '114', '113'] },
    { ...about.hibernating, name: 'Hibernating', codes: ['332', '322', '233', '232', '223', '222', '132', '123', '122', '212', '211'] },
    { ...about.lost, name: 'Lost', codes: ['111', '112', '121', '131', '141', '151'] },
  ],
  fallback: { ...about.unclassified, name: 'Unclassified' },
});

/**
 * The default segment map: {@link bloomreachRfmSegments}.
 * @example
 * ```ts
 * import { defaultRfmSegments } from 'relmark/rfm';
 * defaultRfmSegments.name;
 * //=> 'bloomreach-11'
 * ```
 * @category RFM
 */
export const defaultRfmSegments: RfmSegmentMap = bloomreachRfmSegments;

const between = (min: number, max: number) => ({ min, max });

/**
 * The 5 × 5 recency × frequency grid with ten named regions (monetary is not used).
 *
 * @remarks
 * Provenance: the recency × frequency grid that circulates in RFM tutorials and notebooks as a
 * regular-expression map over two-digit `RF` codes (`[1-2][1-2]` hibernating, `5[4-5]` champions,
 * …); relmark states the same cells as score ranges, with its own descriptions and actions. The ten
 * regions tile the 25 cells exactly: no overlap and no gap for 5 bins.
 *
 * @example
 * ```ts
 * import { rfmGridSegments, validateSegmentMap } from 'relmark/rfm';
 * const check = validateSegmentMap(rfmGridSegments, 5);
 * [check.valid, check.overlaps.length];
 * //=> [true, 0]
 * ```
 * @category RFM
 */
export const rfmGridSegments: RfmSegmentMap = deepFreeze({
  name: 'rf-grid-5x5',
  provenance: 'The 5 × 5 recency × frequency grid of RFM tutorials (regular expressions over RF codes), as score ranges',
  segments: [
    { ...about.champions, name: 'Champions', rule: { r: between(5, 5), f: between(4, 5) } },
    { ...about.loyal, name: 'Loyal Customers', rule: { r: between(3, 4), f: between(4, 5) } },
    { ...about.potentialLoyalist, name: 'Potential Loyalists', rule: { r: between(4, 5), f: between(2, 3) } },
    { ...about.newCustomers, name: 'New Customers', rule: { r: between(5, 5), f: between(1, 1) } },
    { ...about.promising, name: 'Promising', rule: { r: between(4, 4), f: between(1, 1) } },
    { ...about.needAttention, name: 'Need Attention', rule: { r: between(3, 3), f: between(3, 3) } },
    { ...about.aboutToSleep, name: 'About To Sleep', rule: { r: between(3, 3), f: between(1, 2) } },
    { ...about.atRisk, name: 'At Risk', rule: { r: between(1, 2), f: between(3, 4) } },
    { ...about.cannotLose, name: "Can't Lose Them", rule: { r: between(1, 2), f: between(5, 5) } },
    { ...about.hibernating, name: 'Hibernating', rule: { r: between(1, 2), f: between(1, 2) } },
  ],
  fallback: { ...about.unclassified, name: 'Unclassified' },
});

/**
 * The example segment map of the R package `rfm` (Hebbali), with the same results as R.
 *
 * @remarks
 * Provenance: the example of `rfm_segment()` in the documentation of the R package `rfm`
 * (rsquaredacademy/rfm): ten segments given as lower and upper bounds on the R, F and M scores.
 * `rfm_segment()` assigns the segments in turn, each overwriting earlier matches, so there the
 * last match wins; relmark evaluates first match wins, so the segments are listed here in reverse
 * order to give the customers the same segments as R. Customers no segment matches are `'Others'`.
 * The map has known faults, which {@link validateSegmentMap} shows: 36 of the 125 cells are
 * uncovered (they fall to `'Others'`), and `'Champions'` can never be assigned, because
 * `'Loyal Customers'` (r 2–5, f 3–5, m 3–5) overwrites every cell it has (the kind of problem
 * users reported against the package). It is shipped for comparison, not as a default.
 *
 * @example
 * ```ts
 * import { rfmPackageSegments, validateSegmentMap } from 'relmark/rfm';
 * const check = validateSegmentMap(rfmPackageSegments, 5);
 * [check.valid, check.unreachable, check.uncovered.length];
 * //=> [false, ['Champions'], 36]
 * ```
 * @category RFM
 */
export const rfmPackageSegments: RfmSegmentMap = deepFreeze({
  name: 'r-rfm-example',
  provenance: 'R package rfm (Hebbali, rsquaredacademy/rfm), example of rfm_segment(); listed in reverse because R lets the last match win',
  segments: [
    { ...about.lost, name: 'Lost', rule: { r: between(1, 2), f: between(1, 2), m: between(1, 2) } },
    { ...about.cannotLose, name: "Can't Lose Them", rule: { r: between(1, 1), f: between(4, 5), m: between(4, 5) } },
    { ...about.atRisk, name: 'At Risk', rule: { r: between(1, 2), f: between(2, 5), m: between(2, 5) } },
    { ...about.aboutToSleep, name: 'About To Sleep', rule: { r: between(2, 3), f: between(1, 2), m: between(1, 2) } },
    { ...about.needAttention, name: 'Need Attention', rule: { r: between(2, 3), f: between(2, 3), m: between(2, 3) } },
    { ...about.promising, name: 'Promising', rule: { r: between(3, 4), f: between(1, 1), m: between(1, 1) } },
    { ...about.newCustomers, name: 'New Customers', rule: { r: between(4, 5), f: between(1, 1), m: between(1, 1) } },
    { ...about.potentialLoyalist, name: 'Potential Loyalist', rule: { r: between(3, 5), f: between(1, 3), m: between(1, 3) } },
    { ...about.loyal, name: 'Loyal Customers', rule: { r: between(2, 5), f: between(3, 5), m: between(3, 5) } },
    { ...about.champions, name: 'Champions', rule: { r: between(4, 5), f: between(4, 5), m: between(4, 5) } },
  ],
  fallback: { ...about.unclassified, name: 'Others' },
});
