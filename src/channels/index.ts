/**
 * Channel preference: reach each customer the way they prefer (stated first, learned from
 * behaviour with honest uncertainty), never by a channel they refused or cannot receive.
 * @module channels
 */
export * from './types.js';
export * from './outcomeWeights.js';
export * from './toInteractionColumns.js';
export * from './consentStatus.js';
export * from './channelPreferences.js';
export * from './chooseChannel.js';
export * from './channelMix.js';
export * from './reachableChannels.js';
export * from './channelContextFromCustomers.js';
export * from './sendTimePreference.js';
