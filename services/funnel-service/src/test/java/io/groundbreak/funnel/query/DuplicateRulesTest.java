package io.groundbreak.funnel.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The duplicate rules on realistic pairs (docs/funnel.md "Duplicate candidates"), with the thresholds of
 * application.yml: true duplicates as two district offices write them, and near misses that must stay apart.
 */
class DuplicateRulesTest {

    private static final DuplicateRules RULES = new DuplicateRules(new DuplicateSettings(0.6, 0.4, 1.5));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            legal form and wording differ            | 天津海河新能源科技有限公司   | 年产10GWh动力电池项目       | 5000000000 | 天津海河新能源科技股份有限公司 | 10GWh动力电池生产基地       | 4800000000
            full-width and half-width, spaces        | ＡＢＣ汽车（中国）有限公司    | ABC整车制造基地            | 3000000000 | ABC汽车(中国)有限公司        | ABC 整车制造基地项目        | 3000000000
            group name and a subsidiary's suffix     | 中科曙光信息产业集团          | 曙光高端服务器研发制造项目    | 1200000000 | 中科曙光信息产业股份有限公司    | 曙光高端服务器研发制造中心    | 1500000000
            English investor, Co., Ltd.              | Novo Bio Pharma Co., Ltd.   | 胰岛素制剂生产线             |  900000000 | NOVO BIO PHARMA LIMITED     | 胰岛素制剂生产线扩建         |  800000000
            """)
    void twoOfficesWritingOneInvestmentMakeACandidate(String pair, String investorA, String nameA, String plannedA,
                                                      String investorB, String nameB, String plannedB) {
        assertThat(RULES.compare(project("A-1", "120116", investorA, nameA, plannedA),
                project("B-1", "120110", investorB, nameB, plannedB)))
                .as(pair).hasValueSatisfying(candidate -> {
                    // named as a pair's decision names them: the smaller id text first
                    assertThat(candidate.first().projectId().toString())
                            .isLessThan(candidate.second().projectId().toString());
                    assertThat(candidate.investorSimilarity()).isGreaterThanOrEqualTo(0.6);
                    assertThat(candidate.nameSimilarity()).isGreaterThanOrEqualTo(0.4);
                    assertThat(candidate.investmentRatio()).isBetween(1.0, 1.5);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            same investor, another plant of another size | 中芯国际集成电路制造有限公司 | 12英寸晶圆代工生产线        | 10000000000 | 中芯国际集成电路制造有限公司 | 先进封装测试基地   |  500000000
            same investor and name, planned far apart    | 天津海河新能源科技有限公司    | 动力电池项目               |  5000000000 | 天津海河新能源科技有限公司    | 动力电池项目       | 9000000000
            generic name, different investors            | 天津瑞普生物技术股份有限公司  | 生物医药产业园项目          |  2000000000 | 北京康辰药业股份有限公司      | 生物医药产业园项目  | 2000000000
            same investor, unlike names                  | 天津港集团有限公司            | 北疆港区集装箱码头改造       |  3000000000 | 天津港集团有限公司            | 智慧物流园区       | 3000000000
            """)
    void nearMissesStayApart(String pair, String investorA, String nameA, String plannedA, String investorB, String nameB,
                             String plannedB) {
        assertThat(RULES.compare(project("A-1", "120116", investorA, nameA, plannedA),
                project("B-1", "120110", investorB, nameB, plannedB))).as(pair).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the same district's own two projects | 120116 | new-energy
            another chain                        | 120110 | automotive
            """)
    void onlyAnotherDistrictsProjectOfTheSameChainIsCompared(String pair, String district, String chain) {
        ComparedProject a = project("A-1", "120116", "天津海河新能源科技有限公司", "动力电池项目", "5000000000");
        ComparedProject b = new ComparedProject(UUID.randomUUID(), "B-1", "动力电池项目", district, chain,
                "天津海河新能源科技有限公司", new BigDecimal("5000000000"));

        assertThat(RULES.compare(a, b)).as(pair).isEmpty();
    }

    /**
     * A planned investment of 0 is not known yet: no evidence either way. The pair is judged on investors and names
     * alone and has no ratio, as a candidate and as a decided pair's evidence (not a huge number).
     */
    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0          | 5000000000
            5000000000 | 0
            0          | 0
            """)
    void aPlanNotKnownYetIsNoEvidenceAndHasNoRatio(String plannedA, String plannedB) {
        ComparedProject a = project("A-1", "120116", "天津海河新能源科技有限公司", "年产10GWh动力电池项目", plannedA);
        ComparedProject b = project("B-1", "120110", "天津海河新能源科技股份有限公司", "10GWh动力电池生产基地", plannedB);

        assertThat(RULES.compare(a, b)).hasValueSatisfying(candidate ->
                assertThat(candidate.investmentRatio()).isNull());
        assertThat(RULES.evidence(a, b).investmentRatio()).isNull();
        assertThat(RULES.compare(project("C-1", "120116", "中芯国际集成电路制造有限公司", "12英寸晶圆代工生产线", plannedA),
                project("D-1", "120110", "中芯国际集成电路制造有限公司", "先进封装测试基地", plannedB)))
                .as("unlike names still stay apart").isEmpty();
    }

    private static ComparedProject project(String code, String district, String investor, String name, String planned) {
        return new ComparedProject(UUID.randomUUID(), code, name, district, "new-energy", investor, new BigDecimal(planned));
    }
}
