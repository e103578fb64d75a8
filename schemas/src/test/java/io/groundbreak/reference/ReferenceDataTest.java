package io.groundbreak.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.events.Stage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceDataTest {

    /** docs/events.md "Reference data": the specification the bundled files must match. */
    private static final Map<String, String> DESIGN_DISTRICTS = linked(
            "120101", "和平区", "120102", "河东区", "120103", "河西区", "120104", "南开区",
            "120105", "河北区", "120106", "红桥区", "120110", "东丽区", "120111", "西青区",
            "120112", "津南区", "120113", "北辰区", "120114", "武清区", "120115", "宝坻区",
            "120116", "滨海新区", "120117", "宁河区", "120118", "静海区", "120119", "蓟州区");
    private static final Map<String, String> DESIGN_CHAINS = linked(
            "it-innovation", "信息技术应用创新", "biomedicine", "生物医药", "new-energy", "新能源",
            "high-end-equipment", "高端装备", "automotive", "汽车和新能源汽车", "connected-vehicles", "车联网",
            "new-materials", "新材料", "integrated-circuits", "集成电路", "green-petrochemicals", "绿色石化",
            "aerospace", "航空航天", "other", "其他");
    private static final Map<String, String> DESIGN_STAGES = linked(
            "TALKS", "在谈", "SIGNED", "签约", "LANDED", "落地", "STARTED", "开工", "PRODUCING", "投产");

    @TempDir
    Path dir;

    @Test
    void theBundledDataIsTheDesignsReferenceDeployment() {
        ReferenceData data = ReferenceData.loadDefault();

        assertThat(data.districts()).extracting(District::code, District::nameZh)
                .containsExactlyElementsOf(pairs(DESIGN_DISTRICTS));
        assertThat(data.chains()).extracting(Chain::code, Chain::nameZh)
                .containsExactlyElementsOf(pairs(DESIGN_CHAINS));
        assertThat(data.stages()).extracting(StageInfo::code, StageInfo::nameZh)
                .containsExactlyElementsOf(pairs(DESIGN_STAGES));
        assertThat(data.stages()).extracting(StageInfo::stage).containsExactly(Stage.values());
        assertThat(data.districts()).allSatisfy(d -> assertThat(d.nameEn()).isNotBlank());
        assertThat(data.chains()).allSatisfy(c -> assertThat(c.nameEn()).isNotBlank());
        assertThat(data.source()).isEqualTo("classpath:reference/");
    }

    @Test
    void looksCodesUp() {
        ReferenceData data = ReferenceData.loadDefault();

        assertThat(data.isDistrict("120116")).isTrue();
        assertThat(data.isDistrict("120107")).isFalse();
        assertThat(data.isDistrict(null)).isFalse();
        assertThat(data.district("120116")).contains(new District("120116", "滨海新区", "Binhai New Area"));
        assertThat(data.district("510104")).isEmpty();
        assertThat(data.isChain("aerospace")).isTrue();
        assertThat(data.isChain("Aerospace")).isFalse();
        assertThat(data.chain("integrated-circuits")).map(Chain::nameEn).contains("Integrated circuits");
        assertThat(data.stage(Stage.LANDED)).isEqualTo(new StageInfo(Stage.LANDED, "落地", "Landed", 3));
        assertThat(data.districtCodes()).hasSize(16).startsWith("120101").endsWith("120119");
        assertThat(data.chainCodes()).hasSize(11).contains("other");
    }

    @Test
    void projectSourcesAreACodeListOfTheirOwnAndAnOlderDataSetWithoutThemStillLoads() throws Exception {
        ReferenceData data = ReferenceData.loadDefault();

        assertThat(data.sources()).extracting(Source::code).startsWith("world-intelligence-expo", "beijing-tianjin-hebei")
                .contains("district-promotion", "other");
        assertThat(data.source("world-intelligence-expo")).map(Source::nameZh).contains("世界智能大会");
        assertThat(data.sources()).allSatisfy(s -> assertThat(s.nameEn()).isNotBlank());
        assertThat(data.isSource("other")).isTrue();
        assertThat(data.isSource("Other")).isFalse();
        assertThat(data.isSource(null)).isFalse();
        // chengdu's set predates sources.csv: it loads, and no source can be recorded there
        assertThat(ReferenceData.load(chengdu()).sources()).isEmpty();

        write("code,name_zh,name_en\n120101,和平区,Heping\n", "code,name_zh,name_en\nother,其他,Other\n",
                "code,name_zh,name_en,order\nTALKS,在谈,In talks,1\nSIGNED,签约,Signed,2\nLANDED,落地,Landed,3\n"
                        + "STARTED,开工,Started,4\nPRODUCING,投产,Producing,5\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ReferenceData.SOURCES_FILE), "code,name_zh,name_en\nexpo,博览会,Expo\nexpo,博览会,Expo\n");
        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("sources.csv:3: source expo is listed twice");
    }

    @Test
    void anotherCitysDataSetLoadsFromADirectory() throws Exception {
        ReferenceData chengdu = ReferenceData.load(chengdu());

        assertThat(chengdu.districtCodes()).containsExactly("510104", "510105", "510106", "510107", "510108");
        // columns in another order, a byte order mark and an extra column are accepted
        assertThat(chengdu.district("510107")).contains(new District("510107", "武侯区", "Wuhou District"));
        // a quoted field holds a comma and a doubled quote
        assertThat(chengdu.chain("food-and-beverages")).map(Chain::nameEn)
                .contains("Food, beverages and \"specialty\" liquor");
        // CRLF line ends, and stages renamed but not re-coded
        assertThat(chengdu.stage(Stage.TALKS)).isEqualTo(new StageInfo(Stage.TALKS, "洽谈", "Negotiating", 1));
        assertThat(chengdu.isDistrict("120116")).isFalse();
        assertThat(chengdu.isChain("aerospace")).isFalse();
        assertThat(chengdu.source()).isEqualTo(chengdu().toString());
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheDefault() throws Exception {
        String chengdu = chengdu().toString();
        Map<String, String> none = Map.of();

        ReferenceData byProperty = ReferenceData.loadConfigured(
                Map.of(ReferenceData.DIRECTORY_PROPERTY, chengdu)::get,
                Map.of(ReferenceData.DIRECTORY_ENVIRONMENT_VARIABLE, "/does/not/exist")::get);
        ReferenceData byEnvironment = ReferenceData.loadConfigured(
                Map.of(ReferenceData.DIRECTORY_PROPERTY, " ")::get,
                Map.of(ReferenceData.DIRECTORY_ENVIRONMENT_VARIABLE, chengdu)::get);
        ReferenceData byDefault = ReferenceData.loadConfigured(none::get, none::get);

        assertThat(byProperty.isDistrict("510104")).isTrue();
        assertThat(byEnvironment.isDistrict("510104")).isTrue();
        assertThat(byDefault.isDistrict("120101")).isTrue();
    }

    @Test
    void theRealSystemPropertyIsRead() throws Exception {
        String before = System.getProperty(ReferenceData.DIRECTORY_PROPERTY);
        System.setProperty(ReferenceData.DIRECTORY_PROPERTY, chengdu().toString());
        try {
            assertThat(ReferenceData.loadConfigured().districtCodes()).contains("510108");
        } finally {
            if (before == null) {
                System.clearProperty(ReferenceData.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(ReferenceData.DIRECTORY_PROPERTY, before);
            }
        }
    }

    static Stream<Arguments> brokenDataSets() {
        String districts = "code,name_zh,name_en\n120101,和平区,Heping District\n";
        String chains = "code,name_zh,name_en\nother,其他,Other\n";
        String stages = "code,name_zh,name_en,order\nTALKS,在谈,In talks,1\nSIGNED,签约,Signed,2\n"
                + "LANDED,落地,Landed,3\nSTARTED,开工,Started,4\nPRODUCING,投产,Producing,5\n";
        return Stream.of(
                Arguments.of("duplicate district", districts + "120101,和平区,Heping\n", chains, stages,
                        "districts.csv:3: district 120101 is listed twice"),
                Arguments.of("district code not six digits", "code,name_zh,name_en\n12010,和平区,Heping\n", chains, stages,
                        "districts.csv:2: code '12010' is not six digits"),
                Arguments.of("missing column", "code,name_zh\n120101,和平区\n", chains, stages,
                        "districts.csv:1: column 'name_en' is missing"),
                Arguments.of("empty name", "code,name_zh,name_en\n120101,,Heping\n", chains, stages,
                        "districts.csv:2: name_zh is empty"),
                Arguments.of("field count", districts, chains + "aerospace,航空航天\n", stages,
                        "chains.csv:3: 2 fields, the header has 3"),
                Arguments.of("chain code in capitals", districts, "code,name_zh,name_en\nAerospace,航空航天,Aerospace\n", stages,
                        "chains.csv:2: code 'Aerospace' is not lowercase letters, digits and hyphens"),
                Arguments.of("unterminated quote", districts, chains + "x,\"其他,Other\n", stages,
                        "chains.csv:3: Missing closing quote"),
                Arguments.of("no chain", districts, "code,name_zh,name_en\n", stages,
                        "chains.csv: no chain"),
                Arguments.of("unknown stage", districts, chains, stages + "OPERATING,运营,Operating,6\n",
                        "stages.csv:7: code 'OPERATING' is not one of"),
                Arguments.of("stages reordered", districts, chains, stages.replace("TALKS,在谈,In talks,1", "TALKS,在谈,In talks,9"),
                        "stages.csv:2: stage TALKS must have order 1"),
                Arguments.of("stage missing", districts, chains, stages.replace("PRODUCING,投产,Producing,5\n", ""),
                        "stages.csv: stages [PRODUCING] are missing"),
                Arguments.of("order not a number", districts, chains, stages.replace("Signed,2", "Signed,two"),
                        "stages.csv:3: order 'two' is not a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDataSets")
    void aBrokenDataSetFailsNamingFileAndLine(String why, String districts, String chains, String stages,
                                              String message) throws IOException {
        write(districts, chains, stages, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMissingFileOrAFileThatIsNotUtf8Fails() throws IOException {
        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("districts.csv is missing");

        write("code,name_zh,name_en\n120101,和平区,Heping\n", "code,name_zh,name_en\nother,其他,Other\n",
                "code,name_zh,name_en,order\n", Charset.forName("GBK"));
        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessageContaining("districts.csv is not UTF-8");
    }

    private void write(String districts, String chains, String stages, Charset charset) throws IOException {
        Files.writeString(dir.resolve(ReferenceData.DISTRICTS_FILE), districts, charset);
        Files.writeString(dir.resolve(ReferenceData.CHAINS_FILE), chains, charset);
        Files.writeString(dir.resolve(ReferenceData.STAGES_FILE), stages, charset);
    }

    static Path chengdu() throws URISyntaxException {
        return Path.of(ReferenceDataTest.class.getResource("/reference/chengdu/districts.csv").toURI()).getParent();
    }

    private static Map<String, String> linked(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static java.util.List<org.assertj.core.groups.Tuple> pairs(Map<String, String> map) {
        return map.entrySet().stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
                .toList();
    }
}
