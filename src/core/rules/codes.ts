/**
 * Every diagnostic the notebook can report: a stable code, a default severity and what
 * it means. Codes are a public contract (settings, `check --json`, quick fixes).
 */
import type { Severity } from '../model/types';

/** The rule codes. */
export const CODES = {
  overdueActionItem: 'overdue-action-item',
  missedMeeting: 'missed-meeting',
  cadenceLapsed: 'cadence-lapsed',
  goalPastTarget: 'goal-past-target',
  goalWithoutTarget: 'goal-without-target',
  goalWithoutMeasure: 'goal-without-measure',
  sessionWithoutFeedback: 'session-without-feedback',
  sessionWithoutDate: 'session-without-date',
  sessionNotLogged: 'session-not-logged',
  selfAssessmentDue: 'self-assessment-due',
  unknownGoal: 'unknown-goal',
  unknownMentor: 'unknown-mentor',
  duplicateId: 'duplicate-id',
  invalidFrontMatter: 'invalid-front-matter',
  invalidDate: 'invalid-date',
  invalidField: 'invalid-field',
  unreadableFile: 'unreadable-file',
} as const;

/** One of the {@link CODES}. */
export type RuleCode = (typeof CODES)[keyof typeof CODES];

/** What a rule is for and how severe it is unless configured otherwise. */
export interface RuleInfo {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly description: string;
}

/** The rules, in the order the README documents them. */
export const RULES: readonly RuleInfo[] = [
  {
    code: CODES.overdueActionItem,
    severity: 'warning',
    description: 'An open action item is past its due date.',
  },
  {
    code: CODES.missedMeeting,
    severity: 'warning',
    description: 'The agreed next meeting (`next:`) has passed and no session was logged since.',
  },
  {
    code: CODES.cadenceLapsed,
    severity: 'warning',
    description:
      'Longer than the agreed cadence since the last session, and no next meeting planned.',
  },
  {
    code: CODES.goalPastTarget,
    severity: 'warning',
    description: 'An active goal is past its target date.',
  },
  {
    code: CODES.goalWithoutTarget,
    severity: 'info',
    description: 'An active goal has no target date.',
  },
  {
    code: CODES.goalWithoutMeasure,
    severity: 'info',
    description: 'An active goal has no measure of success.',
  },
  {
    code: CODES.sessionWithoutFeedback,
    severity: 'info',
    description: 'A held session has no feedback written down.',
  },
  {
    code: CODES.sessionWithoutDate,
    severity: 'warning',
    description: 'A session has no date, so it does not count as a meeting held.',
  },
  {
    code: CODES.sessionNotLogged,
    severity: 'warning',
    description:
      "A session's date has passed and nothing is written in it (a prepared meeting that may not have taken place).",
  },
  {
    code: CODES.selfAssessmentDue,
    severity: 'info',
    description: 'The last monthly self-assessment is more than a month old.',
  },
  {
    code: CODES.unknownGoal,
    severity: 'warning',
    description: 'A reference names a goal that does not exist.',
  },
  {
    code: CODES.unknownMentor,
    severity: 'warning',
    description: 'A note names a mentor that has no mentor note.',
  },
  {
    code: CODES.duplicateId,
    severity: 'error',
    description: 'Two goals or two mentors share an id.',
  },
  {
    code: CODES.invalidFrontMatter,
    severity: 'error',
    description: 'The front matter cannot be read (YAML syntax, not closed, unsupported language).',
  },
  {
    code: CODES.invalidDate,
    severity: 'error',
    description: 'A date is malformed or does not exist (2026-02-30).',
  },
  {
    code: CODES.invalidField,
    severity: 'error',
    description: 'A field has the wrong type or an unknown value.',
  },
  {
    code: CODES.unreadableFile,
    severity: 'error',
    description: 'The file is binary, too large, or not valid UTF-8.',
  },
];

/** Default severities by code. */
export const DEFAULT_SEVERITY: Readonly<Record<RuleCode, Severity>> = Object.fromEntries(
  RULES.map((r) => [r.code, r.severity]),
) as Record<RuleCode, Severity>;
