package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as the API writes them (decimal strings in yuan, two decimals) and as people read them (亿元). */
public final class Money {

    public static final BigDecimal YI = new BigDecimal("100000000");

    private Money() {
    }

    /** {@code "1500000000.00"} */
    public static String text(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** {@code "4,800.0亿元"} */
    public static String yi(BigDecimal yuan) {
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(yuan.divide(YI, 1, RoundingMode.HALF_UP)) + "亿元";
    }

    /** Yuan from 亿元, e.g. {@code ofYi(15)} = 1,500,000,000.00. */
    public static BigDecimal ofYi(BigDecimal yi) {
        return yi.multiply(YI).setScale(2, RoundingMode.HALF_UP);
    }
}
