package io.groundbreak.demo.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plausible Chinese names for generated projects and their investors: a two-character brand (never used
 * twice), what the project makes and what kind of project it is; the investor carries the same brand.
 */
final class NameMaker {

    private static final List<String> BRAND_FIRST = List.of("华", "瑞", "海", "泰", "博", "中", "金", "天", "鑫", "宏",
            "嘉", "联", "众", "凯", "新", "安", "远", "盛", "德", "誉", "卓", "启", "信", "润", "峰", "晨", "津", "渤",
            "华", "通", "睿", "恒");
    private static final List<String> BRAND_SECOND = List.of("达", "源", "创", "通", "宇", "芯", "航", "诚", "锐", "腾",
            "威", "晟", "科", "普", "利", "捷", "驰", "泽", "合", "康", "能", "顺", "辉", "隆", "拓", "邦", "元", "基");
    private static final List<String> PROJECT_KINDS = List.of("项目", "生产基地项目", "产业化项目", "研发生产基地项目",
            "扩产项目", "智能制造基地项目", "产业园项目");
    private static final List<String> ORIGINS = List.of("天津", "天津", "天津", "天津", "天津", "北京", "上海", "深圳",
            "江苏", "浙江", "广东", "山东", "河北", "");
    private static final List<String> COMPANY_FORMS = List.of("有限公司", "有限公司", "有限公司", "股份有限公司",
            "股份有限公司", "集团有限公司");

    private final Dice dice;
    private final Set<String> brands;

    NameMaker(Dice dice) {
        this(dice, new HashSet<>());
    }

    private NameMaker(Dice dice, Set<String> brands) {
        this.dice = dice;
        this.brands = brands;
    }

    /** Names drawn from another source, never a brand this one gave. */
    NameMaker drawingFrom(Dice other) {
        return new NameMaker(other, brands);
    }

    /** A brand no other generated project has. */
    String brand() {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String brand = dice.oneOf(BRAND_FIRST) + dice.oneOf(BRAND_SECOND);
            if (brand.charAt(0) != brand.charAt(1) && brands.add(brand)) {
                return brand;
            }
        }
        throw new IllegalStateException("no brand left: more generated projects than brands");
    }

    String projectName(String brand, Product product) {
        return brand + product.name() + dice.oneOf(PROJECT_KINDS);
    }

    String investor(String brand, ChainProfile chain) {
        return dice.oneOf(ORIGINS) + brand + dice.oneOf(chain.trades()) + dice.oneOf(COMPANY_FORMS);
    }
}
