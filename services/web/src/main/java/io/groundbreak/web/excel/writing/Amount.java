package io.groundbreak.web.excel.writing;

import java.math.BigDecimal;

/** An amount of the API (yuan) written as a number of 万元 with the amount format. */
public record Amount(BigDecimal yuan) {

    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    public static Amount ofYuan(String yuan) {
        return yuan == null || yuan.isBlank() ? null : new Amount(new BigDecimal(yuan));
    }

    double wan() {
        return yuan.divide(YUAN_PER_WAN).doubleValue();
    }
}
