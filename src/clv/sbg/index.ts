export { SbgParamsSchema, type SbgParams } from './sbgParams.js';
export { SbgFitSchema, type SbgFit } from './sbgFit.js';
export { fitSbg, type FitSbgOptions } from './fitSbg.js';
export { sbgSurvival, sbgRetentionRate } from './sbgSurvival.js';
export { sbgExpectedLifetime, type SbgExpectedLifetimeOptions } from './sbgExpectedLifetime.js';
export { sbgDerl, type SbgDerlOptions } from './sbgDerl.js';
