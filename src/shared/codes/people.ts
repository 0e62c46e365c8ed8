import type { CodeEntry } from './table.js';

export interface Ethnicity extends CodeEntry {
  /** GB/T 3304 two-letter romanised abbreviation. */
  readonly abbr?: string;
}

// GB/T 3304 in the standard's order. Sheets usually say '汉族', so each name
// also answers to name + 族. 57/58 variants seen in some libraries are not
// in the standard and deliberately absent.
const ETHNIC_ROWS: readonly (readonly [string, string, string, string])[] = [
  ['01', '汉', 'HA', 'Han'], ['02', '蒙古', 'MG', 'Mongol'], ['03', '回', 'HU', 'Hui'],
  ['04', '藏', 'ZA', 'Tibetan'], ['05', '维吾尔', 'UG', 'Uygur'], ['06', '苗', 'MH', 'Miao'],
  ['07', '彝', 'YI', 'Yi'], ['08', '壮', 'ZH', 'Zhuang'], ['09', '布依', 'BY', 'Buyei'],
  ['10', '朝鲜', 'CS', 'Korean'], ['11', '满', 'MA', 'Manchu'], ['12', '侗', 'DO', 'Dong'],
  ['13', '瑶', 'YA', 'Yao'], ['14', '白', 'BA', 'Bai'], ['15', '土家', 'TJ', 'Tujia'],
  ['16', '哈尼', 'HN', 'Hani'], ['17', '哈萨克', 'KZ', 'Kazak'], ['18', '傣', 'DA', 'Dai'],
  ['19', '黎', 'LI', 'Li'], ['20', '傈僳', 'LS', 'Lisu'], ['21', '佤', 'VA', 'Va'],
  ['22', '畲', 'SH', 'She'], ['23', '高山', 'GS', 'Gaoshan'], ['24', '拉祜', 'LH', 'Lahu'],
  ['25', '水', 'SU', 'Sui'], ['26', '东乡', 'DX', 'Dongxiang'], ['27', '纳西', 'NX', 'Naxi'],
  ['28', '景颇', 'JP', 'Jingpo'], ['29', '柯尔克孜', 'KG', 'Kirgiz'], ['30', '土', 'TU', 'Tu'],
  ['31', '达斡尔', 'DU', 'Daur'], ['32', '仫佬', 'ML', 'Mulao'], ['33', '羌', 'QI', 'Qiang'],
  ['34', '布朗', 'BL', 'Blang'], ['35', '撒拉', 'SL', 'Salar'], ['36', '毛南', 'MN', 'Maonan'],
  ['37', '仡佬', 'GL', 'Gelao'], ['38', '锡伯', 'XB', 'Xibe'], ['39', '阿昌', 'AC', 'Achang'],
  ['40', '普米', 'PM', 'Pumi'], ['41', '塔吉克', 'TA', 'Tajik'], ['42', '怒', 'NU', 'Nu'],
  ['43', '乌孜别克', 'UZ', 'Uzbek'], ['44', '俄罗斯', 'RS', 'Russian'], ['45', '鄂温克', 'EW', 'Ewenki'],
  ['46', '德昂', 'DE', 'Deang'], ['47', '保安', 'BN', 'Bonan'], ['48', '裕固', 'YG', 'Yugur'],
  ['49', '京', 'GI', 'Gin'], ['50', '塔塔尔', 'TT', 'Tatar'], ['51', '独龙', 'DR', 'Derung'],
  ['52', '鄂伦春', 'OR', 'Oroqen'], ['53', '赫哲', 'HZ', 'Hezhen'], ['54', '门巴', 'MB', 'Monba'],
  ['55', '珞巴', 'LB', 'Lhoba'], ['56', '基诺', 'JN', 'Jino'],
];

export const ETHNICITIES: readonly Ethnicity[] = [
  ...ETHNIC_ROWS.map(([code, name, abbr, nameEn]) => ({ code, name, abbr, nameEn, aliases: [`${name}族`] })),
  { code: '97', name: '其他', nameEn: 'Other', aliases: ['其它', '未识别民族'] },
  { code: '98', name: '外国血统中国籍人士', nameEn: 'Naturalised citizen of foreign origin', aliases: ['外国血统'] },
];

