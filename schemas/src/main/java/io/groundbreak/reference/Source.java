package io.groundbreak.reference;

/** Where projects come from (来源: an expo, a cooperation programme, a district's own promotion): its code and names. */
public record Source(String code, String nameZh, String nameEn) {
}
