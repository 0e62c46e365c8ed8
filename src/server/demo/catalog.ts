// Static tables behind the demo generator: trades (GB/T 4754 class + the words an
// enterprise of that trade carries in its name), the character of each of Miyun's
// township-level units, brand words, addresses, member units and the park's large
// enterprises. Pure data, no logic beyond small lookups.

export type Kind =
  | 'mfg' | 'build' | 'mine' | 'energy' | 'logistics' | 'courier' | 'agri' | 'coop' | 'retail' | 'hotel'
  | 'catering' | 'tourism' | 'it' | 'rd' | 'property' | 'service' | 'staffing' | 'care' | 'training'
  | 'school' | 'hospital';

export type EduProfile = 'worker' | 'low' | 'mid' | 'high' | 'pro';
export type AgeProfile = 'normal' | 'young' | 'old';

/** How the workforce of a kind of employer looks. Shares are before global calibration. */
export interface KindTraits {
  industrial: number; // share of 产业工人
  male: number;
  outside: number; // share with an ID from outside Beijing (来京务工)
  edu: EduProfile;
  age: AgeProfile;
  newEmployment: number; // share of 新就业形态劳动者
  median: number; // median head-count of a town enterprise of this kind
  branches: readonly string[]; // departments that get a 分会 in a large enterprise
}

const FACTORY = ['生产一车间', '生产二车间', '设备动力部', '质量管理部', '后勤保障部'];
const OFFICE = ['综合管理部', '业务一部', '业务二部', '运营中心'];

export const KINDS: Readonly<Record<Kind, KindTraits>> = {
  mfg: { industrial: 0.85, male: 0.66, outside: 0.25, edu: 'worker', age: 'normal', newEmployment: 0, median: 70, branches: FACTORY },
  build: { industrial: 0.9, male: 0.9, outside: 0.45, edu: 'worker', age: 'normal', newEmployment: 0, median: 60, branches: ['第一项目部', '第二项目部', '机械设备分公司'] },
  mine: { industrial: 0.9, male: 0.88, outside: 0.3, edu: 'worker', age: 'old', newEmployment: 0, median: 150, branches: ['采矿工区', '选矿车间', '机修车间'] },
  energy: { industrial: 0.75, male: 0.75, outside: 0.06, edu: 'worker', age: 'old', newEmployment: 0, median: 110, branches: ['运行管理部', '管网维修部', '客户服务中心'] },
  logistics: { industrial: 0.55, male: 0.82, outside: 0.35, edu: 'low', age: 'normal', newEmployment: 0.08, median: 35, branches: ['车队', '仓储中心', '调度中心'] },
  courier: { industrial: 0.3, male: 0.85, outside: 0.5, edu: 'low', age: 'young', newEmployment: 0.85, median: 45, branches: ['城区营业部', '开发区营业部'] },
  agri: { industrial: 0.3, male: 0.55, outside: 0.15, edu: 'low', age: 'old', newEmployment: 0, median: 16, branches: ['种植基地', '加工车间'] },
  coop: { industrial: 0.15, male: 0.5, outside: 0.02, edu: 'low', age: 'old', newEmployment: 0, median: 10, branches: [] },
  retail: { industrial: 0.03, male: 0.4, outside: 0.2, edu: 'low', age: 'normal', newEmployment: 0.02, median: 18, branches: ['鼓楼店', '果园店', '配送中心'] },
  hotel: { industrial: 0.03, male: 0.42, outside: 0.25, edu: 'low', age: 'normal', newEmployment: 0, median: 35, branches: ['客房部', '餐饮部', '工程部'] },
  catering: { industrial: 0.03, male: 0.5, outside: 0.3, edu: 'low', age: 'young', newEmployment: 0.03, median: 18, branches: ['中央厨房', '门店运营部'] },
  tourism: { industrial: 0.05, male: 0.5, outside: 0.15, edu: 'mid', age: 'normal', newEmployment: 0, median: 45, branches: ['景区运营部', '酒店管理部', '游客服务中心'] },
  it: { industrial: 0.08, male: 0.65, outside: 0.12, edu: 'high', age: 'young', newEmployment: 0.02, median: 25, branches: ['研发中心', '技术服务部'] },
  rd: { industrial: 0.35, male: 0.6, outside: 0.12, edu: 'high', age: 'young', newEmployment: 0, median: 30, branches: ['研发中心', '中试车间', '检测中心'] },
  property: { industrial: 0.1, male: 0.55, outside: 0.3, edu: 'low', age: 'old', newEmployment: 0, median: 45, branches: ['第一物业服务中心', '第二物业服务中心', '工程维修部'] },
  service: { industrial: 0.05, male: 0.5, outside: 0.2, edu: 'mid', age: 'normal', newEmployment: 0.02, median: 14, branches: OFFICE },
  staffing: { industrial: 0.4, male: 0.6, outside: 0.45, edu: 'low', age: 'normal', newEmployment: 0.15, median: 60, branches: ['派遣服务一部', '派遣服务二部'] },
  care: { industrial: 0.02, male: 0.25, outside: 0.25, edu: 'low', age: 'old', newEmployment: 0, median: 30, branches: ['护理部', '后勤部'] },
  training: { industrial: 0.02, male: 0.45, outside: 0.05, edu: 'mid', age: 'normal', newEmployment: 0, median: 12, branches: [] },
  school: { industrial: 0, male: 0.28, outside: 0.03, edu: 'pro', age: 'normal', newEmployment: 0, median: 120, branches: ['初中部', '高中部'] },
  hospital: { industrial: 0, male: 0.3, outside: 0.05, edu: 'pro', age: 'normal', newEmployment: 0, median: 300, branches: ['内科系统', '外科系统', '护理部', '医技科室'] },
};

