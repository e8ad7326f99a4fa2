/**
 * The one pseudo-random generator of the library, for seeded APIs only (simulators, Thompson
 * sampling). Library code never calls Math.random: the same seed gives the same stream everywhere.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, from PractRand) seeded through
 * splitmix32, so that nearby seeds give unrelated streams. Period about 2^127; passes PractRand.
 * @internal
 */
export function createRandom(seed: number): () => number {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix32 = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next(); // let the state mix before the first output
  // 53 random bits → a double uniformly in [0, 1).
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}
