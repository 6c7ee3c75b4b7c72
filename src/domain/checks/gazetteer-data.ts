// Gazetteer rows: countries and partners as MFA names them, seeded from fixtures/pairs.json (a test keeps them equal).
import type { Bilingual } from '../bilingual';

export interface Aliases {
  readonly th: readonly string[];
  readonly en: readonly string[];
}

/** Why a side's naming needs MFA's care beyond spelling (the One-China policy). */
export type NamingCare = 'one-china';

interface CountryRow {
  id: string;
  name: Bilingual;
  takesThe: boolean;
  aliases?: Aliases;
}

interface PartnerRow {
  id: string;
  name: Bilingual;
  country: string;
  aliases?: Aliases;
  care?: NamingCare;
  preferred?: Bilingual;
  signatory?: Bilingual;
  nativeName?: string;
}

// Thai aliases are only the forms with "ประเทศ…": the bare name ("จีน", "รัสเซีย") is also part of a language's
// name ("ภาษาจีน") and of the official name itself, so it cannot be told apart from correct text.
export const COUNTRY_ROWS: readonly CountryRow[] = [
  {
    id: 'thailand',
    name: { th: 'ราชอาณาจักรไทย', en: 'Kingdom of Thailand' },
    takesThe: true,
    aliases: { th: ['ประเทศไทย'], en: ['Thailand'] },
  },
  {
    id: 'korea',
    name: { th: 'สาธารณรัฐเกาหลี', en: 'Republic of Korea' },
    takesThe: true,
    aliases: { th: ['ประเทศเกาหลีใต้', 'เกาหลีใต้', 'ประเทศเกาหลี'], en: ['South Korea', 'Korea'] },
  },
  {
    id: 'china',
    name: { th: 'สาธารณรัฐประชาชนจีน', en: "People's Republic of China" },
    takesThe: true,
    aliases: { th: ['ประเทศจีน', 'จีนแผ่นดินใหญ่'], en: ['Mainland China', 'China', 'PRC'] },
  },
  { id: 'mongolia', name: { th: 'มองโกเลีย', en: 'Mongolia' }, takesThe: false },
  { id: 'hungary', name: { th: 'ฮังการี', en: 'Hungary' }, takesThe: false },
  { id: 'japan', name: { th: 'ญี่ปุ่น', en: 'Japan' }, takesThe: false, aliases: { th: ['ประเทศญี่ปุ่น'], en: [] } },
  {
    id: 'vietnam',
    name: { th: 'สาธารณรัฐสังคมนิยมเวียดนาม', en: 'Socialist Republic of Viet Nam' },
    takesThe: true,
    aliases: { th: ['ประเทศเวียดนาม'], en: ['Vietnam', 'Viet Nam'] },
  },
  {
    id: 'indonesia',
    name: { th: 'สาธารณรัฐอินโดนีเซีย', en: 'Republic of Indonesia' },
    takesThe: true,
    aliases: { th: ['ประเทศอินโดนีเซีย'], en: ['Indonesia'] },
  },
  {
    id: 'russia',
    name: { th: 'สหพันธรัฐรัสเซีย', en: 'Russian Federation' },
    takesThe: true,
    aliases: { th: ['ประเทศรัสเซีย'], en: ['Russia'] },
  },
  {
    id: 'cambodia',
    name: { th: 'ราชอาณาจักรกัมพูชา', en: 'Kingdom of Cambodia' },
    takesThe: true,
    aliases: { th: ['ประเทศกัมพูชา'], en: ['Cambodia'] },
  },
  {
    id: 'portugal',
    name: { th: 'สาธารณรัฐโปรตุเกส', en: 'Portuguese Republic' },
    takesThe: true,
    aliases: { th: ['ประเทศโปรตุเกส'], en: ['Portugal'] },
  },
  {
    id: 'laos',
    name: { th: 'สาธารณรัฐประชาธิปไตยประชาชนลาว', en: "Lao People's Democratic Republic" },
    takesThe: true,
    aliases: { th: ['ประเทศลาว'], en: ['Lao PDR', 'Laos'] },
  },
  {
    id: 'myanmar',
    name: { th: 'สาธารณรัฐแห่งสหภาพเมียนมา', en: 'Republic of the Union of Myanmar' },
    takesThe: true,
    aliases: { th: ['ประเทศเมียนมา', 'ประเทศพม่า'], en: ['Myanmar', 'Burma'] },
  },
];

const ONE_CHINA_SAR = (th: string, en: string): Bilingual => ({
  th: `${th}แห่งสาธารณรัฐประชาชนจีน`,
  en: `${en} of the People's Republic of China`,
});