/** A trade: GB/T 4754-2017 class and the closing words of the enterprise's name. */
export interface Trade {
  kind: Kind;
  code: string;
  suffixes: readonly string[];
  /** Words used instead when the owner is a collective (厂, 站, 社 …). */
  collective?: string;
}

export const TRADES: readonly Trade[] = [
  // C 制造业
  { kind: 'mfg', code: 'C1419', suffixes: ['食品有限公司', '食品科技有限公司'], collective: '食品厂' },
  { kind: 'mfg', code: 'C1439', suffixes: ['食品有限公司'] },
  { kind: 'mfg', code: 'C1371', suffixes: ['农产品加工有限公司', '绿色食品有限公司'] },
  { kind: 'mfg', code: 'C1469', suffixes: ['调味品有限公司', '酿造有限公司'], collective: '酿造厂' },
  { kind: 'mfg', code: 'C1512', suffixes: ['酒业有限公司'], collective: '酒厂' },
  { kind: 'mfg', code: 'C1522', suffixes: ['饮品有限公司', '饮用水有限公司'] },
  { kind: 'mfg', code: 'C1819', suffixes: ['服装有限公司', '服饰有限公司'], collective: '服装厂' },
  { kind: 'mfg', code: 'C2231', suffixes: ['包装制品有限公司', '纸制品有限公司'], collective: '纸箱厂' },
  { kind: 'mfg', code: 'C2319', suffixes: ['印刷有限公司', '彩印有限公司'], collective: '印刷厂' },
  { kind: 'mfg', code: 'C2641', suffixes: ['涂料有限公司', '化工有限公司'] },
  { kind: 'mfg', code: 'C2720', suffixes: ['制药有限公司', '药业有限公司'] },
  { kind: 'mfg', code: 'C2740', suffixes: ['中药饮片有限公司', '药业有限公司'] },
  { kind: 'mfg', code: 'C2761', suffixes: ['生物制药有限公司', '生物医药有限公司'] },
  { kind: 'mfg', code: 'C2770', suffixes: ['医疗用品有限公司', '卫生材料有限公司'] },
  { kind: 'mfg', code: 'C2929', suffixes: ['塑料制品有限公司', '塑胶有限公司'], collective: '塑料制品厂' },
  { kind: 'mfg', code: 'C3021', suffixes: ['水泥制品有限公司'], collective: '水泥制品厂' },
  { kind: 'mfg', code: 'C3022', suffixes: ['建材有限公司', '混凝土有限公司'], collective: '建材厂' },
  { kind: 'mfg', code: 'C3311', suffixes: ['钢结构有限公司', '钢结构工程有限公司'] },
  { kind: 'mfg', code: 'C3484', suffixes: ['机械有限公司', '精密机械有限公司'], collective: '机械厂' },
  { kind: 'mfg', code: 'C3599', suffixes: ['机械设备有限公司', '智能装备有限公司'] },
  { kind: 'mfg', code: 'C3581', suffixes: ['医疗器械有限公司', '医疗科技有限公司'] },
  { kind: 'mfg', code: 'C3670', suffixes: ['汽车零部件有限公司', '汽车部件有限公司'] },
  { kind: 'mfg', code: 'C3811', suffixes: ['电机有限公司', '动力设备有限公司'] },
  { kind: 'mfg', code: 'C3823', suffixes: ['电气设备有限公司', '电气有限公司'], collective: '电器厂' },
  { kind: 'mfg', code: 'C3841', suffixes: ['新能源科技有限公司', '电池有限公司'] },
  { kind: 'mfg', code: 'C3825', suffixes: ['光伏科技有限公司', '新能源有限公司'] },
  { kind: 'mfg', code: 'C3982', suffixes: ['电子有限公司', '电子科技有限公司'] },
  { kind: 'mfg', code: 'C3983', suffixes: ['传感技术有限公司', '传感器有限公司'] },
  { kind: 'mfg', code: 'C3976', suffixes: ['光电科技有限公司', '光电技术有限公司'] },
  { kind: 'mfg', code: 'C4011', suffixes: ['自动化设备有限公司', '自动化技术有限公司'] },
  // B 采矿, D 电力热力燃气水
  { kind: 'mine', code: 'B0810', suffixes: ['矿业有限公司', '矿业有限责任公司'] },
  { kind: 'mine', code: 'B1120', suffixes: ['矿业技术服务有限公司', '矿山工程有限公司'] },
  { kind: 'energy', code: 'D4430', suffixes: ['热力有限公司', '供热有限公司'] },
  { kind: 'energy', code: 'D4511', suffixes: ['燃气有限公司'] },
  { kind: 'energy', code: 'D4610', suffixes: ['供水有限公司', '水务有限公司'] },
  // E 建筑业
  { kind: 'build', code: 'E4790', suffixes: ['建筑工程有限公司', '建设工程有限公司'], collective: '建筑公司' },
  { kind: 'build', code: 'E4813', suffixes: ['市政工程有限公司'] },
  { kind: 'build', code: 'E4812', suffixes: ['路桥工程有限公司', '公路工程有限公司'] },
  { kind: 'build', code: 'E4910', suffixes: ['机电安装工程有限公司', '电力工程有限公司'] },
  { kind: 'build', code: 'E5011', suffixes: ['装饰工程有限公司', '建筑装饰工程有限公司'] },
  // F 批发和零售
  { kind: 'retail', code: 'F5212', suffixes: ['商贸有限公司', '超市有限公司'], collective: '供销社' },
  { kind: 'retail', code: 'F5211', suffixes: ['商业有限公司', '百货有限公司'] },
  { kind: 'retail', code: 'F5123', suffixes: ['农产品物流有限公司', '果蔬批发有限公司'] },
  { kind: 'retail', code: 'F5251', suffixes: ['大药房有限公司', '医药连锁有限公司'] },
  { kind: 'retail', code: 'F5265', suffixes: ['加油站有限公司', '石油销售有限公司'] },
  { kind: 'retail', code: 'F5226', suffixes: ['茶业有限公司', '酒业商贸有限公司'] },
  // G 交通运输、仓储和邮政
  { kind: 'logistics', code: 'G5431', suffixes: ['物流有限公司', '运输有限公司', '货运有限公司'] },
  { kind: 'logistics', code: 'G5411', suffixes: ['公共交通有限公司', '客运有限公司'] },
  { kind: 'courier', code: 'G6020', suffixes: ['快递服务有限公司', '速递有限公司'] },
  { kind: 'courier', code: 'H6242', suffixes: ['即时配送服务有限公司', '外卖配送有限公司'] },
  // H 住宿和餐饮
  { kind: 'hotel', code: 'H6110', suffixes: ['酒店有限公司', '度假酒店有限公司', '宾馆有限公司'] },
  { kind: 'hotel', code: 'H6130', suffixes: ['民宿管理有限公司', '山庄有限公司'] },
  { kind: 'catering', code: 'H6210', suffixes: ['餐饮有限公司', '餐饮管理有限公司'] },
  { kind: 'catering', code: 'H6220', suffixes: ['快餐有限公司', '餐饮服务有限公司'] },
  // I 信息技术, M 科研和技术服务
  { kind: 'it', code: 'I6510', suffixes: ['软件有限公司', '软件技术有限公司'] },
  { kind: 'it', code: 'I6531', suffixes: ['信息技术有限公司', '系统集成有限公司'] },
  { kind: 'it', code: 'I6450', suffixes: ['网络科技有限公司', '数据科技有限公司'] },
  { kind: 'rd', code: 'M7320', suffixes: ['科技发展有限公司', '科技有限公司'] },
  { kind: 'rd', code: 'M7340', suffixes: ['生物技术有限公司', '医药科技有限公司'] },
  { kind: 'rd', code: 'M7484', suffixes: ['工程设计有限公司', '规划设计有限公司'] },
  { kind: 'rd', code: 'M7514', suffixes: ['节能技术有限公司', '环保科技有限公司'] },
  // K 房地产, L 租赁和商务服务, N 公共设施, O 居民服务, P/Q 私立教育、养老
  { kind: 'property', code: 'K7020', suffixes: ['物业管理有限公司', '物业服务有限公司'] },
  { kind: 'property', code: 'K7010', suffixes: ['房地产开发有限公司', '置业有限公司'] },
  { kind: 'staffing', code: 'L7263', suffixes: ['劳务派遣有限公司', '人力资源服务有限公司'] },
  { kind: 'service', code: 'L7291', suffixes: ['国际旅行社有限公司', '旅行社有限公司'] },
  { kind: 'service', code: 'L7299', suffixes: ['商务服务有限公司', '会议服务有限公司'] },
  { kind: 'service', code: 'N7820', suffixes: ['环境卫生服务有限公司', '保洁服务有限公司'] },
  { kind: 'service', code: 'O8111', suffixes: ['汽车维修有限公司', '汽车服务有限公司'], collective: '汽车修理厂' },
  { kind: 'service', code: 'O8010', suffixes: ['家政服务有限公司'] },
  { kind: 'tourism', code: 'N7861', suffixes: ['旅游开发有限公司', '旅游发展有限公司', '景区管理有限公司'] },
  { kind: 'training', code: 'P8391', suffixes: ['职业技能培训学校有限公司', '教育咨询有限公司'] },
  { kind: 'care', code: 'Q8514', suffixes: ['养老服务有限公司', '颐养中心有限公司'] },
  // A 农林牧渔
  { kind: 'agri', code: 'A0141', suffixes: ['农业发展有限公司', '生态农业有限公司'] },
  { kind: 'agri', code: 'A0151', suffixes: ['果业有限公司', '果品有限公司'] },
  { kind: 'agri', code: 'A0392', suffixes: ['蜂业有限公司', '蜂产品有限公司'] },
  { kind: 'agri', code: 'A0313', suffixes: ['养殖有限公司', '畜牧有限公司'] },
  { kind: 'agri', code: 'A0412', suffixes: ['渔业有限公司', '水产养殖有限公司'] },
  // 农民专业合作社 (credit codes 93…)
  { kind: 'coop', code: 'A0392', suffixes: ['蜂业专业合作社', '养蜂专业合作社'] },
  { kind: 'coop', code: 'A0151', suffixes: ['果品产销专业合作社', '板栗专业合作社'] },
  { kind: 'coop', code: 'A0141', suffixes: ['蔬菜种植专业合作社', '农机服务专业合作社'] },
];

