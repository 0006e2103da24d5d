/** Reference data named in three languages (`nameKk`, `nameRu`, `nameEn`). */
export interface MultilingualName {
  nameKk?: string | null;
  nameRu?: string | null;
  nameEn?: string | null;
}

const NAME_FIELDS: Record<string, keyof MultilingualName> = { kk: 'nameKk', ru: 'nameRu', en: 'nameEn' };

/** The name in the interface language, else in Kazakh, Russian or English, whichever is filled. */
export function localizedName(record: MultilingualName | undefined | null, locale: string): string {
  if (!record) return '';
  const preferred = NAME_FIELDS[locale];
  const candidates = [preferred, 'nameKk', 'nameRu', 'nameEn'] as const;
  return candidates.map((field) => (field ? record[field] : null)).find((name) => !!name) ?? '';
}
