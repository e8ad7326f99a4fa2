/**
 * Numbers written as ASCII digits straight into a byte buffer, with exactly the text `String(value)`
 * gives, so that writers of million-row tables need not make a string per number.
 *
 * @remarks
 * Integers in [0, 10^15) are written digit by digit. A non-integer is written as the integer
 * m = round(|v|·10^k) with a decimal point k places from the right, for the smallest k ≤ 6 with
 * m / 10^k === |v|. That text round-trips: m and 10^k are exact doubles and IEEE division is correctly
 * rounded, so m / 10^k is the double nearest to the decimal m·10^−k, which is what parsing the text
 * gives. It is also `String`'s text: `String` prints the fewest digits that round-trip (ECMA-262
 * Number::toString), and no shorter k passed the test. While m < 2^50 the doubles near |v| are at
 * least 8× closer together than 10^−k, so no other k-digit decimal maps to the same double. Anything else
 * (more digits, exponent notation, NaN, ±Infinity) returns −1 and the caller falls back to `String`.
 * `decimalBytes.prop.test.ts` checks the equality with `String` on random doubles.
 * @internal
 * @module
 */

const scale = [1, 10, 100, 1e3, 1e4, 1e5, 1e6] as const;
const exactLimit = 2 ** 50;

/** Writes the digits of the integer `value` (0 ≤ value < 2^53) at `at`; returns the end. */
function writeDigits(buffer: Uint8Array, at: number, value: number): number {
  let digits = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
  let v = value;
  for (let k = digits - 1; k >= 0; k--) {
    buffer[at + k] = 0x30 + (v % 10);
    v = Math.floor(v / 10);
  }
  return at + digits;
}

/**
 * Writes `String(value)` into `buffer` at `at` when it is a plain decimal with at most 6 places and
 * fewer than 16 significant digits, and returns the end; returns −1 (writing nothing) otherwise.
 * The buffer needs 24 free bytes.
 * @internal
 */
export function writeDecimalBytes(buffer: Uint8Array, at: number, value: number): number {
  if (Number.isInteger(value)) {
    if (value >= 0 && value < 1e15) return writeDigits(buffer, at, value);
    if (value < 0 && value > -1e15) {
      buffer[at] = 0x2d;
      return writeDigits(buffer, at + 1, -value);
    }
    return -1;
  }
  const magnitude = Math.abs(value);
  // Below 1e-6 String switches to exponent notation; NaN and Infinity fail every test here.
  if (!(magnitude >= 1e-6 && magnitude < 1e15)) return -1;
  for (let k = 1; k <= 6; k++) {
    const scaled = magnitude * (scale[k] as number);
    if (scaled >= exactLimit) return -1;
    const m = Math.round(scaled);
    if (m / (scale[k] as number) !== magnitude) continue;
    let p = at;
    if (value < 0) buffer[p++] = 0x2d;
    // m / 10^k can round up to the next integer when m is large: correct it on exact integers.
    let whole = Math.floor(m / (scale[k] as number));
    if (whole * (scale[k] as number) > m) whole -= 1;
    p = writeDigits(buffer, p, whole);
    buffer[p++] = 0x2e;
    let fraction = m - whole * (scale[k] as number);
    for (let d = k - 1; d >= 0; d--) {
      buffer[p + d] = 0x30 + (fraction % 10);
      fraction = Math.floor(fraction / 10);
    }
    return p + k;
  }
  return -1;
}