export type TownProfile = 'urban' | 'plain' | 'mountain' | 'area';

export const PROFILE_MIX: Readonly<Record<TownProfile, Readonly<Partial<Record<Kind, number>>>>> = {
  urban: { retail: 18, catering: 14, service: 12, property: 10, it: 8, rd: 4, hotel: 5, staffing: 5, training: 4, care: 4, build: 6, logistics: 4, courier: 4, mfg: 2 },
  plain: { mfg: 24, build: 12, logistics: 10, agri: 10, coop: 4, retail: 8, catering: 6, hotel: 3, service: 5, property: 3, courier: 2, energy: 1, staffing: 3, care: 3, rd: 3 },
  mountain: { agri: 18, coop: 10, tourism: 8, hotel: 14, catering: 12, retail: 8, build: 6, mfg: 6, service: 6, logistics: 3, care: 3 },
  area: { mfg: 46, rd: 10, it: 6, logistics: 8, build: 5, energy: 1, staffing: 5, service: 5, catering: 4, retail: 3, property: 4, courier: 3 },
};

/** Per township unit: character, number of enterprises outside the park, roads or villages for addresses. */
export interface TownPlan {
  profile: TownProfile;
  enterprises: number;
  founded: string; // the town federation
  places: readonly string[];
}

export const TOWN_PLANS: Readonly<Record<string, TownPlan>> = {
  '110118001': { profile: 'urban', enterprises: 60, founded: '1981-04-22', places: ['鼓楼东大街', '鼓楼西大街', '鼓楼南大街', '鼓楼北大街', '新中街', '宾阳北里', '檀州路'] },
  '110118002': { profile: 'urban', enterprises: 55, founded: '1983-06-15', places: ['果园西路', '果园东路', '新东路', '新南路', '长安街', '滨河路'] },
  '110118003': { profile: 'urban', enterprises: 12, founded: '1987-09-08', places: ['檀营东路', '檀营西街', '檀营南路'] },
  '110118100': { profile: 'plain', enterprises: 45, founded: '1980-05-10', places: ['李各庄村', '沙坞村', '季庄村', '大唐庄村', '王家楼村'] },
  '110118101': { profile: 'plain', enterprises: 25, founded: '1984-03-26', places: ['溪翁庄村', '金叵罗村', '尖岩村', '石马峪村'] },
  '110118102': { profile: 'plain', enterprises: 40, founded: '1986-07-01', places: ['西田各庄村', '卸甲山村', '牛盆峪村', '河北庄村'] },
  '110118103': { profile: 'plain', enterprises: 45, founded: '1984-11-20', places: ['十里堡村', '统军庄村', '王各庄村', '岭东村'] },
  '110118104': { profile: 'plain', enterprises: 35, founded: '1988-04-12', places: ['河南寨村', '圣水头村', '北单家庄村', '荆栗园村'] },
  '110118105': { profile: 'plain', enterprises: 30, founded: '1985-06-18', places: ['巨各庄村', '蔡家洼村', '塘子村', '豆各庄村'] },
  '110118106': { profile: 'plain', enterprises: 35, founded: '1983-10-09', places: ['穆家峪村', '荆子峪村', '碱厂村', '庄头峪村'] },
  '110118107': { profile: 'mountain', enterprises: 25, founded: '1989-05-04', places: ['太师庄村', '东田各庄村', '马场村', '上庄子村'] },
  '110118108': { profile: 'mountain', enterprises: 15, founded: '1991-03-15', places: ['高岭村', '上甸子村', '芹菜岭村'] },
  '110118109': { profile: 'mountain', enterprises: 15, founded: '1990-08-28', places: ['不老屯村', '燕落村', '史庄子村'] },
  '110118110': { profile: 'mountain', enterprises: 10, founded: '1992-04-30', places: ['冯家峪村', '石洞子村', '西白莲峪村'] },
  '110118111': { profile: 'mountain', enterprises: 20, founded: '1986-12-02', places: ['古北口村', '司马台村', '潮关村', '汤河村'] },
  '110118112': { profile: 'mountain', enterprises: 15, founded: '1990-06-21', places: ['大城子村', '墙子路村', '碰河寺村'] },
  '110118113': { profile: 'mountain', enterprises: 12, founded: '1991-09-17', places: ['东邵渠村', '石峨村', '大岭村'] },
  '110118114': { profile: 'mountain', enterprises: 10, founded: '1993-05-11', places: ['北庄村', '大岭村', '干峪沟村'] },
  '110118115': { profile: 'mountain', enterprises: 10, founded: '1992-10-26', places: ['新城子村', '遥桥峪村', '花园村'] },
  '110118116': { profile: 'mountain', enterprises: 15, founded: '1989-11-08', places: ['石城村', '黄峪口村', '张家坟村'] },
  '110118400': { profile: 'area', enterprises: 80, founded: '2003-09-26', places: ['兴盛南路', '康宝路', '云腾路', '强云路', '科技路', '水源西路', '西统路'] },
};

