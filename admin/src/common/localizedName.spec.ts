import { localizedName } from './localizedName';

describe('localizedName', () => {
  const almaty = { nameKk: 'Алматы қаласы', nameRu: 'город Алматы', nameEn: 'Almaty city' };

  it('names a record in the interface language', () => {
    expect(localizedName(almaty, 'kk')).toBe('Алматы қаласы');
    expect(localizedName(almaty, 'ru')).toBe('город Алматы');
    expect(localizedName(almaty, 'en')).toBe('Almaty city');
  });

  it('falls back to another language when that name is missing', () => {
    expect(localizedName({ nameRu: 'город Шымкент', nameEn: '' }, 'en')).toBe('город Шымкент');
  });

  it('names nothing when there is no record', () => {
    expect(localizedName(undefined, 'kk')).toBe('');
  });
});
