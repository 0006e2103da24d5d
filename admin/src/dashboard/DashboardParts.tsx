import DownloadIcon from '@mui/icons-material/GetApp';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  IconButton,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LinkBase, useLocale, useTranslate } from 'react-admin';
import { saveFile } from '../common/saveFile';
import { percentText, shareCell, toCsv } from './dashboardLinks';
import type { BreakdownRow, DashboardQuery } from './statsTypes';

/** What every panel of the dashboard is given: the period and region, and how its CSV is named. */
export interface DashboardPanelProps {
  query: DashboardQuery;
  fileName: (panel: string) => string;
}

/** A whole number in the interface language's grouping. */
export const countText = (value: number, locale: string) =>
  value.toLocaleString(locale === 'en' ? 'en-GB' : `${locale}-KZ`);

/** A figure that opens the list it counts: `count` is the total that list must show. */
export const FigureLink = ({
  to,
  testId,
  count,
  children,
}: {
  to: string;
  testId: string;
  count: number;
  children: ReactNode;
}) => (
  <Link component={LinkBase} to={to} data-testid={testId} data-count={count} underline="hover">
    {children}
  </Link>
);

/** The rows and the file name of a panel's CSV. */
export interface PanelCsv {
  fileName: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** A titled card of the dashboard, with the CSV of its figures one click away. */
export const Panel = ({
  title,
  testId,
  csv,
  busy = false,
  children,
}: {
  title: string;
  testId: string;
  csv?: () => PanelCsv;
  /** Figures being replaced (another period's are on their way): dimmed meanwhile. */
  busy?: boolean;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const download = () => {
    if (!csv) return;
    const { fileName, header, rows } = csv();
    saveFile(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
  };
  return (
    <Card
      variant="outlined"
      data-testid={testId}
      sx={{ breakInside: 'avoid', opacity: busy ? 0.6 : 1 }}
      component="section"
      aria-label={title}
      aria-busy={busy}
    >
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="subtitle1" component="h2">
            {title}
          </Typography>
          {csv && (
            <Tooltip title={translate('app.dashboard.csv')}>
              <IconButton
                size="small"
                onClick={download}
                aria-label={`${translate('app.dashboard.csv')}: ${title}`}
                data-testid={`${testId}-csv`}
              >
                <DownloadIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

/**
 * A panel whose figures come from one query: a spinner until they come, the error if they do not,
 * and the figures (with their CSV) once they have, dimmed while the next period's replace them.
 */
export function QueryPanel<T>({
  title,
  testId,
  result,
  csv,
  children,
}: {
  title: string;
  testId: string;
  result: UseQueryResult<T>;
  csv?: (figures: T) => PanelCsv;
  children: (figures: T) => ReactNode;
}) {
  const translate = useTranslate();
  const { data, error, isFetching } = result;
  return (
    <Panel
      title={title}
      testId={testId}
      csv={data !== undefined && csv ? () => csv(data) : undefined}
      busy={data !== undefined && isFetching}
    >
      {error && <Alert severity="error">{error.message}</Alert>}
      {data !== undefined
        ? children(data)
        : !error && <CircularProgress size={32} aria-label={translate('ra.page.loading')} />}
    </Panel>
  );
}

/** A KPI: a big figure that opens its list, and a line saying what it is made of. */
export const KpiCard = ({
  label,
  value,
  to,
  count,
  note,
  testId,
}: {
  label: string;
  value: string | number;
  /** The list the figure opens, and how many records it holds (for a share, its numerator). */
  to?: string;
  count?: number;
  note?: string;
  testId: string;
}) => (
  <Card variant="outlined" sx={{ flex: '1 1 150px', minWidth: 150 }}>
    <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      {/* A long amount (millions of tenge, never broken) takes a smaller type rather than overflow its card. */}
      <Typography variant={String(value).length > 12 ? 'h6' : 'h5'} component="div" sx={{ whiteSpace: 'nowrap' }}>
        {to && count !== undefined ? (
          <FigureLink to={to} testId={testId} count={count}>
            {value}
          </FigureLink>
        ) : (
          <span data-testid={testId}>{value}</span>
        )}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary" component="div">
          {note}
        </Typography>
      )}
    </CardContent>
  </Card>
);

/** The name of a breakdown row in the interface language (people and organisations have one name). */
export function rowLabel(row: BreakdownRow, locale: string, none: string): string {
  if (row.key === null) return none;
  return row.labels?.[locale as 'en' | 'kk' | 'ru'] ?? row.label;
}

export interface BreakdownLinks {
  received: string;
  decided: string;
  open: string;
}

/**
 * A breakdown as a table: received, decided, resolution rate, SLA compliance and open now per key,
 * each count opening its list.
 */
export const BreakdownTable = ({
  rows,
  keyHeader,
  linksOf,
  testId,
  onName,
}: {
  rows: BreakdownRow[];
  keyHeader: string;
  linksOf: (row: BreakdownRow) => BreakdownLinks | null;
  testId: string;
  /** What clicking a row's name does (the region table narrows the dashboard to that region). */
  onName?: (row: BreakdownRow) => void;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (rows.length === 0) {
    return <Typography variant="body2">{translate('app.dashboard.nothing')}</Typography>;
  }
  const none = translate('app.dashboard.none');
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{keyHeader}</TableCell>
            <TableCell align="right">{translate('app.dashboard.received')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.decided')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.resolution_rate')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.sla_compliance')}</TableCell>
            <TableCell align="right">{translate('app.dashboard.open')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const links = linksOf(row);
            const count = (value: number, to: string | undefined, name: string) =>
              to ? (
                <FigureLink to={to} testId={`${testId}-${row.key ?? 'none'}-${name}`} count={value}>
                  {countText(value, locale)}
                </FigureLink>
              ) : (
                countText(value, locale)
              );
            const label = rowLabel(row, locale, none);
            return (
              <TableRow key={row.key ?? 'none'} data-key={row.key ?? 'none'}>
                <TableCell>
                  {onName && row.key ? (
                    <Link component="button" variant="body2" onClick={() => onName(row)} underline="hover">
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </TableCell>
                <TableCell align="right">{count(row.received, links?.received, 'received')}</TableCell>
                <TableCell align="right">{count(row.decided, links?.decided, 'decided')}</TableCell>
                <TableCell align="right">{percentText(row.resolutionRate, locale)}</TableCell>
                <TableCell align="right">{percentText(row.slaCompliance, locale)}</TableCell>
                <TableCell align="right">{count(row.open, links?.open, 'open')}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The CSV of a breakdown: every row, not only those on screen. */
export function breakdownCsv(
  rows: BreakdownRow[],
  keyHeader: string,
  locale: string,
  none: string,
  translate: (key: string) => string,
  fileName: string,
): PanelCsv {
  return {
    fileName,
    header: [
      keyHeader,
      translate('app.dashboard.received'),
      translate('app.dashboard.decided'),
      translate('app.dashboard.favourable'),
      translate('app.dashboard.resolution_rate'),
      translate('app.dashboard.decided_on_time'),
      translate('app.dashboard.sla_compliance'),
      translate('app.dashboard.forwarded'),
      translate('app.dashboard.open'),
    ],
    rows: rows.map((row) => [
      rowLabel(row, locale, none),
      row.received,
      row.decided,
      row.favourable,
      shareCell(row.resolutionRate),
      row.decidedOnTime,
      shareCell(row.slaCompliance),
      row.forwarded,
      row.open,
    ]),
  };
}
