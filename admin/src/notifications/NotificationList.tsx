import { BooleanInput, DataTable, FunctionField, List, SelectField, TopToolbar, useRecordContext } from 'react-admin';
import { enumChoices } from '../common/choices';
import { DateTimeField } from '../common/DateTimeField';
import { notificationPath, type NotificationRecord } from './notificationTypes';

const KIND_CHOICES = enumChoices('notificationKind');

const notificationFilters = [<BooleanInput key="unread" source="unread" alwaysOn />];

const DueAtField = () => {
  const notification = useRecordContext<NotificationRecord>();
  if (!notification?.data?.dueAt) return null;
  return <DateTimeField source="data.dueAt" />;
};

/** The signed-in user's notifications, newest first; a row opens the record it is about. */
export const NotificationList = () => (
  <List
    filters={notificationFilters}
    actions={<TopToolbar />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    exporter={false}
  >
    <DataTable
      bulkActionButtons={false}
      rowClick={(_id, _resource, record) => notificationPath(record as NotificationRecord)}
    >
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={KIND_CHOICES} />
      </DataTable.Col>
      <DataTable.Col source="data.number" label="resources.notifications.fields.number" disableSort>
        <FunctionField<NotificationRecord> render={(notification) => notification.data?.number ?? ''} />
      </DataTable.Col>
      <DataTable.Col source="data.dueAt" label="resources.notifications.fields.dueAt" disableSort>
        <DueAtField />
      </DataTable.Col>
      <DataTable.Col source="readAt" field={DateTimeField} />
    </DataTable>
  </List>
);
