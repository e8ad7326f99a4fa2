import type { ContactHistoryEntryInput } from '../../src/contact/contactCandidate.js';

/** A Saturday noon UTC, the `asOf` of the contact tests. */
export const contactAsOf = '2024-06-01T12:00:00Z';

/** A delivered outbound marketing email to a customer at `at`, with any field overridden. */
export function pastContact(id: string, customerId: string, at: string, extra: Partial<ContactHistoryEntryInput> = {}): ContactHistoryEntryInput {
  return { id, customerId, channel: 'email', direction: 'outbound', purpose: 'marketing', outcome: 'delivered', at, ...extra };
}
