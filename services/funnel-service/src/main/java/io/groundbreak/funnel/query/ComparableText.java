package io.groundbreak.funnel.query;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names and investors as two offices write the same thing differently: full-width and half-width forms made one
 * (NFKC: ＡＢＣ and ABC, （ and (), case, white space and punctuation dropped, and an investor's legal form
 * (有限公司, 集团, 股份, Co., Ltd. …) or a project name's closing 项目/工程 left out. Compared as sets of character
 * bigrams, which suits Chinese, where a word is two or three characters and no spaces separate them.
 */
final class ComparableText {

    /** Longest first, so that 股份有限公司 goes before 有限公司 is looked for. */
    private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "集团有限公司", "集团股份", "有限公司",
            "集团", "股份", "公司", "corporation", "limited", "company", "group", "corp", "coltd", "ltd", "inc");
    private static final List<String> PROJECT_WORDS = List.of("建设项目", "项目", "工程");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ComparableText() {
    }

    static String investor(String text) {
        return withoutEndings(basic(text), LEGAL_FORMS);
    }

    static String projectName(String text) {
        return withoutEndings(basic(text), PROJECT_WORDS);
    }

    /** The bigrams of the text; a one-character text is its own only "bigram". */
    static Set<String> bigrams(String text) {
        Set<String> bigrams = new HashSet<>();
        int[] points = text.codePoints().toArray();
        if (points.length == 1) {
            bigrams.add(text);
        }
        for (int i = 0; i + 1 < points.length; i++) {
            bigrams.add(new String(points, i, 2));
        }
        return bigrams;
    }

    /** Dice's coefficient: twice the shared bigrams over both counts; 0 when either is empty. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String bigram : a) {
            shared += b.contains(bigram) ? 1 : 0;
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    private static String basic(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_A_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
    }

    /** Drops the endings repeatedly (天津某某集团有限公司 loses 有限公司, then 集团), keeping at least two characters. */
    private static String withoutEndings(String text, List<String> endings) {
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (String ending : endings) {
                if (text.endsWith(ending) && text.length() - ending.length() >= 2) {
                    text = text.substring(0, text.length() - ending.length());
                    dropped = true;
                    break;
                }
            }
        }
        return text;
    }
}