/** Two-character brand words; combined with a place prefix and a trade suffix. */
const BRAND_FIRST = Array.from('华金鑫永兴恒云京宏瑞盛博安泰康嘉天润德众新宇诚信利源腾凯宝佳隆昊晟丰远海长绿清蓝银正和科智联创');
const BRAND_SECOND = Array.from('达通源盛信泰丰华宇鑫隆峰成越辉祥瑞安康业兴诚维捷博腾恒远德益联美谷润');
export const BRANDS: readonly string[] = BRAND_FIRST.flatMap((a) => BRAND_SECOND.filter((b) => b !== a).map((b) => a + b));

/** Local place-flavoured brands for farms, co-operatives, hotels and scenic areas. */
export const LOCAL_BRANDS: readonly string[] = [
  '云湖', '白河', '潮河', '清水', '雾灵', '云蒙', '桃源', '燕山', '云佛', '檀州', '密水', '渔阳', '黄土梁', '五座楼', '白龙潭',
  '冶仙', '溪翁', '清凉谷', '云岫', '花果山', '栗乡', '蜂语', '山水', '京东', '长城', '水镇', '金叵罗', '蔡家洼', '史长峪', '红门川',
];

/** Transliterated-sounding brands for foreign-invested firms (fictional). */
export const FOREIGN_BRANDS: readonly string[] = [
  '艾森', '科瑞恩', '普利斯', '德铭', '安德森', '凯斯特', '诺维', '瑞普', '海德', '博瑞特', '米勒', '卡尔顿', '西蒙', '伊斯特', '莱茵',
];

