import { Rng } from './random';

/** need, solution, proposal, negotiation, contract: the open stages of DEFAULT_STAGES in order. */
export const OPEN_STAGE_COUNT = 5;

export type Region = 'east' | 'south' | 'north' | 'west';
export type Seniority = 'senior' | 'mid' | 'junior';

export interface DemoTeam {
  name: string;
  /** Accounts of this region belong to the team; null = the new-business team, any region. */
  region: Region | null;
  /** Multipliers that give each team its own shape: deal size, time in stage, conversion. */
  size: number;
  dwell: number;
  advance: number;
}

/**
 * A rep's selling profile. Per open stage: `advance` scales the odds of moving on at the end
 * of a visit, `loss` the odds of losing there, `dwell` the time spent there, `stall` the chance
 * that a visit goes cold (several times its dwell limit). The spread of these is what the
 * funnel, velocity and coaching views are meant to reveal.
 */
export interface DemoRep {
  name: string;
  email: string;
  team: number;
  seniority: Seniority;
  /** Days before `today` the rep joined / left (null = still here). */
  joinedDaysAgo: number;
  leftDaysAgo: number | null;
  /** Relative share of the team's new deals. */
  capacity: number;
  size: number;
  /** −1 sandbagger … +1 "happy ears": how early the close dates and how high the forecast categories. */
  optimism: number;
  advance: number[];
  loss: number[];
  dwell: number[];
  stall: number[];
  /**
   * CRM hygiene. `activityGapDays`: the typical time since the rep last logged a call or
   * meeting on a live need-stage deal (later stages are touched more often); this is what
   * the `inactive` flag reads. `blankNextStep`: the share of their open deals without a
   * next step (`noNextStep`).
   */
  activityGapDays: number;
  blankNextStep: number;
  /**
   * How much the rep's mentoring (师徒制) moves a junior's deal: the exponent of the usual
   * mentor lift (1 = the usual, 0 for reps who never mentor).
   */
  mentoring: number;
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { name: '华东大客户部', region: 'east', size: 1.5, dwell: 1.15, advance: 1.03 },
  { name: '华南渠道部', region: 'south', size: 0.9, dwell: 0.85, advance: 1.0 },
  { name: '华北行业部', region: 'north', size: 1.35, dwell: 1.25, advance: 0.98 },
  { name: '西部区域部', region: 'west', size: 0.8, dwell: 1.0, advance: 1.0 },
  { name: '新业务拓展部', region: null, size: 0.65, dwell: 0.9, advance: 0.86 },
];

/**
 * Named characters of the demo story, so a tour or a test can point at them: the patterns
 * are strong enough to stand out in the velocity and funnel views at any deal count.
 */
export const DEMO_ARCHETYPES = {
  /** Sits in 报价比选 (proposal) for weeks: quotes go out, then nothing happens. */
  proposalStaller: '赵俊杰',
  /** Gets to 商务谈判 (negotiation) and loses there, mostly on price. */
  negotiationLoser: '孙浩然',
  /** Converts the late stages well and closes fast. */
  strongCloser: '陈志强',
  /** Early close dates and commit calls: the most slips. */
  happyEars: '刘洋',
  /** Late close dates and cautious categories: wins arrive ahead of the forecast. */
  sandbagger: '黄丽娟',
  /** Logs a call every few weeks and leaves next steps blank: the `inactive` and `noNextStep` flags find their deals. */
  rarelyLogs: '张敏',
  /** Log a touch on every open deal almost daily: their deals are hardly ever `inactive`. */
  diligentLoggers: ['林晓燕', '马丽'],
} as const;

type RosterRow = [
  name: string,
  email: string,
  team: number,
  seniority: Seniority,
  joinedDaysAgo: number,
  leftDaysAgo?: number,
];