/** GB/T 4762 政治面貌. Names are the usual short forms; the standard's full names are aliases. */
export const POLITICAL_STATUS: readonly CodeEntry[] = [
  { code: '01', name: '中共党员', nameEn: 'CPC member', aliases: ['中国共产党党员', '党员'] },
  { code: '02', name: '中共预备党员', nameEn: 'CPC probationary member', aliases: ['中国共产党预备党员', '预备党员'] },
  { code: '03', name: '共青团员', nameEn: 'CYL member', aliases: ['中国共产主义青年团团员', '团员'] },
  { code: '04', name: '民革', nameEn: 'RCCK member', aliases: ['中国国民党革命委员会会员', '民革会员', '民革党员'] },
  { code: '05', name: '民盟', nameEn: 'CDL member', aliases: ['中国民主同盟盟员', '民盟盟员'] },
  { code: '06', name: '民建', nameEn: 'CNDCA member', aliases: ['中国民主建国会会员', '民建会员'] },
  { code: '07', name: '民进', nameEn: 'CAPD member', aliases: ['中国民主促进会会员', '民进会员'] },
  { code: '08', name: '农工党', nameEn: 'CPWDP member', aliases: ['中国农工民主党党员', '农工党党员'] },
  { code: '09', name: '致公党', nameEn: 'CZGP member', aliases: ['中国致公党党员', '致公党党员'] },
  { code: '10', name: '九三学社', nameEn: 'Jiusan Society member', aliases: ['九三学社社员'] },
  { code: '11', name: '台盟', nameEn: 'TDSGL member', aliases: ['台湾民主自治同盟盟员', '台盟盟员'] },
  { code: '12', name: '无党派人士', nameEn: 'Non-party personage', aliases: ['无党派民主人士', '无党派'] },
  { code: '13', name: '群众', nameEn: 'Masses (no affiliation)', aliases: ['普通群众'] },
];

/**
 * GB/T 4658-2006 学历. The second digit is completion: 1 毕业, 2 结业, 3 肄业;
 * x0 codes are the level itself. Colloquial cell values ('本科', '大专') map
 * to the level code because they do not say whether the person graduated.
 */
