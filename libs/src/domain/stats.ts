/** What `/api/stats/breakdown` can group appeals by. */
export const STATS_DIMENSIONS = ['region', 'category', 'organisation', 'channel', 'assignee', 'month'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** The SLA states an open appeal can be in, as the overview splits the open ones. */
export const OPEN_SLA_STATES = ['on_track', 'at_risk', 'breached', 'paused'] as const;
export type OpenSlaState = (typeof OPEN_SLA_STATES)[number];

/** What was decided in a period: the figures every statistics answer about appeals carries. */
export interface DecisionFigures {
  received: number;
  /** Resolved (resolved or closed) with the decision day in the period; forwarded ones are counted apart. */
  decided: number;
  favourable: number;
  /** Satisfied + partially satisfied over decided; null when nothing was decided. */
  resolutionRate: number | null;
  decidedOnTime: number;
  /** Decided on or before the deadline (`met`) over decided; null when nothing was decided. */
  slaCompliance: number | null;
  /** Forwarded to the competent body: ends our SLA, measured against the forwarding deadline. */
  forwarded: number;
  forwardedOnTime: number;
}
