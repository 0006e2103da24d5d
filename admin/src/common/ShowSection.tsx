import { Box, Typography } from '@mui/material';
import { Children, isValidElement, type ReactNode } from 'react';
import { Labeled, useTranslate } from 'react-admin';

/** The columns of a show page's fields: one on a phone, two or three on a wide screen. */
export const FIELD_GRID = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1fr 1fr 1fr' },
  gap: 2,
};

/** A titled block of a show page: each field labelled, in the field grid. */
export const ShowSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate(title)}
      </Typography>
      <Box sx={FIELD_GRID}>
        {Children.map(children, (child) => (isValidElement(child) ? <Labeled>{child}</Labeled> : null))}
      </Box>
    </Box>
  );
};