export const PARTNER_ROWS: readonly PartnerRow[] = [
  {
    id: 'sejong',
    name: { th: 'เขตปกครองตนเองพิเศษเซจง', en: 'Sejong Special Self-Governing City' },
    country: 'korea',
    nativeName: '세종특별자치시',
    signatory: { th: 'นายกเทศมนตรีเขตปกครองตนเองพิเศษเซจง', en: 'Mayor of Sejong Special Self-Governing City' },
    aliases: {
      th: ['นครเซจง', 'เมืองเซจง', 'เซจง'],
      en: ['Sejong Metropolitan Autonomous City', 'Sejong City', 'Sejong'],
    },
  },
  {
    id: 'orkhon',
    name: { th: 'จังหวัดออร์ฮอน', en: 'Orkhon Province' },
    country: 'mongolia',
    aliases: { th: ['ออร์ฮอน'], en: ['Orkhon'] },
  },
  {
    id: 'macao',
    name: { th: 'เขตบริหารพิเศษมาเก๊า', en: 'Macao Special Administrative Region' },
    country: 'china',
    care: 'one-china',
    preferred: ONE_CHINA_SAR('เขตบริหารพิเศษมาเก๊า', 'Macao Special Administrative Region'),
    aliases: { th: ['มาเก๊า'], en: ['Macau SAR', 'Macao SAR', 'Macau', 'Macao'] },
  },
  {
    id: 'hong-kong',
    name: { th: 'เขตบริหารพิเศษฮ่องกง', en: 'Hong Kong Special Administrative Region' },
    country: 'china',
    care: 'one-china',
    preferred: ONE_CHINA_SAR('เขตบริหารพิเศษฮ่องกง', 'Hong Kong Special Administrative Region'),
    aliases: { th: ['ฮ่องกง'], en: ['Hong Kong SAR', 'HKSAR', 'Hong Kong'] },
  },
  { id: 'seoul', name: { th: 'กรุงโซล', en: 'Seoul' }, country: 'korea', aliases: { th: ['โซล'], en: [] } },
  { id: 'budapest', name: { th: 'กรุงบูดาเปสต์', en: 'Budapest' }, country: 'hungary' },
  { id: 'chengdu', name: { th: 'นครเฉิงตู', en: 'Chengdu' }, country: 'china' },
  { id: 'dalian', name: { th: 'นครต้าเหลียน', en: 'Dalian' }, country: 'china' },
  {
    id: 'fukuoka',
    name: { th: 'จังหวัดฟุกุโอกะ', en: 'Fukuoka Prefecture' },
    country: 'japan',
    aliases: { th: ['ฟุกุโอกะ'], en: ['Fukuoka'] },
  },
  {
    id: 'ho-chi-minh-city',
    name: { th: 'นครโฮจิมินห์', en: 'Ho Chi Minh City' },
    country: 'vietnam',
    aliases: { th: ['ไซ่ง่อน'], en: ['Saigon'] },
  },
  { id: 'jakarta', name: { th: 'กรุงจาการ์ตา', en: 'Jakarta' }, country: 'indonesia' },
  { id: 'moscow', name: { th: 'กรุงมอสโก', en: 'Moscow' }, country: 'russia' },
  { id: 'phnom-penh', name: { th: 'กรุงพนมเปญ', en: 'Phnom Penh' }, country: 'cambodia' },
  { id: 'porto', name: { th: 'นครปอร์โต', en: 'Porto' }, country: 'portugal' },
  { id: 'shanghai', name: { th: 'นครเซี่ยงไฮ้', en: 'Shanghai' }, country: 'china' },
  {
    id: 'shandong',
    name: { th: 'มณฑลซานตง', en: 'Shandong Province' },
    country: 'china',
    aliases: { th: ['ซานตง'], en: ['Shandong'] },
  },
  { id: 'shenzhen', name: { th: 'นครเซินเจิ้น', en: 'Shenzhen' }, country: 'china' },
  {
    id: 'thua-thien-hue',
    name: { th: 'จังหวัดเถื่อเทียนเว้', en: 'Thua Thien Hue Province' },
    country: 'vietnam',
    aliases: { th: [], en: ['Thua Thien-Hue'] },
  },
  { id: 'ulaanbaatar', name: { th: 'กรุงอูลานบาตอร์', en: 'Ulaanbaatar' }, country: 'mongolia' },
  { id: 'wuhan', name: { th: 'นครอู่ฮั่น', en: 'Wuhan' }, country: 'china' },
  { id: 'xiamen', name: { th: 'นครเซี่ยเหมิน', en: 'Xiamen' }, country: 'china' },
  { id: 'suining', name: { th: 'นครสุยหนิง', en: 'Suining' }, country: 'china' },
  { id: 'qinzhou', name: { th: 'นครชินโจว', en: 'Qinzhou' }, country: 'china' },
  { id: 'loikaw', name: { th: 'เมืองลอยกอ', en: 'Loikaw' }, country: 'myanmar' },
  { id: 'mizuho', name: { th: 'เมืองมิซุโฮ', en: 'Mizuho' }, country: 'japan' },
  {
    id: 'guangzhou',
    name: { th: 'นครกว่างโจว', en: 'Guangzhou' },
    country: 'china',
    aliases: { th: [], en: ['Canton'] },
  },
];

/** Official names of a Thai side besides the catalogue's (pairs.json names Bangkok by its administration). */
export const THAI_SIDE_VARIANTS: Readonly<Record<string, readonly Bilingual[]>> = {
  bangkok: [{ th: 'กรุงเทพมหานคร', en: 'Bangkok Metropolitan Administration' }],
};
