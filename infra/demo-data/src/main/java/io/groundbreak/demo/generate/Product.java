package io.groundbreak.demo.generate;

/** What a generated project makes, with a typical planned investment range in 亿元 (demo/products.csv). */
record Product(String chain, String name, double minYi, double maxYi) {
}