/** The 16 bureaus (委办局) of the reform joint working group — not unions. */
export const MEMBER_UNITS: readonly string[] = [
  '区委组织部', '区委宣传部', '区发展改革委', '区教委', '区科委', '区经济和信息化局', '区财政局', '区人力资源社会保障局',
  '区住房城乡建设委', '区农业农村局', '区商务局', '区文化和旅游局', '区卫生健康委', '区国资委', '区市场监管局', '区应急管理局',
];

/** Large enterprises of 中关村密云园: exactly 21 with 100+ staff (the seed's figure). */
export interface ParkAnchor {
  name?: string; // fixed name; generated otherwise
  code: string; // GB/T 4754 class, looked up in TRADES for the suffix
  employees: number;
  ownership: string;
  listed?: boolean;
  division: string;
  branches?: readonly string[];
}

export const PARK_ANCHORS: readonly ParkAnchor[] = [
  // From the seed: a private shareholding company listed on the main board, 15,600 staff group-wide
  // (most abroad and on mine sites); the Miyun-registered head office carries the union roster here.
  { name: '金诚信矿业管理股份有限公司', code: 'B1120', employees: 1560, ownership: '股份制', listed: true, division: '110118400', branches: ['矿山运营事业部', '设计研究院'] },
  { code: 'C2720', employees: 760, ownership: '股份制', listed: true, division: '110118400' },
  { code: 'C3670', employees: 620, ownership: '外商投资', division: '110118400' },
  { code: 'C3823', employees: 510, ownership: '私营', division: '110118400' },
  { code: 'C3841', employees: 430, ownership: '私营', division: '110118400' },
  { code: 'C2761', employees: 380, ownership: '股份制', division: '110118103' },
  { code: 'C3982', employees: 340, ownership: '港澳台投资', division: '110118400' },
  { code: 'C1419', employees: 310, ownership: '私营', division: '110118103' },
  { code: 'C3599', employees: 280, ownership: '私营', division: '110118400' },
  { code: 'C3581', employees: 260, ownership: '私营', division: '110118400' },
  { code: 'C2740', employees: 240, ownership: '国有', division: '110118100' },
  { code: 'C3983', employees: 220, ownership: '私营', division: '110118400' },
  { code: 'C4011', employees: 200, ownership: '外商投资', division: '110118400' },
  { code: 'C3825', employees: 185, ownership: '私营', division: '110118102' },
  { code: 'I6510', employees: 170, ownership: '私营', division: '110118400' },
  { code: 'C1522', employees: 155, ownership: '私营', division: '110118103' },
  { code: 'M7340', employees: 140, ownership: '私营', division: '110118400' },
  { code: 'C3484', employees: 128, ownership: '私营', division: '110118400' },
  { code: 'G5431', employees: 115, ownership: '私营', division: '110118400' },
  { code: 'C3976', employees: 106, ownership: '股份制', listed: true, division: '110118400' },
  { code: 'C2770', employees: 101, ownership: '私营', division: '110118102' },
];

