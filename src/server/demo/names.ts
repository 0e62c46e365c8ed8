// Realistic Chinese personal names for demo data.
//
// Surnames are weighted by their share of the population (approximate figures from the
// 2020 census tables published by the Ministry of Public Security), nudged towards the
// north: the demo is Beijing's Miyun District, where southern names such as 林, 梁, 黄,
// 罗, 曾 are rarer and 赵, 张, 王, 李, 刘, 孙, 马, 高 more common. 关, 佟, 那 reflect the
// Manchu families of 檀营.
//
// Given names follow the fashions of the holder's birth decade: 建国, 秀英, 淑珍 for the
// 1960s, 伟, 静, 海燕 for the 1970s–80s, 浩然, 欣怡, 梓涵 for the 1990s–2000s.

import { Rng, weighted, type Weighted } from './random.js';

/** [surname, share of population in ‰ (approximate, northern-adjusted)]. */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 80], ['李', 76], ['张', 74], ['刘', 58], ['陈', 38], ['杨', 32], ['赵', 28], ['黄', 14],
  ['周', 18], ['吴', 16], ['徐', 16], ['孙', 19], ['马', 17], ['朱', 12], ['胡', 11], ['郭', 14],
  ['何', 8], ['林', 5], ['高', 14], ['罗', 5], ['郑', 8], ['梁', 6], ['谢', 6], ['宋', 9],
  ['唐', 6], ['许', 7], ['韩', 9], ['冯', 8], ['邓', 5], ['曹', 7], ['彭', 4], ['曾', 2.5],
  ['肖', 4], ['田', 8], ['董', 8], ['袁', 5], ['潘', 4], ['于', 8], ['蒋', 3.5], ['蔡', 3],
  ['余', 3], ['杜', 6], ['叶', 3], ['程', 5], ['苏', 5], ['魏', 6], ['吕', 5], ['丁', 5],
  ['任', 5], ['沈', 3.5], ['姚', 4], ['卢', 4], ['姜', 5], ['崔', 6], ['钟', 2], ['谭', 2],
  ['陆', 2.5], ['汪', 2], ['范', 4], ['金', 3.5], ['石', 4], ['廖', 1.2], ['贾', 4.5], ['夏', 2.5],
  ['韦', 0.8], ['付', 3.5], ['方', 2.5], ['白', 4], ['邹', 2], ['孟', 4], ['熊', 1.5], ['秦', 3],
  ['邱', 1.5], ['江', 2], ['尹', 2.5], ['薛', 3], ['闫', 3.5], ['段', 2.5], ['雷', 2], ['侯', 3],
  ['龙', 1], ['史', 3], ['陶', 1.5], ['黎', 0.6], ['贺', 2], ['顾', 1.5], ['毛', 1.5], ['郝', 3.5],
  ['龚', 1], ['邵', 2], ['万', 1.5], ['钱', 1.5], ['严', 1.2], ['武', 3], ['戴', 1.5], ['孔', 1.5],
  ['常', 3], ['康', 2.5], ['牛', 2.5], ['齐', 2.5], ['庞', 1.5], ['耿', 2], ['穆', 1.5], ['关', 2],
  ['佟', 1], ['那', 0.5], ['祁', 1], ['鲁', 1], ['申', 1], ['欧阳', 0.3], ['司马', 0.05],
];

type Era = 0 | 1 | 2; // 0: born before 1975, 1: 1975–1989, 2: 1990 onwards

/** Whole two-character given names that were common in each era. */
const GIVEN2: Record<'M' | 'F', readonly [string[], string[], string[]]> = {
  M: [
    ['建国', '建军', '建华', '国强', '国庆', '建平', '志强', '志刚', '永刚', '卫东', '卫国', '振华', '德明', '海涛',
      '长青', '宝山', '玉林', '春生', '秋生', '金山', '福来', '立新', '文革', '红军', '跃进', '继红', '广才', '凤山'],
    ['海波', '建伟', '志勇', '晓东', '晓明', '立军', '文杰', '俊杰', '明亮', '春雷', '宏伟', '海龙', '小龙', '小军',
      '文博', '振宇', '东升', '晓光', '宇飞', '志远', '鹏飞', '国栋', '德志', '海洋', '亚军', '永健', '金龙', '新宇'],
    ['浩然', '子轩', '宇航', '俊豪', '博文', '浩宇', '梓豪', '子豪', '天宇', '一鸣', '思远', '嘉豪', '明轩', '宇轩',
      '睿哲', '子墨', '皓轩', '家豪', '晨阳', '子健', '泽宇', '昊天', '浩南', '铭泽', '逸飞', '博涵', '佳乐', '文轩'],
  ],
  F: [
    ['秀英', '桂兰', '淑珍', '秀兰', '玉兰', '桂英', '凤英', '秀珍', '玉珍', '淑华', '丽华', '秀云', '桂芝', '淑兰',
      '玉梅', '红梅', '春兰', '秀芳', '建英', '爱华', '素芬', '翠花', '金凤', '玉芹', '淑琴', '桂荣', '凤兰', '雪梅'],
    ['海燕', '丽娜', '晓丽', '春燕', '丽丽', '晓红', '晓燕', '艳红', '丽娟', '小红', '雪莲', '彩霞', '晓静', '晓梅',
      '丽萍', '海霞', '美玲', '雅琴', '婷婷', '晶晶', '佳佳', '亚楠', '慧敏', '文静', '红艳', '晓艳', '玉婷', '秀丽'],
    ['欣怡', '梓涵', '子涵', '雨桐', '思涵', '梦瑶', '诗琪', '佳怡', '一诺', '紫萱', '雨欣', '可馨', '梓萱', '若曦',
      '语桐', '欣然', '佳琪', '梦琪', '雅涵', '诗涵', '思雨', '心怡', '嘉怡', '雨涵', '晨曦', '静怡', '艺涵', '舒雅'],
  ],
};

