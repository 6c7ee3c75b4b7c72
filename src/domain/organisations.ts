// The organisation each role comments for, in its official wording: the author of a comment on the page and in Word.
import type { Bilingual } from './bilingual';
import type { Role } from './roles';

/**
 * MFA's Department of Treaties and Legal Affairs reviews the text; MOI's Foreign Affairs Division (in the Office of
 * the Permanent Secretary) coordinates; the province's secretary writes for the provincial committee's secretariat.
 * Thai names the unit first, then its ministry, as official letters do.
 */
export const REVIEWER_ORGANISATIONS: Readonly<Record<Role, Bilingual>> = {
  mfa: {
    th: 'กรมสนธิสัญญาและกฎหมาย กระทรวงการต่างประเทศ',
    en: 'MFA – Department of Treaties and Legal Affairs',
  },
  moi: { th: 'กองการต่างประเทศ สำนักงานปลัดกระทรวงมหาดไทย', en: 'MOI – Foreign Affairs Division' },
  secretary: { th: 'ฝ่ายเลขานุการคณะกรรมการจังหวัด', en: 'Provincial committee secretariat' },
  admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
};
