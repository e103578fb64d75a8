package io.groundbreak.web.excel.template;

import io.groundbreak.reference.ReferenceData;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The template's "填表说明" sheet: what each action records, which columns it needs, an example. */
final class Guide {

    private static final String[][] ACTIONS = {
        {"登记项目", "登记本区的新项目", "项目编号、项目名称、产业链、投资方、计划总投资（万元）", "所在区（不填为本区）、园区、计划签约/落地/开工/投产日期、责任人、包联领导、项目来源",
            "登记项目 | TJ-BH-2024-001 | 动力电池基地 | 滨海新区 | 新能源 | 某某新能源集团 | 150000"},
        {"记录里程碑", "项目达到新阶段（可跳过阶段）", "项目编号、阶段、日期", "金额（万元）、原因或备注（作为备注）",
            "记录里程碑 | TJ-BH-2024-001 | 签约 | 2024-03-01 | 金额 150000"},
        {"更正里程碑", "更正已记录阶段的日期（和金额）", "项目编号、阶段、日期、原因或备注（原因）", "金额（万元）",
            "更正里程碑 | TJ-BH-2024-001 | 签约 | 2024-03-05 | 原因：签约日期录入有误"},
        {"撤回里程碑", "撤回最高的已记录阶段", "项目编号、阶段、原因或备注（原因）", "",
            "撤回里程碑 | TJ-BH-2024-001 | 落地 | 原因：误报，尚未落地"},
        {"暂停", "项目暂停", "项目编号、日期、原因或备注（原因）", "", "暂停 | TJ-BH-2024-001 | 2024-05-01 | 资金未到位"},
        {"恢复", "暂停的项目恢复", "项目编号、日期、原因或备注（原因）", "", "恢复 | TJ-BH-2024-001 | 2024-06-01 | 资金到位"},
        {"终止", "项目终止（此后不再接受任何变更）", "项目编号、日期、原因或备注（原因）", "", "终止 | TJ-BH-2024-001 | 2024-07-01 | 投资方退出"},
        {"投资进度", "报告截至某月的累计完成投资", "项目编号、报告期（YYYY-MM）、累计完成投资（万元）", "",
            "投资进度 | TJ-BH-2024-001 | 2024-04 | 32000"},
        {"变更信息", "变更项目名称、产业链、投资方、计划总投资、园区、计划日期、责任人、包联领导或项目来源（所在区不能变更）",
            "项目编号、原因或备注（原因），以及至少一项变更内容",
            "项目名称、产业链、投资方、计划总投资（万元）、园区、计划签约/落地/开工/投产日期（只变更填写的）、责任人、包联领导、项目来源", "变更信息 | TJ-BH-2024-001 | 投资方：某某新能源集团有限公司 | 原因：投资方更名"},
    };

    private static final String[] NOTES = {
        "每行一个操作，写在“导入数据”工作表中，第 1 行是表头，不要改动表头，不要合并单元格，不要使用公式。",
        "金额以万元计（最多六位小数，即精确到分）；日期写成 YYYY-MM-DD（或设为日期格式的单元格）；报告期写成 YYYY-MM。",
        "计划签约/落地/开工/投产日期、责任人、包联领导、项目来源为选填列，只用于“登记项目”和“变更信息”；早先下载的模板没有这些列，仍可照常导入。",
        "同一项目的各行按文件中的先后顺序提交：可以在同一文件中先登记项目，再记录它的里程碑（按项目编号对应）。",
        "每一行都按与系统接口相同的规则单独判断：阶段顺序、日期不早于最高阶段、不晚于今天、暂停或终止的项目、本区项目、项目编号不重复。",
        "上传后会得到逐行的导入报告（已记录的行附事件 ID，未记录的行附原因），可下载为 Excel。",
        "同一文件重复上传不会重复记录：已记录的行会显示“此前已导入”。",
        "导入报告（Excel）的“导入数据”表只含未记录的行：在其中改正后直接上传这份报告即可（已记录的行不会再次提交）。",
    };

    private Guide() {
    }

    static void write(XSSFSheet sheet, CellStyle header, ReferenceData reference) {
        int next = 0;
        Row title = sheet.createRow(next++);
        title.createCell(0).setCellValue("重大项目动态导入模板 · 填表说明");
        title.getCell(0).setCellStyle(header);
        next++;
        for (String note : NOTES) {
            sheet.createRow(next++).createCell(0).setCellValue(note);
        }
        next++;
        Row head = sheet.createRow(next++);
        String[] titles = {"操作", "用途", "必填列", "可选列", "示例"};
        for (int i = 0; i < titles.length; i++) {
            head.createCell(i).setCellValue(titles[i]);
            head.getCell(i).setCellStyle(header);
        }
        for (String[] action : ACTIONS) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < action.length; i++) {
                row.createCell(i).setCellValue(action[i]);
            }
        }
        next++;
        sheet.createRow(next++).createCell(0).setCellValue("下拉列表来自本系统的参考数据（" + reference.districts().size()
                + " 个区、" + reference.chains().size() + " 条产业链、" + reference.stages().size() + " 个阶段）；也可填写代码。");
        int[] widths = {14, 36, 48, 36, 70};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }
}