/** Characters for single-character given names and for composing two-character ones. */
const CHARS: Record<'M' | 'F', readonly [string, string, string]> = {
  M: [
    '国建军华明强平伟德志忠林刚宝山海东福永庆春生文学保全振兴利来顺成祥',
    '伟磊军勇杰涛斌超明刚辉鹏华飞波宇浩凯健俊帅旭宁龙林阳亮成峰博新兵雷',
    '浩宇轩睿泽昊然子嘉铭天一博航晨阳哲瑞凯俊豪杰鑫磊鹏翔文诚晟煜辰宸',
  ],
  F: [
    '秀英兰珍芳华玉梅凤桂淑琴荣霞云芝敏红丽萍娟琳莲翠芬霞燕静洁春月',
    '丽娜敏静艳娟霞燕玲婷雪慧洁琳颖倩晶莹红梅萍丹琴云欣佳亚楠璐蕾薇',
    '欣怡悦涵琪萱雨思彤诗梦瑶婧妍琳颖晨曦馨蕊茜瑾菲雯婉嫣然晗钰淇佳',
  ],
};

const FIRST_ONLY: ReadonlySet<string> = new Set(Array.from('子一天嘉思诗梦雨若小亚晓文学'));

export interface NameTables {
  surnames: Weighted<string>;
  given2: Record<'M' | 'F', readonly [string[], string[], string[]]>;
  chars: Record<'M' | 'F', readonly [string[], string[], string[]]>;
}

const TABLES: NameTables = {
  surnames: weighted(SURNAMES),
  given2: GIVEN2,
  chars: {
    M: [Array.from(CHARS.M[0]), Array.from(CHARS.M[1]), Array.from(CHARS.M[2])],
    F: [Array.from(CHARS.F[0]), Array.from(CHARS.F[1]), Array.from(CHARS.F[2])],
  },
};

function eraOf(birthYear: number): Era {
  return birthYear < 1975 ? 0 : birthYear < 1990 ? 1 : 2;
}

/** Share of single-character given names by era (they peaked in the 1970s–80s). */
const SINGLE_SHARE: readonly [number, number, number] = [0.3, 0.33, 0.12];

/** A surname, weighted by frequency. */
export function randomSurname(rng: Rng): string {
  return rng.pickWeighted(TABLES.surnames);
}

/** A given name fitting the gender and birth decade (1–2 characters). */
export function randomGivenName(rng: Rng, gender: 'M' | 'F', birthYear: number): string {
  const era = eraOf(birthYear);
  const r = rng.next();
  const chars = TABLES.chars[gender][era];
  if (r < SINGLE_SHARE[era]) return rng.pick(chars);
  if (r < SINGLE_SHARE[era] + 0.35) return rng.pick(TABLES.given2[gender][era]);
  // Compose: first character from this era or the one before, second from this era.
  const firstPool = era > 0 && rng.chance(0.25) ? TABLES.chars[gender][(era - 1) as Era] : chars;
  const a = rng.pick(firstPool);
  let b = rng.pick(chars);
  // 婷婷 and 晶晶 happen, but not that often; 子, 一, 思 … lead a name, they rarely close one.
  for (let i = 0; i < 4 && ((b === a && !rng.chance(0.3)) || FIRST_ONLY.has(b)); i++) b = rng.pick(chars);
  return a + b;
}

/** A full name: surname + given name, 2–4 characters (2–3 for all but compound surnames). */
export function randomName(rng: Rng, gender: 'M' | 'F', birthYear: number): string {
  return randomSurname(rng) + randomGivenName(rng, gender, birthYear);
}
