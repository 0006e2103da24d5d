import { useLocale, useTranslate } from 'react-admin';
import { appealLinks, DIMENSION_FILTERS } from './dashboardLinks';
import { BreakdownTable, breakdownCsv, type DashboardPanelProps, QueryPanel } from './DashboardParts';
import type { BreakdownRow } from './statsTypes';
import { useBreakdown } from './useDashboardStats';

/** How each breakdown is named: its panel, table and CSV (plural), and its key column. */
const NAMES = {
  region: { plural: 'regions', key: 'app.dashboard.region' },
  category: { plural: 'categories', key: 'app.dashboard.category' },
  organisation: { plural: 'organisations', key: 'app.dashboard.organisation' },
} as const;

/**
 * The period's figures per region, category or organisation, each count opening its list; the CSV
 * has every row, the table the first `top` (all without it).
 */
export const BreakdownPanel = ({
  query,
  fileName,
  dimension,
  title,
  top,
  onName,
}: DashboardPanelProps & {
  dimension: keyof typeof NAMES;
  title: string;
  top?: number;
  /** What clicking a row's name does (the region table narrows the dashboard to that region). */
  onName?: (row: BreakdownRow) => void;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  const { plural, key } = NAMES[dimension];
  const keyHeader = translate(key);
  return (
    <QueryPanel
      title={title}
      testId={`panel-${plural}`}
      result={useBreakdown(query, dimension)}
      csv={(breakdown) =>
        breakdownCsv(breakdown.rows, keyHeader, locale, translate('app.dashboard.none'), translate, fileName(plural))
      }
    >
      {(breakdown) => (
        <BreakdownTable
          rows={top === undefined ? breakdown.rows : breakdown.rows.slice(0, top)}
          keyHeader={keyHeader}
          linksOf={(row) => {
            const filter = DIMENSION_FILTERS[dimension];
            const links = appealLinks(
              { ...query, timeZone: breakdown.timeZone },
              row.key === null ? { [`${filter}_null`]: true } : { [filter]: row.key },
            );
            return { received: links.received, decided: links.decided, open: links.open };
          }}
          testId={plural}
          onName={onName}
        />
      )}
    </QueryPanel>
  );
};