// Seniors were there before the three years began, so every team always has someone to own deals.
const ROSTER: readonly RosterRow[] = [
  ['陈志强', 'chen.zhiqiang', 0, 'senior', 2900],
  ['林晓燕', 'lin.xiaoyan', 0, 'senior', 2400],
  ['王磊', 'wang.lei', 0, 'senior', 1900],
  ['赵俊杰', 'zhao.junjie', 0, 'mid', 1300],
  ['张敏', 'zhang.min', 0, 'mid', 900],
  ['高建华', 'gao.jianhua', 0, 'mid', 1150],
  ['徐静怡', 'xu.jingyi', 0, 'junior', 420],
  ['朱晨阳', 'zhu.chenyang', 0, 'junior', 250],
  ['何雨桐', 'he.yutong', 0, 'junior', 120],
  ['黄志明', 'huang.zhiming', 1, 'senior', 2600],
  ['梁嘉欣', 'liang.jiaxin', 1, 'senior', 1800],
  ['孙浩然', 'sun.haoran', 1, 'mid', 1250],
  ['吴凯', 'wu.kai', 1, 'mid', 1400, 430],
  ['邓伟', 'deng.wei', 1, 'mid', 800],
  ['罗子豪', 'luo.zihao', 1, 'junior', 520],
  ['谢婉婷', 'xie.wanting', 1, 'junior', 400],
  ['冯诗琪', 'feng.shiqi', 1, 'junior', 160],
  ['李建国', 'li.jianguo', 2, 'senior', 3200],
  ['马丽', 'ma.li', 2, 'senior', 2100],
  ['刘洋', 'liu.yang', 2, 'mid', 1500],
  ['杨帆', 'yang.fan', 2, 'mid', 980],
  ['曹雪梅', 'cao.xuemei', 2, 'mid', 700],
  ['韩冬', 'han.dong', 2, 'junior', 480],
  ['许博文', 'xu.bowen', 2, 'junior', 300],
  ['田甜', 'tian.tian', 2, 'junior', 140],
  ['黄丽娟', 'huang.lijuan', 3, 'senior', 2700],
  ['唐亮', 'tang.liang', 3, 'senior', 1600],
  ['周倩', 'zhou.qian', 3, 'mid', 1200],
  ['彭涛', 'peng.tao', 3, 'mid', 650],
  ['邱晓峰', 'qiu.xiaofeng', 3, 'mid', 1000],
  ['蒋欣然', 'jiang.xinran', 3, 'junior', 360],
  ['袁野', 'yuan.ye', 3, 'junior', 200],
  ['宋佳琪', 'song.jiaqi', 4, 'senior', 1700],
  ['董浩', 'dong.hao', 4, 'senior', 1500],
  ['郑雪', 'zheng.xue', 4, 'mid', 1300, 160],
  ['钟晓丽', 'zhong.xiaoli', 4, 'mid', 750],
  ['潘悦', 'pan.yue', 4, 'junior', 450],
  ['沈一鸣', 'shen.yiming', 4, 'junior', 330],
  ['方子涵', 'fang.zihan', 4, 'junior', 220],
  ['叶晨', 'ye.chen', 4, 'junior', 150],
];

const BASE: Record<
  Seniority,
  { advance: number; loss: number; dwell: number; size: number; capacity: number }
> = {
  senior: { advance: 1.1, loss: 0.85, dwell: 0.9, size: 1.2, capacity: 1.3 },
  mid: { advance: 1.0, loss: 1.0, dwell: 1.0, size: 1.0, capacity: 1.0 },
  junior: { advance: 0.92, loss: 1.12, dwell: 1.2, size: 0.75, capacity: 0.8 },
};

