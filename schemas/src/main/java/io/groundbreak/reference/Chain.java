package io.groundbreak.reference;

/** A key industrial chain: its code as it appears in events, and its names. */
public record Chain(String code, String nameZh, String nameEn) {
}
