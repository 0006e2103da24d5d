/** What `/api/stats/*` answers, as the dashboard reads it. */
import type { DecisionFigures, OpenSlaState } from '@adaldesk/libs';

export type { DecisionFigures, OpenSlaState };

export interface StatsPeriodAnswer {
  from: string;
  to: string;
  regionId: string | null;
  timeZone: string;
  asOf: string;
}

export interface BacklogBucket {
  bucket: string;
  minWorkingDays: number;
  maxWorkingDays: number | null;
  /** Registered on or after this instant (null: no lower bound). */
  registeredFrom: string | null;
  /** Registered before this instant (null: up to now). */
  registeredBefore: string | null;
  count: number;
}

export interface Overview extends StatsPeriodAnswer, DecisionFigures {
  forwardingCompliance: number | null;
  medianWorkingDaysToDecision: number | null;
  open: Record<'total' | OpenSlaState, number>;
  backlogByAge: BacklogBucket[];
}

export interface BreakdownRow extends DecisionFigures {
  key: string | null;
  label: string;
  labels?: { en: string; kk: string; ru: string };
  open: number;
}

export interface Breakdown extends StatsPeriodAnswer {
  dimension: string;
  rows: BreakdownRow[];
}

export interface Trend extends StatsPeriodAnswer {
  months: ({ month: string } & DecisionFigures)[];
}

export interface FindingStats {
  from: string;
  to: string;
  regionId: string | null;
  timeZone: string;
  kinds: { kind: string; count: number; amount: string }[];
  total: { count: number; amount: string };
}

/** The period and region every panel of the dashboard shows. */
export interface DashboardQuery {
  from: string;
  to: string;
  regionId?: string;
}
