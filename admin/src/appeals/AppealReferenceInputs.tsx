import { AutocompleteInput, ReferenceInput, SelectInput, type Validator } from 'react-admin';

interface ReferenceInputProps {
  source?: string;
  validate?: Validator | Validator[];
  /** Read by react-admin's filter form when the input is a list filter. */
  alwaysOn?: boolean;
}

/** The people an appeal can be given to: active officers and managers (the list is region-scoped). */
export const AssigneeInput = ({ source = 'assigneeId', validate }: ReferenceInputProps) => (
  <ReferenceInput
    source={source}
    reference="users"
    filter={{ active: true, role: ['officer', 'manager'] }}
    sort={{ field: 'fullName', order: 'ASC' }}
  >
    <AutocompleteInput optionText="fullName" validate={validate} />
  </ReferenceInput>
);

/** An organisation found by typing part of its name or BIN. */
export const OrganisationInput = ({ source = 'organisationId', validate }: ReferenceInputProps) => (
  <ReferenceInput source={source} reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput validate={validate} />
  </ReferenceInput>
);

/** An active category, named in the interface language. */
export const CategoryInput = ({ source = 'categoryId', validate }: ReferenceInputProps) => (
  <ReferenceInput
    source={source}
    reference="categories"
    filter={{ active: true }}
    perPage={100}
    sort={{ field: 'code', order: 'ASC' }}
  >
    <SelectInput validate={validate} />
  </ReferenceInput>
);
