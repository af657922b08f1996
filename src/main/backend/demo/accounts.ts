import type { DemoTeam, Region } from './people';
import type { Rng } from './random';

export interface DemoAccount {
  /** Registered name, e.g. 上海华信科技有限公司 (what the CRM's account field holds). */
  name: string;
  /** What people call it, e.g. 华信科技; deal names start with it. */
  shortName: string;
  industry: string;
  team: number;
  /** Deal-size multiplier: strategic accounts buy bigger. */
  size: number;
}

const CITIES: Record<Region, readonly string[]> = {
  east: ['上海', '杭州', '南京', '苏州', '宁波', '合肥', '无锡', '济南', '青岛', '福州', '厦门', '常州'],
  south: ['广州', '深圳', '东莞', '佛山', '珠海', '南宁', '海口', '长沙', '中山'],
  north: ['北京', '天津', '石家庄', '太原', '呼和浩特', '沈阳', '大连', '哈尔滨', '郑州'],
  west: ['成都', '重庆', '西安', '昆明', '贵阳', '兰州', '乌鲁木齐', '银川', '绵阳'],
};
const REGIONS: readonly Region[] = ['east', 'south', 'north', 'west'];
/** East and north hold most of the large enterprises. */
const REGION_WEIGHT = [0.36, 0.26, 0.24, 0.14];

const BRAND_FIRST = '华中金恒宏新天盛鼎博远瑞嘉创海东正凯德泰永隆汇联信安明光长峰卓汉弘佳顺宇星万同锦';
const BRAND_SECOND = '信通达科源泰晟安康德诚辉盛丰邦创远宁基兴华瑞和锐航捷恒翔宸拓';

/** Trade word of the registered name → the industry recorded on the account. */
const TRADES: readonly (readonly [string, string])[] = [
  ['科技', '信息技术'],
  ['信息', '信息技术'],
  ['数据', '信息技术'],
  ['软件', '信息技术'],
  ['智能', '制造'],
  ['电子', '制造'],
  ['机械', '制造'],
  ['汽车', '制造'],
  ['新材料', '制造'],
  ['医药', '医疗健康'],
  ['医疗', '医疗健康'],
  ['物流', '交通物流'],
  ['供应链', '交通物流'],
  ['能源', '能源'],
  ['电力', '能源'],
  ['商贸', '零售'],
  ['零售', '零售'],
  ['食品', '消费品'],
  ['金融服务', '金融'],
  ['保险代理', '金融'],
  ['教育科技', '教育'],
  ['文化传媒', '文化传媒'],
  ['建设', '建筑地产'],
  ['置业', '建筑地产'],
];
const LEGAL_FORMS = ['有限公司', '股份有限公司', '集团有限公司'];
const LEGAL_FORM_WEIGHT = [0.62, 0.25, 0.13];
/** Share of accounts the new-business team works, wherever they are. */
const NEW_BUSINESS_SHARE = 0.12;

/**
 * A few thousand distinct companies built from parts (city + brand + trade + legal form).
 * Short names are unique too, so a deal name identifies its customer.
 */
export function generateAccounts(count: number, teams: readonly DemoTeam[], rng: Rng): DemoAccount[] {
  const regionTeam = new Map<Region, number>();
  teams.forEach((t, i) => t.region && regionTeam.set(t.region, i));
  const newBusinessTeam = teams.findIndex((t) => t.region === null);

  const seen = new Set<string>();
  const accounts: DemoAccount[] = [];
  const capacity = BRAND_FIRST.length * BRAND_SECOND.length * TRADES.length;
  if (count > capacity / 2) throw new RangeError(`at most ${Math.floor(capacity / 2)} demo accounts`);
  while (accounts.length < count) {
    const first = BRAND_FIRST[rng.int(BRAND_FIRST.length)]!;
    const second = BRAND_SECOND[rng.int(BRAND_SECOND.length)]!;
    if (first === second) continue;
    const [trade, industry] = TRADES[rng.int(TRADES.length)]!;
    const shortName = first + second + trade;
    if (seen.has(shortName)) continue;
    seen.add(shortName);
    const region = REGIONS[rng.weighted(REGION_WEIGHT)]!;
    const city = rng.pick(CITIES[region]);
    const form = LEGAL_FORMS[rng.weighted(LEGAL_FORM_WEIGHT)]!;
    const team =
      newBusinessTeam >= 0 && rng.chance(NEW_BUSINESS_SHARE)
        ? newBusinessTeam
        : (regionTeam.get(region) ?? 0);
    accounts.push({ name: city + shortName + form, shortName, industry, team, size: 1 });
  }
  // The first accounts are the popular ones (see pickAccount) and the big ones.
  for (let i = 0; i < accounts.length; i++) {
    const rank = i / accounts.length;
    accounts[i]!.size = rank < 0.03 ? 1.8 : rank < 0.2 ? 1.25 : rank < 0.6 ? 1 : 0.8;
  }
  return accounts;
}

/** How many accounts a demo of `deals` deals has: about seven deals per account, a few thousand by default. */
export const accountCount = (deals: number): number => Math.min(5_000, Math.max(40, Math.round(deals / 7)));

/**
 * Skewed choice: the first tenth of the accounts (the big ones, see generateAccounts) bring
 * almost half the deals, as in any real book, yet no single customer dominates the list.
 */
export function pickAccount(accounts: readonly DemoAccount[], rng: Rng): DemoAccount {
  const top = Math.max(1, Math.floor(accounts.length / 10));
  return accounts[rng.next() < 0.4 ? rng.int(top) : rng.int(accounts.length)]!;
}
