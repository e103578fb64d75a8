// Texts of every page in Chinese (the default) and English; the choice is kept in localStorage.
// The en dictionary lists the same keys as the zh one on purpose: one plain table per language, the form in
// which the pages' modules add theirs (addTexts).
const TEXTS = {
  zh: {
    appName: '重大项目全流程跟踪', dashboard: '领导看板', projects: '项目清单', audit: '审计工作台', logout: '退出',
    login: '登录', loginFailed: '登录未成功：此账号在本系统中没有角色或所属区。', loggedOut: '您已退出（也已退出统一身份认证）。',
    signInHint: '使用统一身份认证登录。',
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
    // district workspace, Excel import and export
    workspace: '本区工作台', districtProjects: '本区项目', registerProject: '登记项目', recordAction: '项目动态',
    project: '项目', chooseProject: '请先选择项目', act: '办理', districtOnly: '本页面供区招商部门使用。',
    actionMilestone: '记录里程碑', actionCorrection: '更正里程碑', actionRetraction: '撤回里程碑', actionSuspension: '暂停',
    actionResumption: '恢复', actionTermination: '终止', actionInvestmentReport: '投资进度', actionAmendment: '变更信息',
    field_code: '项目编号', field_name: '项目名称', field_chain: '产业链', field_investor: '投资方',
    field_plannedInvestmentCny: '计划总投资（万元）', field_park: '园区', field_stage: '阶段', field_effectiveDate: '日期',
    field_amountCny: '金额（万元）', field_note: '备注', field_reason: '原因', field_period: '报告期',
    field_cumulativeCompletedCny: '累计完成投资（万元）', optional: '（选填）', noChange: '不变更', submit: '提交',
    submitting: '提交中…', recorded: '已记录（事件 {event}，序号 {sequence}）。', required: '必填',
    amountInvalid: '须为以万元计的数字，最多六位小数', importTitle: 'Excel 导入（月度调度）',
    importHint: '下载模板，在“导入数据”表中每行填写一个操作（登记项目、记录里程碑、更正、撤回、暂停、恢复、终止、投资进度、变更信息），上传后逐行按系统规则判断并给出报告。同一文件重复上传不会重复记录。',
    downloadTemplate: '下载导入模板（.xlsx）', upload: '上传并导入', chooseFile: '请选择 .xlsx 文件。',
    importing: '正在导入：已处理 {done} / {total} 行', importDone: '导入完成：共 {total} 行',
    importInterrupted: '导入未完成：处理它的服务器实例已停止。请重新上传同一文件：已记录的行不会重复记录。',
    importSummary: '新记录 {accepted} 行 · 提交审核 {submitted} 行 · 此前已导入 {replayed} 行 · 未记录 {refused} 行 · 跳过 {skipped} 行 · 未能确认 {unconfirmed} 行',
    downloadReport: '下载导入报告（Excel）', showRows: '显示', allRows: '全部行', problemRows: '仅未记录的行',
    rowsTruncated: '仅显示前 {n} 行，完整报告请下载 Excel。', row: '行号', action: '操作', outcome: '结果', message: '说明',
    eventId: '事件 ID', outcomeACCEPTED: '已记录', outcomeSUBMITTED: '已提交审核', outcomeREPLAYED: '此前已导入', outcomeREFUSED: '未记录',
    outcomeSKIPPED: '已跳过', outcomeUNCONFIRMED: '未能确认', exportExcel: '导出 Excel',
    // how fresh the figures are
    dataAsOf: '数据截至 {at} ·（最新事件 {newest}）', appliedAt: '最新事件计入于 {at}',
    eventsWaiting: '尚有 {n} 条事件未计入，数字可能不完整',
    freshnessUnknown: '无法确认是否尚有事件未计入（消息队列未应答），数字可能不完整',
    // completeness and dead letters (audit workbench)
    completeness: '完整性（对照 milestone-service 事件库）', sourceProjects: '事件库中的项目', ledgerBehind: '账本落后的项目',
    funnelBehind: '漏斗服务落后的项目', gaps: '序号缺口', parked: '暂存（死信）记录', sourceSequence: '事件库序号',
    sourceHash: '事件库哈希', ledgerSequence: '账本序号', ledgerHash: '账本哈希', funnelSequence: '漏斗服务序号',
    funnelHash: '漏斗服务哈希', missingSequence: '缺失的序号', absent: '（缺失）', showHistory: '查看完整历史',
    shownFirst: '仅显示前 {n} 项，共 {total} 项。', completenessMissing: '审计服务的答复中没有完整性检查结果。',
    deadLetters: '死信（暂存记录）', deadLettersHint: '漏斗服务和审计服务无法应用而暂存的记录：在重新处理或丢弃之前，相应项目在漏斗或账本中不完整。',
    showAll: '显示全部（含已重新处理、已丢弃）', refresh: '刷新', service: '服务', reason: '原因', detail: '详情',
    deadLetterId: '死信 ID', firstFailureAt: '首次失败（北京时间）', lastFailureAt: '最近失败（北京时间）', attempts: '尝试次数',
    dlStatus_parked: '待处理', dlStatus_reprocessed: '已重新处理', dlStatus_discarded: '已丢弃',
    reason_malformed: '格式错误', 'reason_hash-mismatch': '哈希不符', 'reason_prev-hash-mismatch': '前一哈希不符',
    'reason_conflicts-with-ledger': '与账本冲突', 'reason_sequence-taken': '序号已被占用', 'reason_missing-predecessor': '等待前序事件',
    reason_gap: '序号缺口', reason_failed: '处理失败',
    noOutstanding: '没有待处理的记录', outstandingCount: '{n} 条待处理', listed: '共列出 {n} 条',
    reprocess: '重新处理', reprocessProject: '重新处理该项目', discard: '丢弃', discardReason: '丢弃原因（必填）',
    confirmDiscard: '确认丢弃', cancel: '取消', discarded: '记录 {id} 已丢弃。', reprocessedOne: '记录 {id}：{status} {outcome}',
    reprocessedProject: '项目 {project}：重新处理 {n} 条，仍暂存 {m} 条。', adminActsOnly: '仅管理员可以重新处理或丢弃。',
    operations: '操作记录', noOperations: '暂无操作记录', opAt: '时间（北京时间）', opAction: '操作', by: '操作人',
    op_reprocess: '重新处理', op_discard: '丢弃', requestFailed: '请求失败',
    intake: '事件接收', intake_UP: '正常', intake_DEGRADED: '降级（有暂存记录或积压超限）', intake_DOWN: '故障', intake_UNKNOWN: '未知',
    intakeParked: '暂存 {n} 条', intakeLag: '积压 {lag} 条（上限 {maxLag}）', lagUnknown: '积压未知', intakeUnreadable: '读不到事件接收状态（{status}）',
    // the monthly close (js/periods.js)
    periodTitle: '月度关账', periodHint: '关账后，本月数字按关账时点冻结；此后补录的、生效日期在本月或以前的事件若改变本月数字，列为“数字重述”。',
    periodMonth: '月份', periodCloseAction: '关账', periodClosed: '已关账', periodClosedBy: '{at} 由 {by} 关账',
    periodOpen: '未关账', periodOpenHint: '数字按现在所知。', periodClosedNow: '已关账（{at}）。', periodAsClosed: '关账时',
    periodNoRestatements: '关账后没有改变本月数字的事件。', periodRestatements: '数字重述：关账后记录、改变本月数字的 {n} 个事件',
    periodEffective: '生效', periodChanges: '改变的数字', periodAct_close: '{by} 关账', periodAct_reopen: '{by} 重新开账',
    period_reachedInMonth: '本月达到', period_reached: '月末累计达到', period_current: '月末当前处于', period_lost: '月末已终止',
    period_reachedInvestmentCny: '月末累计达到投资', period_currentInvestmentCny: '月末当前投资', period_lostInMonth: '本月终止',
    period_investmentReports: '本月报告投资进度的项目', period_completedInvestmentCny: '本月报告的累计完成投资',
    periodEvent_ProjectRegistered: '登记', periodEvent_MilestoneRecorded: '里程碑', periodEvent_MilestoneCorrected: '更正',
    periodEvent_MilestoneRetracted: '撤回', periodEvent_ProjectTerminated: '终止', periodEvent_InvestmentReported: '投资进度',
    periodEvent_ProjectDetailsAmended: '变更信息', periodCloses: '各区月度关账情况', periodDeadline: '按时关账截止：{deadline}',
    periodCounts: '按时 {onTime} · 逾期 {late} · 未关账 {notClosed}', periodClosedAt: '关账时间（北京时间）', periodReopens: '重新开账次数',
    'periodStatus_on-time': '按时关账', periodStatus_late: '逾期关账', 'periodStatus_not-closed': '未关账', periodOverdue: '（已逾期）',
    periodShow: '查看本月',
    // cohorts (js/cohorts.js)
    cohorts: '分期转化：各期达到某阶段的项目此后转入下一阶段的情况', byQuarter: '按季度', byMonth: '按月',
    cohortPeriod: '达到时期', cohort_projects: '项目数', cohort_within90: '90天内', cohort_within180: '180天内',
    cohort_within365: '365天内', cohort_reached: '已转入', cohort_waiting: '仍在等待', cohort_lost: '已终止',
    cohortsHint: '在谈抓签约、签约抓落地、落地抓开工：每行是在该时期首次达到前一阶段的项目（跳过的阶段按其后阶段的日期计），单元格颜色越深，在该天数内转入下一阶段的比例越高；斜纹表示窗口尚未期满，数字仍可能增加。点击数字查看项目。',
    windowOpen: '窗口尚未期满：该期部分项目达到阶段不足此天数', figureCohort: '{period} 达到「{stage}」',
    // duplicates and four eyes (issue 20): the marks on projects and a write that waits for review
    duplicate: '重复认定', duplicateOf: '重复项目，计入 {code}（{district}）', duplicatesOf: '重复登记：{list}', listSeparator: '、', codeInDistrict: '{code}（{district}）',
    submittedForReview: '已提交审核（申请 {request}），经本区审核人批准后生效。',
  },
  en: {
    appName: 'Major projects tracker', dashboard: 'Dashboard', projects: 'Projects', audit: 'Audit', logout: 'Log out',
    login: 'Log in', loginFailed: 'Sign-in failed: this account has no role or district here.', loggedOut: 'You have logged out (of the identity provider too).',
    signInHint: 'Sign in with the city\'s identity provider.',
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
    // district workspace, Excel import and export
    workspace: 'Workspace', districtProjects: 'Our projects', registerProject: 'Register a project', recordAction: 'Record for a project',
    project: 'Project', chooseProject: 'Choose a project first', act: 'Act', districtOnly: 'This page is for district offices.',
    actionMilestone: 'Milestone', actionCorrection: 'Correction', actionRetraction: 'Retraction', actionSuspension: 'Suspension',
    actionResumption: 'Resumption', actionTermination: 'Termination', actionInvestmentReport: 'Investment report', actionAmendment: 'Amendment',
    field_code: 'Project code', field_name: 'Project name', field_chain: 'Chain', field_investor: 'Investor',
    field_plannedInvestmentCny: 'Planned investment (10K CNY)', field_park: 'Park', field_stage: 'Stage', field_effectiveDate: 'Date',
    field_amountCny: 'Amount (10K CNY)', field_note: 'Note', field_reason: 'Reason', field_period: 'Period',
    field_cumulativeCompletedCny: 'Completed investment to date (10K CNY)', optional: '(optional)', noChange: 'unchanged', submit: 'Submit',
    submitting: 'Submitting…', recorded: 'Recorded (event {event}, sequence {sequence}).', required: 'Required',
    amountInvalid: 'A number of 10K CNY with at most six decimals', importTitle: 'Excel import (monthly report)',
    importHint: 'Download the template and write one action per row of its sheet 导入数据 (register, milestone, correction, retraction, suspension, resumption, termination, investment report, amendment); every row is judged by the same rules as a form, and you get a report. Uploading the same file twice records nothing twice.',
    downloadTemplate: 'Download the template (.xlsx)', upload: 'Upload and import', chooseFile: 'Choose an .xlsx file.',
    importing: 'Importing: {done} of {total} rows done', importDone: 'Import finished: {total} rows',
    importInterrupted: 'The import did not finish: the server instance applying it stopped. Upload the same file again: rows already recorded are not recorded twice.',
    importSummary: '{accepted} recorded · {submitted} submitted for review · {replayed} imported before · {refused} not recorded · {skipped} skipped · {unconfirmed} not confirmed',
    downloadReport: 'Download the report (Excel)', showRows: 'Show', allRows: 'all rows', problemRows: 'rows not recorded',
    rowsTruncated: 'Only the first {n} rows are shown; download the Excel report for all.', row: 'Row', action: 'Action', outcome: 'Outcome', message: 'Message',
    eventId: 'Event id', outcomeACCEPTED: 'Recorded', outcomeSUBMITTED: 'Submitted for review', outcomeREPLAYED: 'Imported before', outcomeREFUSED: 'Not recorded',
    outcomeSKIPPED: 'Skipped', outcomeUNCONFIRMED: 'Not confirmed', exportExcel: 'Export to Excel',
    // how fresh the figures are
    dataAsOf: 'Figures as of {at} · (newest event {newest})', appliedAt: 'newest event counted at {at}',
    eventsWaiting: '{n} events not counted yet: the figures may be incomplete',
    freshnessUnknown: 'Cannot tell whether events are still waiting (the message broker does not answer): the figures may be incomplete',
    // completeness and dead letters (audit workbench)
    completeness: 'Completeness (against milestone-service\'s event store)', sourceProjects: 'Projects in the event store',
    ledgerBehind: 'Projects behind in the ledger', funnelBehind: 'Projects behind in funnel-service', gaps: 'Gaps',
    parked: 'Parked records (dead letters)', sourceSequence: 'Event store seq', sourceHash: 'Event store hash',
    ledgerSequence: 'Ledger seq', ledgerHash: 'Ledger hash', funnelSequence: 'funnel-service seq', funnelHash: 'funnel-service hash',
    missingSequence: 'Missing sequence', absent: '(missing)', showHistory: 'Show the full history',
    shownFirst: 'Only the first {n} of {total} are shown.', completenessMissing: 'audit-service\'s answer holds no completeness check.',
    deadLetters: 'Dead letters (parked records)', deadLettersHint: 'Records funnel-service and audit-service could not apply and keep aside: until they are reprocessed or discarded, their projects are incomplete in the funnel or the ledger.',
    showAll: 'Show all (reprocessed and discarded too)', refresh: 'Refresh', service: 'Service', reason: 'Reason', detail: 'Detail',
    deadLetterId: 'Dead letter id', firstFailureAt: 'First failure (Beijing)', lastFailureAt: 'Last failure (Beijing)', attempts: 'Attempts',
    dlStatus_parked: 'parked', dlStatus_reprocessed: 'reprocessed', dlStatus_discarded: 'discarded',
    reason_malformed: 'malformed', 'reason_hash-mismatch': 'hash mismatch', 'reason_prev-hash-mismatch': 'previous hash mismatch',
    'reason_conflicts-with-ledger': 'conflicts with the ledger', 'reason_sequence-taken': 'sequence taken',
    'reason_missing-predecessor': 'waits for an earlier event', reason_gap: 'gap', reason_failed: 'failed',
    noOutstanding: 'Nothing parked', outstandingCount: '{n} parked', listed: '{n} listed',
    reprocess: 'Reprocess', reprocessProject: 'Reprocess project', discard: 'Discard', discardReason: 'Reason for discarding (required)',
    confirmDiscard: 'Discard', cancel: 'Cancel', discarded: 'Record {id} discarded.', reprocessedOne: 'Record {id}: {status} {outcome}',
    reprocessedProject: 'Project {project}: {n} reprocessed, {m} still parked.', adminActsOnly: 'Only an admin may reprocess or discard.',
    operations: 'Operations log', noOperations: 'No operations yet', opAt: 'At (Beijing)', opAction: 'Action', by: 'By',
    op_reprocess: 'reprocess', op_discard: 'discard', requestFailed: 'Request failed',
    intake: 'Event intake', intake_UP: 'UP', intake_DEGRADED: 'DEGRADED (records parked or lag past the bound)', intake_DOWN: 'DOWN', intake_UNKNOWN: 'UNKNOWN',
    intakeParked: '{n} parked', intakeLag: 'lag {lag} (bound {maxLag})', lagUnknown: 'lag unknown', intakeUnreadable: 'Event intake unreadable ({status})',
    // the monthly close (js/periods.js)
    periodTitle: 'Monthly close', periodHint: 'Once closed, the month\'s figures are frozen as known at the close; events recorded later, effective in the month or before, that change them are listed as restatements.',
    periodMonth: 'Month', periodCloseAction: 'Close the month', periodClosed: 'Closed', periodClosedBy: 'at {at} by {by}',
    periodOpen: 'Open', periodOpenHint: 'Figures as known now.', periodClosedNow: 'Closed ({at}).', periodAsClosed: 'As closed',
    periodNoRestatements: 'No event since the close changed the month\'s figures.', periodRestatements: 'Restatements: events recorded after the close that changed the month\'s figures ({n})',
    periodEffective: 'Effective', periodChanges: 'Figures changed', periodAct_close: 'closed by {by}', periodAct_reopen: 'reopened by {by}',
    period_reachedInMonth: 'Reached in the month', period_reached: 'Reached by month end', period_current: 'Current at month end', period_lost: 'Lost by month end',
    period_reachedInvestmentCny: 'Reached investment', period_currentInvestmentCny: 'Current investment', period_lostInMonth: 'Lost in the month',
    period_investmentReports: 'Projects reporting investment', period_completedInvestmentCny: 'Completed investment reported',
    periodEvent_ProjectRegistered: 'registration', periodEvent_MilestoneRecorded: 'milestone', periodEvent_MilestoneCorrected: 'correction',
    periodEvent_MilestoneRetracted: 'retraction', periodEvent_ProjectTerminated: 'termination', periodEvent_InvestmentReported: 'investment report',
    periodEvent_ProjectDetailsAmended: 'amendment', periodCloses: 'Monthly close by district', periodDeadline: 'On time until {deadline}',
    periodCounts: '{onTime} on time · {late} late · {notClosed} not closed', periodClosedAt: 'Closed at (Beijing)', periodReopens: 'Reopened',
    'periodStatus_on-time': 'on time', periodStatus_late: 'late', 'periodStatus_not-closed': 'not closed', periodOverdue: ' (overdue)',
    periodShow: 'Show the month',
    // cohorts (js/cohorts.js)
    cohorts: 'Cohorts: projects reaching a stage in each period, and when they reached the next', byQuarter: 'By quarter',
    byMonth: 'By month', cohortPeriod: 'Reached in', cohort_projects: 'Projects', cohort_within90: '≤ 90 days',
    cohort_within180: '≤ 180 days', cohort_within365: '≤ 365 days', cohort_reached: 'Reached', cohort_waiting: 'Waiting',
    cohort_lost: 'Lost',
    cohortsHint: 'Talks to signing, signing to landing, landing to start: each row holds the projects that first reached the earlier stage in that period (a skipped stage counts from the date of the stage above it); the darker a cell, the larger the share that reached the next stage within those days; hatched cells are windows not yet over, whose numbers may still grow. Click a number for its projects.',
    windowOpen: 'Window not over yet: some projects of this period reached the stage fewer days ago', figureCohort: 'reached {stage} in {period}',
    // duplicates and four eyes (issue 20): the marks on projects and a write that waits for review
    duplicate: 'Duplicate', duplicateOf: 'Duplicate, counted as {code} ({district})', duplicatesOf: 'Also registered as: {list}', listSeparator: ', ', codeInDistrict: '{code} ({district})',
    submittedForReview: 'Submitted for review (request {request}); it takes effect once the district\'s reviewer approves it.',
  },
};

/** Texts of a page's own module ({zh: {...}, en: {...}}), added to the shared ones. */
export function addTexts(more) {
  Object.entries(more).forEach(([lang, texts]) => Object.assign(TEXTS[lang], texts));
}

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