/** Trades of the park's small enterprises (high-tech, 高精尖). */
export const PARK_SMALL_CODES: readonly string[] = [
  'I6510', 'I6531', 'I6450', 'M7320', 'M7340', 'M7514', 'M7484', 'C3982', 'C3983', 'C3976', 'C3581', 'C2770',
  'C2761', 'C3841', 'C3825', 'C4011', 'C3599', 'C3484', 'C1419', 'L7299',
];

/** Park divisions with their share of the park's small enterprises. */
export const PARK_DIVISIONS: ReadonlyArray<readonly [string, number]> = [
  ['110118400', 70], ['110118103', 15], ['110118100', 8], ['110118102', 7],
];

/** Large enterprises in the towns (outside the park). */
export interface TownAnchor {
  town: string;
  code: string;
  employees: number;
  ownership: string;
  union: boolean;
}

export const TOWN_ANCHORS: readonly TownAnchor[] = [
  { town: '110118001', code: 'F5211', employees: 480, ownership: '国有', union: true },
  { town: '110118002', code: 'G5411', employees: 850, ownership: '国有', union: true },
  { town: '110118002', code: 'D4610', employees: 320, ownership: '国有', union: true },
  { town: '110118100', code: 'D4430', employees: 420, ownership: '国有', union: true },
  { town: '110118105', code: 'B0810', employees: 1100, ownership: '国有', union: true },
  { town: '110118103', code: 'C1419', employees: 760, ownership: '私营', union: true },
  { town: '110118102', code: 'E4790', employees: 1250, ownership: '股份制', union: true },
  { town: '110118111', code: 'N7861', employees: 1400, ownership: '股份制', union: true },
  { town: '110118400', code: 'C3670', employees: 980, ownership: '外商投资', union: true },
  { town: '110118400', code: 'C2720', employees: 640, ownership: '股份制', union: true },
  { town: '110118400', code: 'C3823', employees: 530, ownership: '私营', union: true },
  { town: '110118106', code: 'C1512', employees: 380, ownership: '集体', union: true },
  { town: '110118101', code: 'H6110', employees: 360, ownership: '国有', union: true },
  { town: '110118001', code: 'K7020', employees: 620, ownership: '私营', union: true },
  { town: '110118002', code: 'L7263', employees: 450, ownership: '私营', union: false },
  { town: '110118001', code: 'G6020', employees: 300, ownership: '私营', union: true },
  { town: '110118400', code: 'G5431', employees: 280, ownership: '私营', union: true },
  { town: '110118104', code: 'C3311', employees: 350, ownership: '私营', union: true },
];

