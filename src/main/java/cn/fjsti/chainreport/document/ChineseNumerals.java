package cn.fjsti.chainreport.document;

/** Chinese numerals as headings count (一, 十, 十一, 二十三, 九十九): 1 to 99; beyond, the Arabic digits. */
final class ChineseNumerals {

    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseNumerals() {
    }

    static String of(int n) {
        if (n < 1 || n > 99) {
            return String.valueOf(n);
        }
        int tens = n / 10;
        int ones = n % 10;
        if (tens == 0) {
            return DIGITS[ones];
        }
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[ones];
    }
}
