import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';

/** react-admin's app bar tools (language menu, loading indicator) with the notification bell before them. */
const AppBarTools = () => (
  <>
    <NotificationBell />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

const AppAppBar = () => <AppBar toolbar={<AppBarTools />} />;

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout appBar={AppAppBar}>{children}</Layout>;
