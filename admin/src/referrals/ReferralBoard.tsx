import { REFERRAL_STATUSES, type ReferralStatus } from '@adaldesk/libs';
import { Box, Card, CardActionArea, CardContent, Chip, Paper, Stack, Typography } from '@mui/material';
import { Button, LinkBase, Title, useGetList, useLocale, useTranslate } from 'react-admin';
import { FunnelFigures } from './FunnelPanel';
import type { ReferralRecord } from './referralTypes';
import { STAGE_COLOURS } from './referralWorkflow';

/** Cards per column: the newest; the list, filtered by stage, has them all. */
const CARDS_PER_STAGE = 25;

const StageColumn = ({ status }: { status: ReferralStatus }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const {
    data = [],
    total = 0,
    isPending,
  } = useGetList<ReferralRecord>('referrals', {
    filter: { status },
    pagination: { page: 1, perPage: CARDS_PER_STAGE },
    sort: { field: 'referredOn', order: 'DESC' },
  });
  const listLink = `/referrals?filter=${encodeURIComponent(JSON.stringify({ status }))}`;
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1, minWidth: 170, flex: '1 1 170px', bgcolor: 'background.default' }}
      data-stage-column={status}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Chip size="small" color={STAGE_COLOURS[status]} label={translate(`enums.referralStatus.${status}`)} />
        <Typography variant="body2" color="text.secondary" data-testid={`board-count-${status}`}>
          {isPending ? '…' : total}
        </Typography>
      </Stack>
      <Stack spacing={1}>
        {data.map((referral) => (
          <Card key={referral.id} variant="outlined">
            <CardActionArea component={LinkBase} to={`/referrals/${referral.id}/show`}>
              <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
                <Typography variant="subtitle2">{referral.number}</Typography>
                <Typography
                  variant="body2"
                  sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
                >
                  {referral.summary}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {`${translate(`enums.referralAgency.${referral.agency}`)} · ${new Date(
                    `${referral.referredOn}T00:00:00Z`,
                  ).toLocaleDateString(locale === 'en' ? 'en-GB' : `${locale}-KZ`, { timeZone: 'UTC' })}`}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
        {total > data.length && <Button to={listLink} label="app.referrals.board.all" />}
      </Stack>
    </Paper>
  );
};

/** The referrals by stage of the funnel, one column a stage; a card opens its referral. */
export const ReferralBoard = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 1, minWidth: 0 }}>
      <Title title={translate('app.referrals.board.title')} />
      <Card>
        <FunnelFigures />
        <Box sx={{ display: 'flex', gap: 1, overflowX: 'auto', p: 2, alignItems: 'flex-start' }}>
          {REFERRAL_STATUSES.map((status) => (
            <StageColumn key={status} status={status} />
          ))}
        </Box>
      </Card>
    </Box>
  );
};
