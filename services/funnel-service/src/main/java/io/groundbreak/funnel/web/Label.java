package io.groundbreak.funnel.web;

/** A district, chain or stage code with its Chinese and English names from the reference data. */
record Label(String code, String nameZh, String nameEn) {
}
