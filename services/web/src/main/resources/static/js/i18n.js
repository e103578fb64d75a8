// Texts of every page in Chinese (the default) and English; the choice is kept in localStorage.
const TEXTS = {
  zh: {
    appName: '重大项目全流程跟踪', dashboard: '领导看板', projects: '项目清单', audit: '审计工作台', logout: '退出',
    login: '登录', username: '用户名', password: '密码', loginFailed: '用户名或密码错误。', loggedOut: '您已退出。',
    switchLanguage: 'English', asOf: '截至日期', district: '区', chain: '产业链', allDistricts: '全部区', allChains: '全部产业链',
    stage: '阶段', reached: '累计达到', current: '当前处于', lost: '已终止', reachedInvestment: '累计达到投资',
    currentInvestment: '当前投资', conversion: '转化率', funnel: '签约—落地—开工漏斗', byDistrict: '分区排名',
    byChain: '分产业链排名', trend: '月度趋势（当月首次达到该阶段的项目数）', cycleTimes: '阶段周期（天）', from: '从', to: '到',
    count: '项目数', median: '中位数', p90: '90分位', stalled: '滞留项目', daysInStage: '在本阶段天数', since: '进入日期',
    status: '状态', plannedInvestment: '计划投资', code: '编号', name: '项目名称', inFunnel: '纳入项目',
    target: '目标', progressProjects: '项目数完成度', progressInvestment: '计划总投资完成度', due: '截止',
    none: '无', ACTIVE: '正常', SUSPENDED: '暂停', TERMINATED: '终止', loading: '加载中…', page: '第 {page} / {pages} 页，共 {total} 个',
    previous: '上一页', next: '下一页', projectsOf: '项目清单', figureReached: '累计达到「{stage}」', figureCurrent: '当前处于「{stage}」',
    figureLost: '在「{stage}」终止', stalledOver: '在本阶段超过 {days} 天', timeline: '项目进程', investor: '投资方', park: '园区',
    skipped: '跳过', notYet: '尚未达到', suspensions: '暂停记录', resumedOn: '恢复', terminatedOn: '终止日期',
    completedInvestment: '累计完成投资', history: '完整历史（审计）', sequence: '序号', type: '事件', recordedAt: '记录时间',
    recordedBy: '记录人', effective: '内容', hash: '哈希', prevHash: '前一哈希', projectId: '项目ID', show: '查看',
    bitemporal: '时点对比：某一有效日期的漏斗，按当时所知 vs 按现在所知', validAt: '有效日期', knownAt: '所知时点（北京时间）',
    compare: '对比', knownThen: '当时所知', knownNow: '现在所知', differences: '{n} 项数字不同', noDifferences: '两者一致',
    verification: '哈希链校验', verify: '开始校验', reconciliation: '对账（账本重放 vs 漏斗服务）', reconcile: '开始对账',
    export: '导出全部事件', ok: '通过', failed: '未通过', eventsChecked: '已校验事件', projectsChecked: '已校验项目',
    problems: '问题', funnelsCompared: '已比对漏斗', field: '字段', ledger: '账本', funnelService: '漏斗服务', scope: '范围',
    knownAtFormat: '格式：YYYY-MM-DD HH:mm:ss', browseProjects: '浏览项目', forbidden: '无权访问此页面。',
    planTarget: '计划目标', yi: '亿元', wan: '万元', stalledHint: '红/黄/绿：按各阶段阈值（天）', red: '红', amber: '黄',
    thresholds: '阈值', noData: '暂无数据', openProject: '打开项目', back: '返回',
  },
  en: {
    appName: 'Major projects tracker', dashboard: 'Dashboard', projects: 'Projects', audit: 'Audit', logout: 'Log out',
    login: 'Log in', username: 'User name', password: 'Password', loginFailed: 'Wrong user name or password.', loggedOut: 'You have logged out.',
    switchLanguage: '中文', asOf: 'As of', district: 'District', chain: 'Chain', allDistricts: 'All districts', allChains: 'All chains',
    stage: 'Stage', reached: 'Reached', current: 'Current', lost: 'Lost', reachedInvestment: 'Reached investment',
    currentInvestment: 'Current investment', conversion: 'Conversion', funnel: 'Sign – land – start funnel', byDistrict: 'By district',
    byChain: 'By chain', trend: 'Monthly trend (projects first reaching the stage that month)', cycleTimes: 'Cycle times (days)', from: 'From', to: 'To',
    count: 'Projects', median: 'Median', p90: 'p90', stalled: 'Stalled projects', daysInStage: 'Days in stage', since: 'Since',
    status: 'Status', plannedInvestment: 'Planned investment', code: 'Code', name: 'Project', inFunnel: 'In the funnel',
    target: 'Target', progressProjects: 'Projects against plan', progressInvestment: 'Investment against plan', due: 'due',
    none: 'none', ACTIVE: 'active', SUSPENDED: 'suspended', TERMINATED: 'terminated', loading: 'Loading…', page: 'Page {page} of {pages}, {total} projects',
    previous: 'Previous', next: 'Next', projectsOf: 'Projects', figureReached: 'Reached “{stage}”', figureCurrent: 'Currently at “{stage}”',
    figureLost: 'Terminated at “{stage}”', stalledOver: 'More than {days} days in their stage', timeline: 'Timeline', investor: 'Investor', park: 'Park',
    skipped: 'skipped', notYet: 'not yet', suspensions: 'Suspensions', resumedOn: 'resumed', terminatedOn: 'Terminated on',
    completedInvestment: 'Completed investment', history: 'Full history (audit)', sequence: 'Seq', type: 'Event', recordedAt: 'Recorded at',
    recordedBy: 'Recorded by', effective: 'Content', hash: 'Hash', prevHash: 'Previous hash', projectId: 'Project id', show: 'Show',
    bitemporal: 'The funnel valid on a date, as known at an instant vs as known now', validAt: 'Valid on', knownAt: 'Known at (Beijing time)',
    compare: 'Compare', knownThen: 'Known then', knownNow: 'Known now', differences: '{n} figures differ', noDifferences: 'Both agree',
    verification: 'Hash-chain verification', verify: 'Verify', reconciliation: 'Reconciliation (ledger replay vs funnel-service)', reconcile: 'Reconcile',
    export: 'Export every event', ok: 'OK', failed: 'FAILED', eventsChecked: 'Events checked', projectsChecked: 'Projects checked',
    problems: 'Problems', funnelsCompared: 'Funnels compared', field: 'Field', ledger: 'Ledger', funnelService: 'funnel-service', scope: 'Scope',
    knownAtFormat: 'Format: YYYY-MM-DD HH:mm:ss', browseProjects: 'Browse projects', forbidden: 'You may not open this page.',
    planTarget: 'Plan target', yi: '100M CNY', wan: '10K CNY', stalledHint: 'Red/amber/green by each stage\'s thresholds (days)', red: 'red', amber: 'amber',
    thresholds: 'Thresholds', noData: 'No data', openProject: 'Open project', back: 'Back',
  },
};

export function language() {
  return localStorage.getItem('groundbreak.lang') === 'en' ? 'en' : 'zh';
}

export function setLanguage(lang) {
  localStorage.setItem('groundbreak.lang', lang);
}

export function t(key, values = {}) {
  const text = TEXTS[language()][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** Fills every element marked data-i18n="key" with its text in the current language. */
export function translatePage() {
  document.documentElement.lang = language() === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
}

/** A reference-data label {code, nameZh, nameEn} in the current language. */
export function label(item) {
  if (!item) return '';
  return language() === 'en' ? item.nameEn : item.nameZh;
}
