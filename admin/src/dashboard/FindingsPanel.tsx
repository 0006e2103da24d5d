import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { formatTenge } from '../common/formatTenge';
import { instantRange } from '../officeTime';
import { listLink } from './dashboardLinks';
import { countText, type DashboardPanelProps, FigureLink, QueryPanel } from './DashboardParts';
import type { FindingStats } from './statsTypes';
import { useFindingStats } from './useDashboardStats';

/** Inspection findings of the period by kind: how many, and how many tenge, each count opening its list. */
export const FindingsPanel = ({ query, fileName }: DashboardPanelProps) => {
  const translate = useTranslate();
  return (
    <QueryPanel
      title={translate('app.dashboard.findings')}
      testId="panel-findings"
      result={useFindingStats(query)}
      csv={(findings) => ({
        fileName: fileName('findings'),
        header: [
          translate('resources.findings.fields.kind'),
          translate('app.dashboard.count'),
          translate('app.dashboard.amount'),
        ],
        rows: [
          ...findings.kinds.map((row) => [translate(`enums.findingKind.${row.kind}`), row.count, row.amount]),
          [translate('app.dashboard.total'), findings.total.count, findings.total.amount],
        ],
      })}
    >
      {(findings) => <FindingsTable findings={findings} />}
    </QueryPanel>
  );
};

const FindingsTable = ({ findings }: { findings: FindingStats }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const period = instantRange(findings.from, findings.to, findings.timeZone);
  const link = (kind?: string) =>
    listLink('findings', {
      ...(findings.regionId ? { regionId: findings.regionId } : {}),
      ...(kind ? { kind } : {}),
      createdAt_gte: period.gte,
      createdAt_lte: period.lte,
    });
  const kinds = findings.kinds.filter((row) => row.count > 0);
  return (
    <Table size="small" data-testid="findings">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.findings.fields.kind')}</TableCell>
          <TableCell align="right">{translate('app.dashboard.count')}</TableCell>
          <TableCell align="right">{translate('app.dashboard.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {kinds.map((row) => (
          <TableRow key={row.kind}>
            <TableCell>{translate(`enums.findingKind.${row.kind}`)}</TableCell>
            <TableCell align="right">
              <FigureLink to={link(row.kind)} testId={`findings-${row.kind}`} count={row.count}>
                {countText(row.count, locale)}
              </FigureLink>
            </TableCell>
            <TableCell align="right">{formatTenge(row.amount, locale)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell sx={{ fontWeight: 600 }}>{translate('app.dashboard.total')}</TableCell>
          <TableCell align="right" sx={{ fontWeight: 600 }}>
            <FigureLink to={link()} testId="findings-total" count={findings.total.count}>
              {countText(findings.total.count, locale)}
            </FigureLink>
          </TableCell>
          <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="findings-total-amount">
            {formatTenge(findings.total.amount, locale)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};