const BASE_STALL = 0.04;
/** Most reps log something on a live deal every few days… */
const TYPICAL_ACTIVITY_GAP_DAYS = 3;
const TYPICAL_BLANK_NEXT_STEP = 0.06;
/** …the diligent ones almost daily, and the one who rarely logs only every few weeks. */
const DILIGENT_ACTIVITY_GAP_DAYS = 0.8;
const DILIGENT_BLANK_NEXT_STEP = 0.02;
const RARE_ACTIVITY_GAP_DAYS = 30;
const RARE_BLANK_NEXT_STEP = 0.35;
export const DEMO_EMAIL_DOMAIN = 'demo-corp.example';

/** A rep's selling profile, before their CRM habits are drawn. */
type Profile = Omit<DemoRep, 'activityGapDays' | 'blankNextStep' | 'mentoring'>;

function buildRoster(): DemoRep[] {
  // A fixed seed: the cast is the same in every demo workspace (a tour can name people),
  // only their deals differ between seeds.
  const rng = new Rng(20_261_122, 7);
  const profiles = ROSTER.map(([name, email, team, seniority, joinedDaysAgo, leftDaysAgo]): Profile => {
    const b = BASE[seniority];
    const per = (base: number, spread: number): number[] =>
      Array.from({ length: OPEN_STAGE_COUNT }, () => base * Math.exp(spread * rng.normal()));
    return {
      name,
      email: `${email}@${DEMO_EMAIL_DOMAIN}`,
      team,
      seniority,
      joinedDaysAgo,
      leftDaysAgo: leftDaysAgo ?? null,
      capacity: b.capacity * Math.exp(0.15 * rng.normal()),
      size: b.size * Math.exp(0.12 * rng.normal()),
      optimism: Math.max(-0.6, Math.min(0.6, 0.25 * rng.normal())),
      advance: per(b.advance, 0.07),
      loss: per(b.loss, 0.1),
      dwell: per(b.dwell, 0.12),
      stall: per(BASE_STALL, 0.2),
    };
  });
  // Habits are drawn after every selling profile, so adding them left the cast's earlier
  // traits as they were.
  const reps = profiles.map((p): DemoRep => ({
    ...p,
    activityGapDays: TYPICAL_ACTIVITY_GAP_DAYS * Math.exp(0.25 * rng.normal()),
    blankNextStep: TYPICAL_BLANK_NEXT_STEP * Math.exp(0.3 * rng.normal()),
    mentoring: p.seniority === 'senior' ? 1 : 0,
  }));
  const rep = (name: string): DemoRep => reps.find((r) => r.name === name)!;

  const staller = rep(DEMO_ARCHETYPES.proposalStaller);
  staller.dwell[2] = 4.5;
  staller.stall[2] = 0.3;

  const loser = rep(DEMO_ARCHETYPES.negotiationLoser);
  loser.loss[3] = 3.5;
  loser.advance[3] = 0.75;

  const closer = rep(DEMO_ARCHETYPES.strongCloser);
  for (let s = 0; s < OPEN_STAGE_COUNT; s++) {
    closer.dwell[s] = 0.62;
    closer.stall[s] = BASE_STALL / 2;
    if (s >= 2) {
      closer.advance[s] = 1.4;
      closer.loss[s] = 0.45;
    }
  }
  // What makes them a closer rubs off: the juniors they mentor win clearly more, and sooner.
  closer.mentoring = 2.2;

  rep(DEMO_ARCHETYPES.happyEars).optimism = 0.9;
  rep(DEMO_ARCHETYPES.sandbagger).optimism = -0.8;

  const rare = rep(DEMO_ARCHETYPES.rarelyLogs);
  rare.activityGapDays = RARE_ACTIVITY_GAP_DAYS;
  rare.blankNextStep = RARE_BLANK_NEXT_STEP;
  for (const name of DEMO_ARCHETYPES.diligentLoggers) {
    rep(name).activityGapDays = DILIGENT_ACTIVITY_GAP_DAYS;
    rep(name).blankNextStep = DILIGENT_BLANK_NEXT_STEP;
  }
  return reps;
}

export const DEMO_REPS: readonly DemoRep[] = buildRoster();