/** Public institutions under the two sector unions (事业单位, credit codes 12…). */
export interface Institution {
  name: string;
  union: 'industry-edu' | 'industry-health';
  kind: 'school' | 'hospital';
  code: string;
  employees: number;
  town: string;
  branches?: number;
}

export const INSTITUTIONS: readonly Institution[] = [
  { name: '北京市密云区第二中学', union: 'industry-edu', kind: 'school', code: 'P8334', employees: 230, town: '110118001' },
  { name: '北京市密云区第三中学', union: 'industry-edu', kind: 'school', code: 'P8334', employees: 190, town: '110118002' },
  { name: '北京市密云区职业学校', union: 'industry-edu', kind: 'school', code: 'P8333', employees: 170, town: '110118002' },
  { name: '北京市密云区第一小学', union: 'industry-edu', kind: 'school', code: 'P8321', employees: 120, town: '110118001' },
  { name: '北京市密云区果园小学', union: 'industry-edu', kind: 'school', code: 'P8321', employees: 105, town: '110118002' },
  { name: '北京市密云区十里堡镇中心小学', union: 'industry-edu', kind: 'school', code: 'P8321', employees: 72, town: '110118103' },
  { name: '北京市密云区第一幼儿园', union: 'industry-edu', kind: 'school', code: 'P8310', employees: 64, town: '110118001' },
  { name: '北京市密云区医院', union: 'industry-health', kind: 'hospital', code: 'Q8411', employees: 1620, town: '110118002', branches: 2 },
  { name: '北京市密云区中医医院', union: 'industry-health', kind: 'hospital', code: 'Q8412', employees: 880, town: '110118001', branches: 2 },
  { name: '北京市密云区妇幼保健院', union: 'industry-health', kind: 'hospital', code: 'Q8433', employees: 420, town: '110118001', branches: 1 },
  { name: '北京市密云区疾病预防控制中心', union: 'industry-health', kind: 'hospital', code: 'Q8431', employees: 180, town: '110118002' },
  { name: '北京市密云区十里堡镇社区卫生服务中心', union: 'industry-health', kind: 'hospital', code: 'Q8421', employees: 85, town: '110118103' },
];

