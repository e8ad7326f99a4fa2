import { type Channel, knownChannels } from '../models/channel.js';
import { compareIds } from '../internal/order.js';

/** Channels in relmark's default business order: `knownChannels` first, in their order, then others by code units. @internal */
export function businessOrder(names: Iterable<Channel>): Channel[] {
  const known = new Map<string, number>(knownChannels.map((name, index) => [name, index]));
  return [...new Set(names)].sort((x, y) => {
    const kx = known.get(x);
    const ky = known.get(y);
    if (kx !== undefined && ky !== undefined) return kx - ky;
    if (kx !== undefined) return -1;
    if (ky !== undefined) return 1;
    return compareIds(x, y);
  });
}