export const EDUCATION: readonly CodeEntry[] = [
  { code: '10', name: '研究生教育', nameEn: 'Postgraduate', aliases: ['研究生'] },
  { code: '11', name: '博士研究生毕业', nameEn: 'Doctorate, graduated', aliases: ['博士', '博士研究生'] },
  { code: '12', name: '博士研究生结业', nameEn: 'Doctorate, completed without degree' },
  { code: '13', name: '博士研究生肄业', nameEn: 'Doctorate, not completed' },
  { code: '14', name: '硕士研究生毕业', nameEn: "Master's, graduated", aliases: ['硕士', '硕士研究生'] },
  { code: '15', name: '硕士研究生结业', nameEn: "Master's, completed without degree" },
  { code: '16', name: '硕士研究生肄业', nameEn: "Master's, not completed" },
  { code: '17', name: '研究生班毕业', nameEn: 'Postgraduate class, graduated' },
  { code: '18', name: '研究生班结业', nameEn: 'Postgraduate class, completed' },
  { code: '19', name: '研究生班肄业', nameEn: 'Postgraduate class, not completed' },
  { code: '20', name: '大学本科', nameEn: 'Bachelor level', aliases: ['本科', '大本'] },
  { code: '21', name: '大学本科毕业', nameEn: 'Bachelor, graduated', aliases: ['本科毕业'] },
  { code: '22', name: '大学本科结业', nameEn: 'Bachelor, completed' },
  { code: '23', name: '大学本科肄业', nameEn: 'Bachelor, not completed' },
  { code: '28', name: '大学普通班毕业', nameEn: 'University ordinary class, graduated' },
  { code: '30', name: '大学专科', nameEn: 'Junior college level', aliases: ['专科', '大专'] },
  { code: '31', name: '大学专科毕业', nameEn: 'Junior college, graduated', aliases: ['大专毕业', '专科毕业'] },
  { code: '32', name: '大学专科结业', nameEn: 'Junior college, completed' },
  { code: '33', name: '大学专科肄业', nameEn: 'Junior college, not completed' },
  { code: '40', name: '中等职业教育', nameEn: 'Secondary vocational', aliases: ['中职'] },
  { code: '41', name: '中等专科毕业', nameEn: 'Secondary specialised school, graduated', aliases: ['中专', '中专毕业'] },
  { code: '42', name: '中等专科结业', nameEn: 'Secondary specialised school, completed' },
  { code: '43', name: '中等专科肄业', nameEn: 'Secondary specialised school, not completed' },
  { code: '44', name: '职业高中毕业', nameEn: 'Vocational high school, graduated', aliases: ['职高', '职业高中'] },
  { code: '45', name: '职业高中结业', nameEn: 'Vocational high school, completed' },
  { code: '46', name: '职业高中肄业', nameEn: 'Vocational high school, not completed' },
  { code: '47', name: '技工学校毕业', nameEn: 'Technical school, graduated', aliases: ['技校', '技工学校'] },
  { code: '48', name: '技工学校结业', nameEn: 'Technical school, completed' },
  { code: '49', name: '技工学校肄业', nameEn: 'Technical school, not completed' },
  { code: '60', name: '普通高级中学教育', nameEn: 'Senior high school level', aliases: ['高中', '普高'] },
  { code: '61', name: '普通高中毕业', nameEn: 'Senior high school, graduated', aliases: ['高中毕业'] },
  { code: '62', name: '普通高中结业', nameEn: 'Senior high school, completed' },
  { code: '63', name: '普通高中肄业', nameEn: 'Senior high school, not completed' },
  { code: '70', name: '初级中学教育', nameEn: 'Junior high school level', aliases: ['初中'] },
  { code: '71', name: '初中毕业', nameEn: 'Junior high school, graduated' },
  { code: '73', name: '初中肄业', nameEn: 'Junior high school, not completed' },
  { code: '80', name: '小学教育', nameEn: 'Primary school level', aliases: ['小学'] },
  { code: '81', name: '小学毕业', nameEn: 'Primary school, graduated' },
  { code: '83', name: '小学肄业', nameEn: 'Primary school, not completed' },
  { code: '90', name: '其他', nameEn: 'Other', aliases: ['其它'] },
];

/** GB/T 2261.1 性别. */
export const GENDER: readonly CodeEntry[] = [
  { code: '0', name: '未知的性别', nameEn: 'Unknown', aliases: ['未知'] },
  { code: '1', name: '男', nameEn: 'Male', aliases: ['男性', 'M'] },
  { code: '2', name: '女', nameEn: 'Female', aliases: ['女性', 'F'] },
  { code: '9', name: '未说明的性别', nameEn: 'Not stated', aliases: ['未说明'] },
];

/** GB/T 2261.1 code for the gender derived from an ID number. */
export const GENDER_CODE_FROM_ID: Readonly<Record<'M' | 'F', '1' | '2'>> = { M: '1', F: '2' };

/** GB/T 2261.2 婚姻状况. */
export const MARITAL: readonly CodeEntry[] = [
  { code: '10', name: '未婚', nameEn: 'Single' },
  { code: '20', name: '已婚', nameEn: 'Married' },
  { code: '21', name: '初婚', nameEn: 'First marriage' },
  { code: '22', name: '再婚', nameEn: 'Remarried' },
  { code: '23', name: '复婚', nameEn: 'Remarried to former spouse' },
  { code: '30', name: '丧偶', nameEn: 'Widowed' },
  { code: '40', name: '离婚', nameEn: 'Divorced', aliases: ['离异'] },
  { code: '90', name: '未说明的婚姻状况', nameEn: 'Not stated', aliases: ['未说明'] },
];

/** 户籍类型. Beijing merged rural and urban registration into 居民 (2016), old records keep the split. */
export const HOUSEHOLD_TYPES: readonly CodeEntry[] = [
  { code: 'agricultural', name: '农业', nameEn: 'Agricultural', aliases: ['农业户口', '农村'] },
  { code: 'non_agricultural', name: '非农业', nameEn: 'Non-agricultural', aliases: ['非农业户口', '城镇', '非农'] },
  { code: 'resident', name: '居民', nameEn: 'Resident (unified)', aliases: ['居民户口', '居民家庭户口'] },
];
