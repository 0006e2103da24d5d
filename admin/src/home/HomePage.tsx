import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useGetOne, useLocale, useTranslate } from 'react-admin';
import { localizedName, type MultilingualName } from '../common/localizedName';
import { Dashboard } from '../dashboard/Dashboard';
import { canReadStats } from '../providers/access';
import type { SessionUser } from '../providers/session';

/** Those who read statistics (managers, auditors, admins) land on the dashboard; others on a welcome. */
export const HomePage = () => {
  const { identity } = useGetIdentity();
  const user = identity as SessionUser | undefined;
  if (user && canReadStats(user)) return <Dashboard user={user} />;
  return <Welcome user={user} />;
};

/** Who is signed in, as what, and where; the menu leads to the work. */
const Welcome = ({ user }: { user: SessionUser | undefined }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const { data: region } = useGetOne<MultilingualName & { id: string }>(
    'regions',
    { id: user?.regionId ?? '' },
    { enabled: !!user?.regionId },
  );
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.home.title" />
      {user && (
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.home.welcome', { name: user.fullName })}
          </Typography>
          <Stack spacing={0.5} sx={{ mb: 2 }}>
            <Typography>
              {translate('app.home.role')}: {translate(`enums.role.${user.role}`)}
            </Typography>
            <Typography>
              {translate('app.home.region')}:{' '}
              {user.regionId ? localizedName(region, locale) : translate('app.national')}
            </Typography>
          </Stack>
          <Typography color="text.secondary">{translate('app.home.hint')}</Typography>
        </CardContent>
      )}
    </Card>
  );
};
