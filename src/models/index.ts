/**
 * Typed models of relationship marketing: zod schemas and their inferred types for customers,
 * stakeholders, transactions, interactions, consents and rewards, and the batch parsers that never
 * drop a row.
 * @module models
 */
export * from './primitives.js';
export * from './channel.js';
export * from './consent.js';
export * from './contactPoints.js';
export * from './customer.js';
export * from './stakeholder.js';
export * from './transaction.js';
export * from './interaction.js';
export * from './reward.js';
export * from './parse.js';
export * from './parseTransactions.js';
export * from './idRecord.js';
export * from './basketLine.js';