/** [6-digit division code of the ID, weight] for workers from outside Beijing. Historical codes are deliberate. */
export const MIGRANT_COUNTIES: ReadonlyArray<readonly [string, number]> = [
  ['130824', 14], // 河北 滦平县 (borders Miyun)
  ['130822', 12], // 河北 兴隆县
  ['130821', 8], // 河北 承德县
  ['130826', 6], // 河北 丰宁满族自治县
  ['130521', 3], // 河北 邢台县 (historical)
  ['131082', 4], // 河北 三河市
  ['131025', 3], // 河北 大城县
  ['130627', 3], // 河北 唐县
  ['120225', 4], // 天津 蓟县 (historical, now 蓟州区)
  ['150102', 3], // 内蒙古 呼和浩特 新城区
  ['150404', 3], // 内蒙古 赤峰 松山区
  ['230103', 3], // 黑龙江 哈尔滨 南岗区
  ['220182', 2], // 吉林 榆树市
  ['211421', 2], // 辽宁 绥中县
  ['140321', 2], // 山西 平定县
  ['371522', 3], // 山东 莘县
  ['410122', 4], // 河南 中牟县
  ['411522', 3], // 河南 光山县
  ['412726', 3], // 河南 郸城县
  ['342221', 2], // 安徽 砀山县
  ['510623', 3], // 四川 中江县
  ['500228', 2], // 重庆 梁平县 (historical)
  ['430524', 1], // 湖南 隆回县
  ['622421', 1], // 甘肃 定西 安定区 (historical 定西县)
];

/** Mobile prefixes with rough market weights (China Mobile, Unicom, Telecom, Broadnet). */
export const PHONE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['138', 8], ['139', 8], ['135', 6], ['136', 5], ['137', 5], ['134', 4], ['150', 4], ['151', 4], ['152', 3],
  ['157', 2], ['158', 4], ['159', 4], ['182', 4], ['183', 3], ['187', 4], ['188', 3], ['130', 5], ['131', 5],
  ['132', 4], ['155', 3], ['156', 4], ['185', 3], ['186', 5], ['133', 3], ['153', 2], ['180', 3], ['181', 2],
  ['189', 3], ['177', 2], ['173', 1], ['199', 2], ['176', 2], ['178', 1], ['166', 1], ['198', 1], ['191', 1],
  ['195', 1], ['193', 1], ['147', 1], ['192', 1],
];

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十 (1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + (ones === 0 ? '' : CN_DIGITS[ones]);
}
