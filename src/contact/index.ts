/**
 * Contact-frequency balancing: never bombard a customer, never forget one. A validated contact
 * policy (caps, minimum gaps, quiet hours, capacity, consent, overrides, under-contact limits), a
 * planner that explains every decision, contact pressure and overdue customers.
 * @module contact
 */
export * from './contactDuration.js';
export * from './contactPolicy.js';
export * from './contactCandidate.js';
export * from './contactPlan.js';
export * from './planContacts.js';
export * from './contactPressure.js';
export * from './overdueCustomers.js';
export * from './nextPurchaseDue.js';
export * from './upcomingOccasions.js';
export * from './dueCandidates.js';
export * from './occasionCandidates.js';
