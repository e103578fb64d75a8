package io.groundbreak.demo.generate;

import io.groundbreak.events.Stage;
import io.groundbreak.reference.ReferenceData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's data files (resources under {@code demo/}), checked against the reference data: every district
 * and chain they name exists there.
 */
record Catalog(List<NamedProject> namedProjects, Map<String, DistrictProfile> districts,
               Map<String, ChainProfile> chains, List<Product> products) {

    static Catalog load() {
        ReferenceData reference = ReferenceData.loadDefault();
        List<NamedProject> named = new ArrayList<>();
        for (Map<String, String> row : DataFile.read("demo/named-projects.csv")) {
            named.add(new NamedProject(row.get("name"), district(reference, row.get("district")),
                    chain(reference, row.get("chain")), row.get("investor"), new BigDecimal(row.get("planned_yi")),
                    row.get("park").isEmpty() ? null : row.get("park"), Stage.valueOf(row.get("final_stage"))));
        }
        Map<String, DistrictProfile> districts = new LinkedHashMap<>();
        for (Map<String, String> row : DataFile.read("demo/districts.csv")) {
            List<Park> parks = new ArrayList<>();
            for (String park : DataFile.list(row.get("parks"))) {
                String[] nameAndChains = park.split("@", 2);
                Set<String> chains = new LinkedHashSet<>();
                if (nameAndChains.length == 2) {
                    for (String chain : nameAndChains[1].split("\\+")) {
                        chains.add(chain(reference, chain));
                    }
                }
                parks.add(new Park(nameAndChains[0], chains));
            }
            List<String> chains = DataFile.list(row.get("chains")).stream().map(c -> chain(reference, c)).toList();
            String code = district(reference, row.get("code"));
            districts.put(code, new DistrictProfile(code, row.get("abbreviation"),
                    Double.parseDouble(row.get("weight")), parks, chains));
        }
        Map<String, ChainProfile> chains = new LinkedHashMap<>();
        for (Map<String, String> row : DataFile.read("demo/chains.csv")) {
            String code = chain(reference, row.get("code"));
            chains.put(code, new ChainProfile(code, Double.parseDouble(row.get("weight")),
                    DataFile.list(row.get("trades"))));
        }
        List<Product> products = new ArrayList<>();
        for (Map<String, String> row : DataFile.read("demo/products.csv")) {
            products.add(new Product(chain(reference, row.get("chain")), row.get("product"),
                    Double.parseDouble(row.get("min_yi")), Double.parseDouble(row.get("max_yi"))));
        }
        return new Catalog(List.copyOf(named), districts, chains, List.copyOf(products));
    }

    List<Product> productsOf(String chain) {
        return products.stream().filter(product -> product.chain().equals(chain)).toList();
    }

    private static String district(ReferenceData reference, String code) {
        if (!reference.isDistrict(code)) {
            throw new IllegalStateException("demo data names district " + code + ", unknown to " + reference);
        }
        return code;
    }

    private static String chain(ReferenceData reference, String code) {
        if (!reference.isChain(code)) {
            throw new IllegalStateException("demo data names chain " + code + ", unknown to " + reference);
        }
        return code;
    }
}
