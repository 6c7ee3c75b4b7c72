// The catalogue of areas of cooperation seen in practice, with bilingual labels. Extend by adding rows.
import type { Bilingual } from '../bilingual';

export interface Area {
  id: string;
  label: Bilingual;
}

export const AREAS: readonly Area[] = [
  { id: 'smart-city', label: { th: 'เมืองอัจฉริยะ', en: 'Smart city' } },
  { id: 'trade-investment', label: { th: 'การค้าและการลงทุน', en: 'Trade and investment' } },
  { id: 'tourism', label: { th: 'การท่องเที่ยว', en: 'Tourism' } },
  { id: 'education', label: { th: 'การศึกษา', en: 'Education' } },
  { id: 'culture', label: { th: 'วัฒนธรรม', en: 'Culture' } },
  { id: 'visits', label: { th: 'การแลกเปลี่ยนการเยือน', en: 'Exchange of visits' } },
  { id: 'environment', label: { th: 'สิ่งแวดล้อม', en: 'Environment' } },
  { id: 'quality-of-life', label: { th: 'คุณภาพชีวิต', en: 'Quality of life' } },
  { id: 'youth', label: { th: 'เยาวชน', en: 'Youth' } },
  { id: 'public-health', label: { th: 'สาธารณสุข', en: 'Public health' } },
  { id: 'agriculture', label: { th: 'เกษตรกรรม', en: 'Agriculture' } },
  { id: 'sport', label: { th: 'กีฬา', en: 'Sport' } },
  { id: 'disaster-management', label: { th: 'การบริหารจัดการภัยพิบัติ', en: 'Disaster management' } },
];

const byId = new Map(AREAS.map((a) => [a.id, a]));

export function findArea(id: string): Area | undefined {
  return byId.get(id);
}
