import { Box, Button, ButtonGroup, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocale, useNotify, useTranslate } from 'react-admin';
import { localizedName, type MultilingualName } from '../common/localizedName';
import type { periodPresets } from './dashboardLinks';
import type { DashboardQuery } from './statsTypes';

/**
 * The period every panel shows (a preset, or two dates applied when a field is left) and, for a
 * national user, the region.
 */
export const DashboardFilters = ({
  query,
  presets,
  regions,
  onChange,
}: {
  query: DashboardQuery;
  presets: ReturnType<typeof periodPresets>;
  /** The regions to choose from; none for a user of one region, who has no choice. */
  regions: (MultilingualName & { id: string })[] | null;
  onChange: (next: Partial<DashboardQuery>) => void;
}) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  // The dates as typed, until a field is left; a preset or a stored period replaces them.
  const [draft, setDraft] = useState({ from: query.from, to: query.to });
  useEffect(() => setDraft({ from: query.from, to: query.to }), [query.from, query.to]);

  const applyDraft = () => {
    if (!draft.from || !draft.to || draft.from > draft.to) {
      notify('app.dashboard.bad_period', { type: 'warning' });
      return;
    }
    onChange(draft);
  };

  return (
    <Box
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}
      role="toolbar"
      aria-label={translate('app.dashboard.period')}
    >
      <ButtonGroup size="small" aria-label={translate('app.dashboard.period')}>
        {(Object.keys(presets) as (keyof typeof presets)[]).map((name) => (
          <Button
            key={name}
            variant={query.from === presets[name].from && query.to === presets[name].to ? 'contained' : 'outlined'}
            onClick={() => onChange(presets[name])}
          >
            {translate(`app.dashboard.presets.${name}`)}
          </Button>
        ))}
      </ButtonGroup>
      <TextField
        type="date"
        size="small"
        sx={{ width: 170 }}
        label={translate('app.dashboard.from')}
        value={draft.from}
        onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        onBlur={applyDraft}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-from' } }}
      />
      <TextField
        type="date"
        size="small"
        sx={{ width: 170 }}
        label={translate('app.dashboard.to')}
        value={draft.to}
        onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        onBlur={applyDraft}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-to' } }}
      />
      {regions && (
        <TextField
          select
          size="small"
          sx={{ width: 260 }}
          label={translate('app.dashboard.region')}
          value={query.regionId ?? ''}
          onChange={(event) => onChange({ regionId: event.target.value || undefined })}
          slotProps={{
            inputLabel: { shrink: true },
            select: { displayEmpty: true },
            htmlInput: { 'data-testid': 'dashboard-region' },
          }}
        >
          <MenuItem value="">{translate('app.dashboard.all_regions')}</MenuItem>
          {regions.map((region) => (
            <MenuItem key={region.id} value={region.id}>
              {localizedName(region, locale)}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Box>
  );
};
