import { useTranslate } from 'react-admin';

/** A resource's name in the singular, or its raw name if it has no translation. */
export function useResourceLabel(): (resource: string) => string {
  const translate = useTranslate();
  return (resource) => translate(`resources.${resource}.name`, { smart_count: 1, _: resource });
}

/** An audited action in words (`create` → "Created"), or as recorded if it has no translation. */
export function useAuditActionLabel(): (action: string) => string {
  const translate = useTranslate();
  return (action) => translate(`enums.auditAction.${action}`, { _: action });
}
