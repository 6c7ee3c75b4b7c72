// Thailand's 76 provinces and Bangkok, with the name of each one's sister-city body (configurable per province).
import type { Bilingual } from '../bilingual';

export interface Province {
  id: string;
  name: Bilingual;
  /** The body that considers drafts; some provinces use a working group instead of a committee. */
  committee: Bilingual;
}

type Row = [id: string, th: string, en: string];

// prettier-ignore
const ROWS: readonly Row[] = [
  ['bangkok', 'กรุงเทพมหานคร', 'Bangkok'],
  ['amnat-charoen', 'จังหวัดอำนาจเจริญ', 'Amnat Charoen Province'], ['ang-thong', 'จังหวัดอ่างทอง', 'Ang Thong Province'],
  ['bueng-kan', 'จังหวัดบึงกาฬ', 'Bueng Kan Province'], ['buriram', 'จังหวัดบุรีรัมย์', 'Buriram Province'],
  ['chachoengsao', 'จังหวัดฉะเชิงเทรา', 'Chachoengsao Province'], ['chai-nat', 'จังหวัดชัยนาท', 'Chai Nat Province'],
  ['chaiyaphum', 'จังหวัดชัยภูมิ', 'Chaiyaphum Province'], ['chanthaburi', 'จังหวัดจันทบุรี', 'Chanthaburi Province'],
  ['chiang-mai', 'จังหวัดเชียงใหม่', 'Chiang Mai Province'], ['chiang-rai', 'จังหวัดเชียงราย', 'Chiang Rai Province'],
  ['chonburi', 'จังหวัดชลบุรี', 'Chonburi Province'], ['chumphon', 'จังหวัดชุมพร', 'Chumphon Province'],
  ['kalasin', 'จังหวัดกาฬสินธุ์', 'Kalasin Province'], ['kamphaeng-phet', 'จังหวัดกำแพงเพชร', 'Kamphaeng Phet Province'],
  ['kanchanaburi', 'จังหวัดกาญจนบุรี', 'Kanchanaburi Province'], ['khon-kaen', 'จังหวัดขอนแก่น', 'Khon Kaen Province'],
  ['krabi', 'จังหวัดกระบี่', 'Krabi Province'], ['lampang', 'จังหวัดลำปาง', 'Lampang Province'],
  ['lamphun', 'จังหวัดลำพูน', 'Lamphun Province'], ['loei', 'จังหวัดเลย', 'Loei Province'],
  ['lopburi', 'จังหวัดลพบุรี', 'Lopburi Province'], ['mae-hong-son', 'จังหวัดแม่ฮ่องสอน', 'Mae Hong Son Province'],
  ['maha-sarakham', 'จังหวัดมหาสารคาม', 'Maha Sarakham Province'], ['mukdahan', 'จังหวัดมุกดาหาร', 'Mukdahan Province'],
  ['nakhon-nayok', 'จังหวัดนครนายก', 'Nakhon Nayok Province'], ['nakhon-pathom', 'จังหวัดนครปฐม', 'Nakhon Pathom Province'],
  ['nakhon-phanom', 'จังหวัดนครพนม', 'Nakhon Phanom Province'], ['nakhon-ratchasima', 'จังหวัดนครราชสีมา', 'Nakhon Ratchasima Province'],
  ['nakhon-sawan', 'จังหวัดนครสวรรค์', 'Nakhon Sawan Province'], ['nakhon-si-thammarat', 'จังหวัดนครศรีธรรมราช', 'Nakhon Si Thammarat Province'],
  ['nan', 'จังหวัดน่าน', 'Nan Province'], ['narathiwat', 'จังหวัดนราธิวาส', 'Narathiwat Province'],
  ['nong-bua-lamphu', 'จังหวัดหนองบัวลำภู', 'Nong Bua Lamphu Province'], ['nong-khai', 'จังหวัดหนองคาย', 'Nong Khai Province'],
  ['nonthaburi', 'จังหวัดนนทบุรี', 'Nonthaburi Province'], ['pathum-thani', 'จังหวัดปทุมธานี', 'Pathum Thani Province'],
  ['pattani', 'จังหวัดปัตตานี', 'Pattani Province'], ['phang-nga', 'จังหวัดพังงา', 'Phang Nga Province'],
  ['phatthalung', 'จังหวัดพัทลุง', 'Phatthalung Province'], ['phayao', 'จังหวัดพะเยา', 'Phayao Province'],
  ['phetchabun', 'จังหวัดเพชรบูรณ์', 'Phetchabun Province'], ['phetchaburi', 'จังหวัดเพชรบุรี', 'Phetchaburi Province'],
  ['phichit', 'จังหวัดพิจิตร', 'Phichit Province'], ['phitsanulok', 'จังหวัดพิษณุโลก', 'Phitsanulok Province'],
  ['phra-nakhon-si-ayutthaya', 'จังหวัดพระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya Province'], ['phrae', 'จังหวัดแพร่', 'Phrae Province'],
  ['phuket', 'จังหวัดภูเก็ต', 'Phuket Province'], ['prachinburi', 'จังหวัดปราจีนบุรี', 'Prachinburi Province'],
  ['prachuap-khiri-khan', 'จังหวัดประจวบคีรีขันธ์', 'Prachuap Khiri Khan Province'], ['ranong', 'จังหวัดระนอง', 'Ranong Province'],
  ['ratchaburi', 'จังหวัดราชบุรี', 'Ratchaburi Province'], ['rayong', 'จังหวัดระยอง', 'Rayong Province'],
  ['roi-et', 'จังหวัดร้อยเอ็ด', 'Roi Et Province'], ['sa-kaeo', 'จังหวัดสระแก้ว', 'Sa Kaeo Province'],
  ['sakon-nakhon', 'จังหวัดสกลนคร', 'Sakon Nakhon Province'], ['samut-prakan', 'จังหวัดสมุทรปราการ', 'Samut Prakan Province'],
  ['samut-sakhon', 'จังหวัดสมุทรสาคร', 'Samut Sakhon Province'], ['samut-songkhram', 'จังหวัดสมุทรสงคราม', 'Samut Songkhram Province'],
  ['saraburi', 'จังหวัดสระบุรี', 'Saraburi Province'], ['satun', 'จังหวัดสตูล', 'Satun Province'],
  ['sing-buri', 'จังหวัดสิงห์บุรี', 'Sing Buri Province'], ['sisaket', 'จังหวัดศรีสะเกษ', 'Sisaket Province'],
  ['songkhla', 'จังหวัดสงขลา', 'Songkhla Province'], ['sukhothai', 'จังหวัดสุโขทัย', 'Sukhothai Province'],
  ['suphan-buri', 'จังหวัดสุพรรณบุรี', 'Suphan Buri Province'], ['surat-thani', 'จังหวัดสุราษฎร์ธานี', 'Surat Thani Province'],
  ['surin', 'จังหวัดสุรินทร์', 'Surin Province'], ['tak', 'จังหวัดตาก', 'Tak Province'],
  ['trang', 'จังหวัดตรัง', 'Trang Province'], ['trat', 'จังหวัดตราด', 'Trat Province'],
  ['ubon-ratchathani', 'จังหวัดอุบลราชธานี', 'Ubon Ratchathani Province'], ['udon-thani', 'จังหวัดอุดรธานี', 'Udon Thani Province'],
  ['uthai-thani', 'จังหวัดอุทัยธานี', 'Uthai Thani Province'], ['uttaradit', 'จังหวัดอุตรดิตถ์', 'Uttaradit Province'],
  ['yala', 'จังหวัดยะลา', 'Yala Province'], ['yasothon', 'จังหวัดยโสธร', 'Yasothon Province'],
];

/** Overrides for provinces whose body is not called a committee (set from configuration or admin). */
const COMMITTEE_OVERRIDES: Readonly<Record<string, Bilingual>> = {};

function defaultCommittee(th: string, en: string): Bilingual {
  const thName = th.startsWith('จังหวัด') ? th.slice('จังหวัด'.length) : th;
  const scope = th.startsWith('จังหวัด') ? `ของจังหวัด${thName}` : `ของ${th}`;
  return {
    th: `คณะกรรมการดำเนินความสัมพันธ์เมืองพี่เมืองน้อง (Sister City) ${scope}`,
    en: `Sister City Committee of ${en}`,
  };
}

export const PROVINCES: readonly Province[] = ROWS.map(([id, th, en]) => ({
  id,
  name: { th, en },
  committee: COMMITTEE_OVERRIDES[id] ?? defaultCommittee(th, en),
}));

const byId = new Map(PROVINCES.map((p) => [p.id, p]));

export function findProvince(id: string): Province | undefined {
  return byId.get(id);
}

/** Find the province whose Thai or English name matches exactly (used when importing fixtures). */
export function provinceByName(name: string): Province | undefined {
  return PROVINCES.find((p) => p.name.th === name || p.name.en === name);
}
