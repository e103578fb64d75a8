package io.groundbreak.reference;

/** A district: its national administrative division code and its names. */
public record District(String code, String nameZh, String nameEn) {
}
