export * from './types';
export { DEFAULT_SEVERITIES, defaultEscalationPolicy, officeHours } from './defaults';
export { appliesToSeverity, pathFor, type SequenceKind, sequenceFor } from './paths';
export {
  clockMinutes,
  type InstantInput,
  isCovered,
  isValidTimeZone,
  localTime,
  nextCoveredInstant,
  toDateTime,
  WEEKDAY_NAMES,
} from './schedule';
export {
  ESCALATION_LIMITS,
  type EscalationPolicyValidation,
  escalationPolicySchema,
  MAX_MINUTES,
  type PolicyProblem,
  validateEscalationPolicy,
} from './schema';
export {
  type Simulation,
  type SimulationEvent,
  SimulationInputError,
  type SimulationRequest,
  simulateEscalation,
} from './simulate';
export { afterHoursCoverageOf, escalationGaps, SAMPLE_DAYS, SAMPLE_MINUTES } from './gaps';
